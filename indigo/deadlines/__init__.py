"""Legal decision deadlines (beslistermijnen): pure date arithmetic, no database, no clock.

- ``periods``: a period (termijn) in days, weeks or months and where it ends.
- ``holidays``: generally recognised public holidays, Algemene termijnenwet (Atw) art. 3.
- ``termijnenwet``: extending a period's end under Atw art. 1 and 2.
- ``calculator``: the due date of a decision, with suspension (opschorting, Awb 4:15)
  and extension (verlenging), and its status on a given day.

``today`` is always a parameter; callers pass ``indigo.clock.today()``.
"""
