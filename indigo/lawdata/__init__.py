"""Law-dated data: what the law says, by the date it applies from.

A *series* (the versions of one product, the values of one rule parameter) is a list
of versions, each with a ``valid_from``. The version in force on a day is the one with
the latest ``valid_from`` on or before it, so a version ends the day before the next
one starts: ``valid_to`` is derived, never stored, and versions cannot overlap.

``models`` holds the abstract model and its queries, ``admin`` the derived end as an
admin column, and ``loader`` the one way Indigo reads and loads its data files
(products, parameters, desks). This package sits at the bottom: it imports Django, the
standard library, yaml and ``indigo.deadlines`` only.
"""
