"""The rules' system checks, each on parameters or rule sets broken in one way."""

from datetime import date

import time_machine
from django.core.checks import run_checks

from indigo.catalog.tests.factories import ProductVersionFactory
from indigo.rules import checks
from indigo.rules.models import Parameter

DATABASES = ["default"]


def ids_for(messages, obj) -> set[str]:
    return {m.id for m in messages if m.obj == obj}


def test_an_unverified_value_is_a_warning(db):
    row = Parameter.objects.get(key="hsm-age-boundary")

    messages = checks.check_parameters_verified(databases=DATABASES)

    assert ids_for(messages, row) == {"rules.W001"}


def test_a_missing_figure_is_not_also_warned_about_as_unverified(db):
    row = Parameter.objects.get(key="study-means-monthly")

    assert ids_for(checks.check_parameters_verified(databases=DATABASES), row) == set()


def test_a_verified_value_is_not_warned_about(db):
    row = Parameter.objects.get(key="hsm-salary-30-plus", valid_from=date(2026, 1, 1))

    assert ids_for(checks.check_parameters_verified(databases=DATABASES), row) == set()


@time_machine.travel("2026-03-02 10:00 +01:00")
def test_a_missing_figure_in_force_today_is_a_warning(db):
    row = Parameter.objects.get(key="study-means-monthly", valid_from=date(2025, 1, 1))

    messages = checks.check_parameters_in_force_today(databases=DATABASES)

    assert ids_for(messages, row) == {"rules.W003"}


@time_machine.travel("2026-03-02 10:00 +01:00")
def test_a_missing_figure_no_longer_in_force_is_not_warned_about(db):
    row = Parameter.objects.get(key="eu-blue-card-salary", valid_from=date(2024, 1, 1))

    assert ids_for(checks.check_parameters_in_force_today(databases=DATABASES), row) == set()


def test_a_key_without_any_version_is_a_warning(db):
    Parameter.objects.filter(key="hsm-permit-max-years").delete()

    messages = checks.check_parameters_in_force_today(databases=DATABASES)

    assert ids_for(messages, "hsm-permit-max-years") == {"rules.W002"}


def test_another_apps_threshold_without_a_version_is_not_warned_about(db):
    messages = checks.check_parameters_in_force_today(databases=DATABASES)

    assert ids_for(messages, "misuse-lookback-days") == set()


def test_every_shipped_product_version_has_a_rule_set(db):
    assert checks.check_product_versions_have_rule_sets(databases=DATABASES) == []


def test_a_product_version_without_a_rule_set_is_an_error(db):
    version = ProductVersionFactory()

    messages = checks.check_product_versions_have_rule_sets(databases=DATABASES)

    assert ids_for(messages, version) == {"rules.E001"}


def test_the_checks_stay_silent_when_no_database_is_named(db):
    assert run_checks(tags=[checks.TAG]) == []
