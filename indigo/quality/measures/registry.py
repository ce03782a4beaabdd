"""All measures of all providers named in `settings.INDIGO_MEASURE_PROVIDERS`."""

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from indigo.quality.measures.base import Measure, MeasureProvider, MeasureQuery


@cache
def _providers(paths: tuple[str, ...]) -> tuple[MeasureProvider, ...]:
    return tuple(import_string(path)() for path in paths)


def providers() -> tuple[MeasureProvider, ...]:
    return _providers(tuple(settings.INDIGO_MEASURE_PROVIDERS))


def measure_definitions() -> list[Measure]:
    return [m for provider in providers() for m in provider.measures]


def measures_compute(query: MeasureQuery, *, only: set[str] | None = None) -> dict[str, dict]:
    """{group: {key: value}} for every measure; "" is the only group without grouping.

    A measure its provider could not split by the grouping is None in every group.
    `only`: compute just the providers of these measures (a chart needing three).
    """
    chosen = [p for p in providers() if only is None or any(m.key in only for m in p.measures)]
    keys = [m.key for p in chosen for m in p.measures]
    merged: dict[str, dict] = {}
    for provider in chosen:
        for group, values in provider.compute(query).items():
            merged.setdefault(group, {}).update(values)
    if not query.group_by:
        merged.setdefault("", {})
    return {
        group: {key: merged[group].get(key) for key in keys}
        for group in sorted(merged, key=lambda g: (g == "", g))
    }
