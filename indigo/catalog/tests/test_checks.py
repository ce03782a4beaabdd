"""The catalog's system checks, each on a catalog broken in one way."""

import pytest
from django.core.checks import run_checks
from django.db import connection

from indigo.catalog import checks
from indigo.catalog.models import VersionDocumentType
from indigo.catalog.tests.factories import (
    ProductFactory,
    ProductVersionFactory,
    TaskDefinitionFactory,
)

DATABASES = ["default"]


def ids_for(messages, obj) -> set[str]:
    return {m.id for m in messages if m.obj == obj}


def test_a_sound_version_passes_every_catalog_check(db):
    version = ProductVersionFactory()

    messages = run_checks(tags=[checks.TAG], databases=DATABASES)

    assert ids_for(messages, version) == set()
    # A made-up product has no remedies and no citation in the shipped files
    # (test_remedies covers E006 and E007).
    assert ids_for(messages, version.product) == {"catalog.E006", "catalog.E007"}


def test_a_product_without_a_version_is_an_error(db):
    product = ProductFactory()

    messages = checks.check_products_have_versions(databases=DATABASES)

    assert ids_for(messages, product) == {"catalog.E001"}


def test_a_decision_period_of_zero_is_an_error(db):
    version = ProductVersionFactory(decision_period_value=0)

    messages = checks.check_decision_periods(databases=DATABASES)

    assert ids_for(messages, version) == {"catalog.E002"}


@pytest.mark.parametrize("field", ["legal_basis", "decision_period_source", "fee_source"])
def test_a_version_without_a_source_is_an_error(db, field):
    version = ProductVersionFactory(**{field: "  "})

    messages = checks.check_sources(databases=DATABASES)

    assert ids_for(messages, version) == {"catalog.E003"}


def test_an_extension_without_a_legal_basis_is_an_error(db):
    version = ProductVersionFactory(extension_value=3, extension_unit="months")

    messages = checks.check_sources(databases=DATABASES)

    assert ids_for(messages, version) == {"catalog.E003"}


def test_a_version_that_does_not_require_a_passport_is_an_error(db):
    version = ProductVersionFactory()
    VersionDocumentType.objects.filter(version=version).update(required=False)

    messages = checks.check_passport_required(databases=DATABASES)

    assert ids_for(messages, version) == {"catalog.E004"}


def test_a_version_without_task_definitions_is_an_error(db):
    version = ProductVersionFactory(tasks=False)

    messages = checks.check_versions_have_tasks(databases=DATABASES)

    assert ids_for(messages, version) == {"catalog.E005"}


def test_a_version_whose_tasks_all_let_the_decision_go_ahead_is_a_warning(db):
    version = ProductVersionFactory()
    TaskDefinitionFactory(version=version, code="brp-check")
    version.task_definitions.update(blocking=False)

    messages = checks.check_versions_have_a_blocking_task(databases=DATABASES)

    assert ids_for(messages, version) == {"catalog.W002"}


def test_a_version_without_tasks_is_not_also_warned_about_blocking_tasks(db):
    version = ProductVersionFactory(tasks=False)

    messages = checks.check_versions_have_a_blocking_task(databases=DATABASES)

    assert ids_for(messages, version) == set()


def test_an_unverified_fee_is_a_warning(db):
    version = ProductVersionFactory(fee_verified=False)

    messages = checks.check_fees_verified(databases=DATABASES)

    assert ids_for(messages, version) == {"catalog.W001"}


def test_the_catalog_checks_stay_silent_when_no_database_is_named(db):
    ProductFactory()

    assert run_checks(tags=[checks.TAG]) == []


def test_the_catalog_checks_stay_silent_before_the_tables_exist(db, monkeypatch):
    ProductFactory()
    monkeypatch.setattr(connection.introspection, "table_names", lambda *a, **k: [])

    assert run_checks(tags=[checks.TAG], databases=DATABASES) == []
