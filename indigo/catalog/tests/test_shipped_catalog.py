"""The catalog file shipped with Indigo (data/products.yaml)."""

from datetime import timedelta

from django.core.checks import ERROR, run_checks

from indigo.catalog.checks import TAG
from indigo.catalog.models import Product, ProductVersion, TaskDefinition
from indigo.catalog.services import catalog_load
from indigo.catalog.tests.conftest import catalog_counts
from indigo.deadlines.periods import add_period

PROCESSES = {
    "study": "regular-economic",
    "highly-skilled-migrant": "regular-economic",
    "eu-blue-card": "regular-economic",
    "paid-employment": "regular-economic",
    "au-pair": "regular-economic",
    "exchange": "regular-economic",
    "family-partner": "regular-social",
    "family-child": "regular-social",
    "permanent-residence-eu": "regular-social",
    "asylum": "asylum",
    "naturalisation": "naturalisation",
}


def test_loading_the_shipped_catalog_creates_all_eleven_products_with_their_processes(
    empty_catalog,
):
    report = catalog_load()

    assert dict(Product.objects.values_list("code", "process")) == PROCESSES
    assert "product asylum" in report.created


def test_every_shipped_version_requires_a_passport(empty_catalog):
    catalog_load()

    versions = ProductVersion.objects.all()
    assert versions.exists()
    for version in versions:
        assert version.versiondocumenttype_set.filter(
            document_type__code="passport", required=True
        ).exists(), version


def test_every_shipped_version_has_at_least_two_tasks_and_one_of_them_blocks(empty_catalog):
    catalog_load()

    for version in ProductVersion.objects.prefetch_related("task_definitions"):
        tasks = version.task_definitions.all()
        assert len(tasks) >= 2, version
        assert any(t.blocking for t in tasks), version


def test_every_shipped_task_is_due_within_the_decision_period_and_expected_before_it_is_due(
    empty_catalog,
):
    catalog_load()

    for task in TaskDefinition.objects.select_related("version"):
        version = task.version
        period_days = add_period(version.valid_from, version.decision_period) - version.valid_from
        assert 0 < task.expected_days <= task.due_days, task.code
        assert timedelta(days=task.due_days) < period_days, (str(version), task.code)


def test_the_shipped_asylum_tasks_run_in_parallel_in_several_specialist_units(empty_catalog):
    catalog_load()

    asylum = TaskDefinition.objects.filter(version__product__code="asylum")
    queues = {t.queue_for("asylum") for t in asylum}
    assert len([q for q in queues if q.startswith("specialism:")]) >= 2
    assert "process:asylum" in queues


def test_loading_the_shipped_catalog_twice_changes_nothing_and_writes_no_history(
    empty_catalog,
):
    catalog_load()
    before = catalog_counts()

    report = catalog_load()

    assert not report.changed
    assert catalog_counts() == before


def test_a_fee_that_was_not_found_is_zero_and_unverified(empty_catalog):
    catalog_load()

    study = ProductVersion.objects.get(product__code="study")
    assert study.fee_eur == 0
    assert not study.fee_verified
    assert "not found in reference" in study.fee_source


def test_the_shipped_catalog_passes_the_catalog_checks_without_errors(empty_catalog):
    catalog_load()

    messages = run_checks(tags=[TAG], databases=["default"])

    assert [m for m in messages if m.level >= ERROR] == []
    assert {m.id for m in messages} == {"catalog.W001"}


def test_only_the_asylum_product_is_confidential(empty_catalog):
    catalog_load()

    assert list(Product.objects.filter(confidential=True).values_list("code", flat=True)) == [
        "asylum"
    ]
