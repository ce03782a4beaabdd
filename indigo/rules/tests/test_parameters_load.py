"""Loading the parameter file: all or nothing, idempotent, and refusing bad files with
a message that names the key, the version and the field."""

from datetime import date
from io import StringIO

import pytest
import yaml
from django.core.management import CommandError, call_command

from indigo.lawdata.loader import LawDataError
from indigo.rules.models import Parameter
from indigo.rules.parameter_keys import PARAMETER_KEYS
from indigo.rules.services import parameters_load


@pytest.fixture
def write(tmp_path):
    def write(parameters: list[dict]):
        path = tmp_path / "parameters.yaml"
        path.write_text(
            yaml.safe_dump({"parameters": parameters}, sort_keys=False), encoding="utf-8"
        )
        return path

    return write


def version(**values) -> dict:
    return {
        "valid_from": date(2026, 1, 1),
        "value": 5942,
        "verified": True,
        "source": "[V] a source",
    } | values


def salary(*versions) -> dict:
    return {
        "key": "hsm-salary-30-plus",
        "unit": "EUR/month",
        "versions": list(versions) or [version()],
    }


def refusal(write, *entries) -> str:
    with pytest.raises(LawDataError) as caught:
        parameters_load(path=write(list(entries)))
    return str(caught.value)


@pytest.fixture
def empty(db):
    Parameter.objects.all().delete()


def test_the_shipped_file_loads_every_key_the_rules_declare(empty):
    report = parameters_load()

    ours = {key for key, declared in PARAMETER_KEYS.items() if declared.owner == "rules"}
    assert report.created
    assert set(Parameter.objects.values_list("key", flat=True)) == ours


def test_loading_the_same_file_again_changes_nothing_and_writes_no_history(db):
    history = Parameter.history.count()

    report = parameters_load()

    assert not report.changed
    assert report.lines() == ["Up to date: nothing changed in the parameters."]
    assert Parameter.history.count() == history


def test_amounts_are_stored_exactly_with_two_decimals(db):
    row = Parameter.objects.get(key="family-income-norm-couple", valid_from=date(2024, 1, 1))

    assert row.value == "2069.40"


def test_a_not_found_figure_is_stored_as_null_and_unverified(db):
    row = Parameter.objects.get(key="eu-blue-card-salary", valid_from=date(2024, 1, 1))

    assert (row.value, row.verified) == (None, False)
    assert "not found" in row.source


def test_a_version_without_a_source_is_refused(write, empty):
    message = refusal(write, salary(version(source="  ")))

    assert "parameter 'hsm-salary-30-plus', version 2026-01-01: source:" in message


def test_a_version_missing_its_source_field_is_refused(write, empty):
    entry = version()
    del entry["source"]

    assert "version 2026-01-01: source: missing" in refusal(write, salary(entry))


def test_two_versions_from_the_same_day_are_refused_as_overlapping(write, empty):
    message = refusal(write, salary(version(), version(value=6000)))

    assert "version 2026-01-01: valid_from: two versions start on the same day" in message
    assert "overlaps" in message


def test_a_key_no_rule_reads_is_refused(write, empty):
    message = refusal(
        write, {"key": "hsm-salary-30-pluss", "unit": "EUR/month", "versions": [version()]}
    )

    assert "parameter 'hsm-salary-30-pluss': key: no rule reads" in message


def test_an_unknown_field_is_refused(write, empty):
    message = refusal(write, salary(version(vaule=1)))

    assert "version 2026-01-01: vaule: unknown key (check the spelling)" in message


def test_a_valid_from_that_is_not_a_date_is_refused(write, empty):
    message = refusal(write, salary(version(valid_from="1 January 2026")))

    assert (
        "parameter 'hsm-salary-30-plus', version #1: valid_from: '1 January 2026' is not a date"
        in message
    )


def test_a_value_of_the_wrong_type_is_refused(write, empty):
    message = refusal(write, salary(version(value="a lot")))

    assert "version 2026-01-01: value: must be an amount in euros per month" in message


def test_a_fraction_of_a_year_is_refused(write, empty):
    entry = {"key": "hsm-permit-max-years", "unit": "years", "versions": [version(value=4.5)]}

    assert (
        "parameter 'hsm-permit-max-years', version 2026-01-01: value: must be a whole number"
        in refusal(write, entry)
    )


def test_a_unit_other_than_the_declared_one_is_refused(write, empty):
    message = refusal(
        write, {"key": "hsm-salary-30-plus", "unit": "EUR/year", "versions": [version()]}
    )

    assert "parameter 'hsm-salary-30-plus': unit: must be 'EUR/month'" in message


def test_a_missing_value_cannot_be_verified(write, empty):
    assert "verified: a missing value (null) cannot be verified" in refusal(
        write, salary(version(value=None))
    )


def test_every_problem_is_reported_at_once_and_nothing_is_written(write, empty):
    good = {"key": "hsm-salary-under-30", "unit": "EUR/month", "versions": [version(value=4357)]}

    message = refusal(write, good, salary(version(source=""), version(valid_from="tomorrow")))

    assert "source" in message
    assert "'tomorrow' is not a date" in message
    assert not Parameter.objects.exists()


def test_a_changed_value_is_updated_and_kept_in_history(write, empty):
    parameters_load(path=write([salary(version(value=5900))]))

    report = parameters_load(path=write([salary(version(value=5942))]))

    row = Parameter.objects.get(key="hsm-salary-30-plus")
    assert row.value == "5942.00"
    assert report.updated == ["parameter hsm-salary-30-plus from 2026-01-01 (value)"]
    assert row.history.count() == 2


def test_a_value_entered_in_the_database_is_not_wiped_by_a_null_in_the_file(write, empty):
    parameters_load(path=write([salary(version(value=None, verified=False, source="not found"))]))
    Parameter.objects.update(value="5942.00", verified=True, source="entered by an administrator")

    report = parameters_load(
        path=write([salary(version(value=None, verified=False, source="not found"))])
    )

    assert Parameter.objects.get().value == "5942.00"
    assert "kept the value 5942.00 entered in the database" in report.notes[0]


def test_a_version_no_longer_in_the_file_is_kept_and_reported(write, empty):
    parameters_load(
        path=write([salary(version(), version(valid_from=date(2025, 1, 1), value=5688))])
    )

    report = parameters_load(path=write([salary(version())]))

    assert Parameter.objects.count() == 2
    assert report.kept == ["parameter hsm-salary-30-plus from 2025-01-01"]


def test_the_command_reports_what_it_did(db):
    out = StringIO()

    call_command("parameters_load", stdout=out, stderr=StringIO())

    assert "nothing changed" in out.getvalue()


def test_the_command_refuses_a_bad_file_with_the_message(write, empty):
    with pytest.raises(CommandError, match="source"):
        call_command("parameters_load", file=write([salary(version(source=""))]), stdout=StringIO())
