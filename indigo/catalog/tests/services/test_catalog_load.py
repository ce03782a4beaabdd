"""Loading a catalog file: validation, upserts, all-or-nothing, pinned versions."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from indigo.catalog.models import Product, ProductVersion, TaskDefinition
from indigo.catalog.services import catalog_load
from indigo.catalog.tests.conftest import catalog_counts, minimal_catalog, task
from indigo.lawdata.loader import LawDataError


def the_version(data: dict) -> dict:
    return data["products"][0]["versions"][0]


def tasks_of_test_study():
    return TaskDefinition.objects.filter(version__product__code="test-study")


def test_a_minimal_catalog_file_loads(db, write_catalog):
    catalog_load(path=write_catalog(minimal_catalog()))

    version = ProductVersion.objects.get(product__code="test-study")
    assert str(version.decision_period) == "60 days"
    assert version.extension is None
    assert version.customer_groups.get().channels == ["online", "post"]


def test_a_minimal_catalog_file_loads_the_tasks_of_its_version(db, write_catalog):
    catalog_load(path=write_catalog(minimal_catalog()))

    tasks = tasks_of_test_study().values_list("code", "queue_kind", "blocking", "expected_days")
    assert list(tasks) == [
        ("document-examination", "specialism", False, 2),
        ("sponsor-check", "process", True, 2),
    ]


def missing_source(data):
    del the_version(data)["decision_period"]["source"]
    return "decision_period.source: missing"


def unknown_unit(data):
    the_version(data)["decision_period"]["unit"] = "fortnights"
    return "decision_period.unit: unknown period unit 'fortnights'"


def undeclared_document(data):
    the_version(data)["documents"].append({"code": "horoscope", "required": True})
    return "documents[3]: document type 'horoscope' is not declared"


def negative_fee(data):
    the_version(data)["fee"]["eur"] = -5
    return "fee.eur: an amount cannot be negative (-5)"


def duplicate_valid_from(data):
    versions = data["products"][0]["versions"]
    versions.append(dict(versions[0]))
    return "valid_from: two versions start on the same day, so their validity overlaps"


def no_tasks(data):
    del the_version(data)["tasks"]
    return "tasks: missing"


def unknown_queue(data):
    the_version(data)["tasks"][0]["queue"] = "back-office"
    return "tasks[sponsor-check].queue: unknown queue 'back-office' (use process, specialism)"


def task_code_not_a_slug(data):
    the_version(data)["tasks"][0]["code"] = "Sponsor check"
    return "tasks[1].code: 'Sponsor check' is not a code"


def task_code_twice(data):
    the_version(data)["tasks"].append(task("sponsor-check"))
    return "tasks[sponsor-check]: appears more than once"


def task_code_of_the_owner(data):
    the_version(data)["tasks"].append(task("handle"))
    return "tasks[handle].code: 'handle' is reserved for the owner's task"


def expected_after_due(data):
    the_version(data)["tasks"][0].update(expected_days=8, due_days=5)
    return "tasks[sponsor-check].expected_days: 8 is more than due_days (5)"


def zero_due_days(data):
    the_version(data)["tasks"][0]["due_days"] = 0
    return "tasks[sponsor-check].due_days: 0 is not a whole number of at least 1"


def blocking_not_a_boolean(data):
    the_version(data)["tasks"][0]["blocking"] = "yes"
    return "tasks[sponsor-check].blocking: 'yes' must be true or false"


@pytest.mark.parametrize(
    "break_file",
    [
        missing_source,
        unknown_unit,
        undeclared_document,
        negative_fee,
        duplicate_valid_from,
        no_tasks,
        unknown_queue,
        task_code_not_a_slug,
        task_code_twice,
        task_code_of_the_owner,
        expected_after_due,
        zero_due_days,
        blocking_not_a_boolean,
    ],
)
def test_a_broken_file_is_refused_naming_the_product_and_field_and_writes_nothing(
    catalog, write_catalog, break_file
):
    data = minimal_catalog()
    data["products"][0]["name_en"] = "Renamed, but must not be saved"
    expected = break_file(data)
    before = catalog_counts()

    with pytest.raises(LawDataError) as refused:
        catalog_load(path=write_catalog(data))

    assert "product 'test-study', version 2025-01-01" in str(refused.value)
    assert expected in str(refused.value)
    assert catalog_counts() == before


def test_a_product_is_not_confidential_unless_the_file_says_so(db, write_catalog):
    catalog_load(path=write_catalog(minimal_catalog()))

    assert Product.objects.get(code="test-study").confidential is False


def test_a_confidential_product_is_loaded_as_confidential(db, write_catalog):
    data = minimal_catalog()
    data["products"][0]["confidential"] = True

    report = catalog_load(path=write_catalog(data))

    assert Product.objects.get(code="test-study").confidential is True
    assert "product test-study" in report.created


def test_confidential_must_be_true_or_false(db, write_catalog):
    data = minimal_catalog()
    data["products"][0]["confidential"] = "yes"

    with pytest.raises(LawDataError) as refused:
        catalog_load(path=write_catalog(data))

    assert refused.value.errors == [
        "product 'test-study': confidential: 'yes' must be true or false"
    ]


def test_a_refused_file_leaves_the_earlier_load_untouched(db, write_catalog):
    data = minimal_catalog()
    catalog_load(path=write_catalog(data))
    data["products"][0]["name_en"] = "Renamed"
    the_version(data)["fee"]["eur"] = 150
    data["products"][0]["versions"].append({"valid_from": date(2026, 1, 1)})

    with pytest.raises(LawDataError):
        catalog_load(path=write_catalog(data))

    version = ProductVersion.objects.get(product__code="test-study")
    assert version.fee_eur == Decimal("100.00")
    assert version.product.name_en == "Test study"


def test_every_problem_in_a_file_is_reported_at_once(db, write_catalog):
    data = minimal_catalog()
    unknown_unit(data)
    negative_fee(data)

    with pytest.raises(LawDataError) as refused:
        catalog_load(path=write_catalog(data))

    assert len(refused.value.errors) == 2


def test_a_changed_fee_updates_the_version_and_says_so(db, write_catalog):
    data = minimal_catalog()
    catalog_load(path=write_catalog(data))
    the_version(data)["fee"]["eur"] = 150

    report = catalog_load(path=write_catalog(data))

    assert ProductVersion.objects.get(product__code="test-study").fee_eur == Decimal("150.00")
    assert report.updated == ["version test-study from 2025-01-01 (fee_eur)"]


def test_a_document_dropped_from_the_file_is_removed_from_the_version(db, write_catalog):
    data = minimal_catalog()
    catalog_load(path=write_catalog(data))
    the_version(data)["documents"].pop()

    catalog_load(path=write_catalog(data))

    version = ProductVersion.objects.get(product__code="test-study")
    assert list(version.document_types.values_list("code", flat=True)) == ["passport"]


def test_a_version_with_applications_refuses_a_new_fee(db, write_catalog, pin_application):
    data = minimal_catalog()
    catalog_load(path=write_catalog(data))
    pin_application(ProductVersion.objects.get(product__code="test-study"))
    the_version(data)["fee"]["eur"] = 150

    with pytest.raises(LawDataError, match="add a new version with a new valid_from"):
        catalog_load(path=write_catalog(data))

    assert ProductVersion.objects.get(product__code="test-study").fee_eur == Decimal("100.00")


def test_a_version_with_applications_refuses_a_changed_document_list(
    db, write_catalog, pin_application
):
    data = minimal_catalog()
    catalog_load(path=write_catalog(data))
    pin_application(ProductVersion.objects.get(product__code="test-study"))
    the_version(data)["documents"].pop()

    with pytest.raises(LawDataError, match="documents: applications are pinned"):
        catalog_load(path=write_catalog(data))


def test_a_version_with_applications_accepts_a_corrected_source(db, write_catalog, pin_application):
    data = minimal_catalog()
    catalog_load(path=write_catalog(data))
    pin_application(ProductVersion.objects.get(product__code="test-study"))
    the_version(data)["fee"]["source"] = "a corrected citation"

    catalog_load(path=write_catalog(data))

    version = ProductVersion.objects.get(product__code="test-study")
    assert version.fee_source == "a corrected citation"


def test_a_changed_task_updates_its_definition_and_says_so(db, write_catalog):
    data = minimal_catalog()
    catalog_load(path=write_catalog(data))
    the_version(data)["tasks"][0].update(expected_days=4, due_days=8)

    report = catalog_load(path=write_catalog(data))

    definition = tasks_of_test_study().get(code="sponsor-check")
    assert (definition.expected_days, definition.due_days) == (4, 8)
    assert report.updated == [
        "task sponsor-check of version test-study from 2025-01-01 (expected_days, due_days)"
    ]


def test_a_task_dropped_from_the_file_is_removed_from_the_version(db, write_catalog):
    data = minimal_catalog()
    catalog_load(path=write_catalog(data))
    the_version(data)["tasks"].pop()

    report = catalog_load(path=write_catalog(data))

    assert list(tasks_of_test_study().values_list("code", flat=True)) == ["sponsor-check"]
    assert report.deleted == ["task document-examination of version test-study from 2025-01-01"]


def test_a_version_with_applications_accepts_changed_tasks_and_notes_it(
    db, write_catalog, pin_application
):
    data = minimal_catalog()
    catalog_load(path=write_catalog(data))
    pin_application(ProductVersion.objects.get(product__code="test-study"))
    the_version(data)["tasks"].append(task("income-check"))

    report = catalog_load(path=write_catalog(data))

    assert tasks_of_test_study().filter(code="income-check").exists()
    assert report.notes == [
        "the tasks of version test-study from 2025-01-01 changed while applications are "
        "pinned to it; tasks already opened keep their values, applications entering "
        "assessment from now on get the new ones"
    ]


def test_a_task_that_tasks_were_opened_from_cannot_be_dropped_from_the_file(
    db, write_catalog, pin_application
):
    from indigo.work.models import Task

    data = minimal_catalog()
    catalog_load(path=write_catalog(data))
    definition = tasks_of_test_study().get(code="document-examination")
    application = pin_application(definition.version)
    Task.objects.create(
        application=application,
        definition=definition,
        code=definition.code,
        queue="specialism:document-examination",
        due_on=date(2025, 1, 6),
        start_by=date(2025, 1, 1),
    )
    the_version(data)["tasks"].pop()

    with pytest.raises(LawDataError, match=r"tasks\[document-examination\]: tasks were opened"):
        catalog_load(path=write_catalog(data))

    assert TaskDefinition.objects.filter(pk=definition.pk).exists()


def test_a_dry_run_reports_the_changes_but_saves_nothing(db, write_catalog):
    report = catalog_load(path=write_catalog(minimal_catalog()), dry_run=True)

    assert "product test-study" in report.created
    assert not Product.objects.filter(code="test-study").exists()


def test_the_command_prints_what_it_created(db, write_catalog):
    out = StringIO()

    call_command("catalog_load", "--file", str(write_catalog(minimal_catalog())), stdout=out)

    assert "created product test-study" in out.getvalue()
    assert "created version test-study from 2025-01-01" in out.getvalue()


def test_the_command_fails_with_the_problems_of_a_broken_file(db, write_catalog):
    data = minimal_catalog()
    unknown_unit(data)

    with pytest.raises(CommandError, match="unknown period unit 'fortnights'"):
        call_command("catalog_load", "--file", str(write_catalog(data)), stdout=StringIO())
