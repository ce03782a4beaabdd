"""Which version is in force on a day, and until when a version is in force."""

from datetime import date, timedelta

import pytest
from django.db import models
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indigo.lawdata.models import LawDated
from indigo.lawdata.tests.models import test_apps


@pytest.fixture
def two_series(rates):
    """Series a: 100 from 2025, 200 from 2026. Series b: 300 from 1 July 2025."""
    rates.objects.create(series="a", valid_from=date(2025, 1, 1), amount=100)
    rates.objects.create(series="a", valid_from=date(2026, 1, 1), amount=200)
    rates.objects.create(series="b", valid_from=date(2025, 7, 1), amount=300)
    return rates


def amount_on(rates, series: str, day: date):
    version = rates.objects.filter(series=series).in_force_on(day)
    return None if version is None else version.amount


def test_nothing_is_in_force_before_the_first_version_starts(two_series):
    assert amount_on(two_series, "a", date(2024, 12, 31)) is None


def test_the_first_version_is_in_force_on_its_first_day(two_series):
    assert amount_on(two_series, "a", date(2025, 1, 1)) == 100


def test_a_version_is_in_force_on_the_day_before_the_next_one_starts(two_series):
    assert amount_on(two_series, "a", date(2025, 12, 31)) == 100


def test_the_next_version_is_in_force_from_the_day_it_starts(two_series):
    assert amount_on(two_series, "a", date(2026, 1, 1)) == 200


def test_the_latest_version_stays_in_force_without_end(two_series):
    assert amount_on(two_series, "a", date(2099, 12, 31)) == 200


def test_each_series_has_its_own_version_in_force(two_series):
    assert amount_on(two_series, "b", date(2025, 6, 30)) is None
    assert amount_on(two_series, "b", date(2025, 7, 1)) == 300
    assert amount_on(two_series, "a", date(2025, 7, 1)) == 100


def test_all_in_force_on_gives_one_version_per_series_that_has_started(two_series):
    before_b = two_series.objects.all_in_force_on(date(2025, 6, 30))
    later = two_series.objects.all_in_force_on(date(2026, 1, 1))

    assert sorted(before_b.values_list("series", "amount")) == [("a", 100)]
    assert sorted(later.values_list("series", "amount")) == [("a", 200), ("b", 300)]


def test_all_in_force_on_keeps_the_filter_it_is_given(two_series):
    in_force = two_series.objects.filter(series="b").all_in_force_on(date(2026, 1, 1))

    assert list(in_force.values_list("series", "amount")) == [("b", 300)]


def test_with_valid_to_ends_each_version_the_day_before_the_next_of_its_series(two_series):
    rows = two_series.objects.with_valid_to().order_by("series", "valid_from")

    assert [(r.series, r.valid_from, r.valid_to) for r in rows] == [
        ("a", date(2025, 1, 1), date(2025, 12, 31)),
        ("a", date(2026, 1, 1), None),
        ("b", date(2025, 7, 1), None),
    ]


def test_with_valid_to_looks_past_the_filter_for_the_next_version(two_series):
    first = two_series.objects.filter(valid_from=date(2025, 1, 1)).with_valid_to().get()

    assert first.valid_to == date(2025, 12, 31)


def test_with_valid_to_counts_a_leap_day(rates):
    rates.objects.create(series="c", valid_from=date(2024, 1, 1), amount=1)
    rates.objects.create(series="c", valid_from=date(2024, 3, 1), amount=2)

    first = rates.objects.with_valid_to().get(valid_from=date(2024, 1, 1))

    assert first.valid_to == date(2024, 2, 29)


def test_with_valid_to_asks_the_database_once_for_every_row(two_series, django_assert_num_queries):
    with django_assert_num_queries(1):
        ends = [row.valid_to for row in two_series.objects.with_valid_to()]

    assert sorted(ends, key=str) == [date(2025, 12, 31), None, None]


def test_valid_to_of_a_single_row_is_the_day_before_the_next_version(two_series):
    first = two_series.objects.get(series="a", valid_from=date(2025, 1, 1))

    assert first.valid_to == date(2025, 12, 31)


def test_valid_to_of_the_latest_version_is_open_ended(two_series):
    latest = two_series.objects.get(series="a", valid_from=date(2026, 1, 1))

    assert latest.valid_to is None


def test_a_version_inserted_in_between_shortens_the_one_before(two_series):
    two_series.objects.create(series="a", valid_from=date(2025, 4, 1), amount=150)

    first = two_series.objects.get(series="a", valid_from=date(2025, 1, 1))

    assert first.valid_to == date(2025, 3, 31)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    starts=st.sets(st.dates(date(2024, 1, 1), date(2026, 12, 31)), min_size=1, max_size=5),
    day=st.dates(date(2023, 12, 1), date(2027, 2, 1)),
)
def test_the_version_in_force_on_a_day_is_the_one_whose_period_holds_the_day(rates, starts, day):
    rates.objects.all().delete()
    for amount, start in enumerate(sorted(starts)):
        rates.objects.create(series="p", valid_from=start, amount=amount)

    in_force = rates.objects.filter(series="p").in_force_on(day)

    holding = [
        row.valid_from
        for row in rates.objects.with_valid_to()
        if row.valid_from <= day and (row.valid_to is None or day <= row.valid_to)
    ]
    assert len(holding) == (0 if day < min(starts) else 1)
    assert (in_force.valid_from if in_force else None) == (holding[0] if holding else None)
    if in_force and in_force.valid_to:
        assert in_force.valid_to + timedelta(days=1) in starts


# -- the model check ------------------------------------------------------------------


def law_dated_model(name: str, series_fields, constraints=()) -> type[LawDated]:
    meta = type(
        "Meta", (), {"apps": test_apps, "app_label": "lawdata_tests", "constraints": constraints}
    )
    attrs = {
        "__module__": __name__,
        "Meta": meta,
        "series": models.CharField(max_length=20),
        "series_fields": series_fields,
    }
    return type(name, (LawDated,), attrs)


def check_ids(model) -> list[str]:
    return [message.id for message in model._check_series_fields()]


def test_the_test_model_passes_the_check(rates):
    assert check_ids(rates) == []


def test_a_model_without_series_fields_fails_the_check():
    assert check_ids(law_dated_model("NoSeries", ())) == ["lawdata.E001"]


def test_a_model_whose_series_field_does_not_exist_fails_the_check():
    assert check_ids(law_dated_model("Misspelt", ("seires",))) == ["lawdata.E002"]


def test_a_model_that_allows_two_versions_on_one_day_fails_the_check():
    assert check_ids(law_dated_model("NotUnique", ("series",))) == ["lawdata.E003"]


def test_a_model_with_one_version_per_series_and_day_passes_the_check():
    unique = models.UniqueConstraint(fields=["series", "valid_from"], name="once")

    assert check_ids(law_dated_model("Unique", ("series",), [unique])) == []
