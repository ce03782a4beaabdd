"""Measures (Condor): what goes wrong in service and where to steer, from the events.

`registry.measures_compute(query)` answers every measure of every provider for a
query (period, filters, grouping). Providers are classes named in
`settings.INDIGO_MEASURE_PROVIDERS`, like Django's authentication backends, so an app
built later (complaints, objections, penalties, partner waiting times) adds its
measures by naming its provider there; nothing here imports it.
"""
