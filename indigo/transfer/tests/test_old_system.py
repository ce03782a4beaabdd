"""The old system's CSV export, read through a mapping file."""

import io
import shutil
import tracemalloc

import pytest

from indigo.cases.models import Application
from indigo.transfer.importer import import_from
from indigo.transfer.manifest import manifest_write
from indigo.transfer.old_system import MappingInvalid, import_old_system
from indigo.transfer.tests.conftest import DOCS

MAPPING = DOCS / "old-system-mapping.yaml"
SAMPLE = DOCS / "sample"
HEADER = (
    "ZAAKNUMMER;PRODUCTCODE;ONTVANGSTDATUM;UITERSTE_BESLISDATUM;STATUS;VOORNAMEN;"
    "ACHTERNAAM;GEBOORTEDATUM;NATIONALITEIT;VNUMMER\n"
)
pytestmark = pytest.mark.django_db


def test_the_sample_imports_with_the_example_mapping_keeping_its_dates():
    report = import_old_system(SAMPLE, mapping=MAPPING, progress_stream=io.StringIO())

    assert report.ok
    assert len(report.imported) == 3
    application = Application.objects.get(reference="OUD-2023-0001")
    assert application.product.code == "family-partner"
    assert application.status == "assessment"
    assert application.received_on.isoformat() == "2024-01-15"
    assert application.decision_due.isoformat() == "2024-07-15"
    receipt = application.events.get()
    assert (receipt.action, receipt.effective_on.isoformat()) == ("receive", "2024-01-15")
    assert application.applicant.v_number == "9000000001"


def test_importing_the_sample_again_changes_nothing():
    import_old_system(SAMPLE, mapping=MAPPING, progress_stream=io.StringIO())

    again = import_old_system(SAMPLE, mapping=MAPPING, progress_stream=io.StringIO())

    assert (len(again.imported), len(again.skipped)) == (0, 3)
    assert Application.objects.count() == 3


def test_a_file_with_wrong_columns_is_refused_whole_naming_them(tmp_path):
    (tmp_path / "zaken.csv").write_text("ZAAKNUMMER;PRODUCT;DATUM\nX;Y;Z\n")

    with pytest.raises(MappingInvalid, match="ONTVANGSTDATUM"):
        import_old_system(tmp_path, mapping=MAPPING, progress_stream=io.StringIO())
    assert not Application.objects.exists()


def test_unknown_products_and_impossible_dates_are_refused_per_row(tmp_path):
    (tmp_path / "zaken.csv").write_text(
        HEADER
        + "OK-1;VVR-GEZIN-PARTNER;15-01-2024;15-07-2024;ONTVANGEN;A;B;03-04-1995;MAR;\n"
        + "BAD-1;VVR-ONBEKEND;15-01-2024;15-07-2024;ONTVANGEN;A;B;03-04-1995;MAR;\n"
        + "BAD-2;VVR-GEZIN-PARTNER;31-02-2024;15-07-2024;ONTVANGEN;A;B;03-04-1995;MAR;\n"
        + "BAD-3;VVR-GEZIN-PARTNER;15-01-2024;15-12-2023;ONTVANGEN;A;B;03-04-1995;MAR;\n"
    )

    report = import_old_system(tmp_path, mapping=MAPPING, progress_stream=io.StringIO())

    assert report.imported == ["OK-1"]
    reasons = " | ".join(why for _ref, why in report.refused)
    assert "VVR-ONBEKEND" in reasons
    assert "31-02-2024" in reasons
    assert "before received_on" in reasons
    assert list(Application.objects.values_list("reference", flat=True)) == ["OK-1"]


def _export_of(directory, lines: int):
    directory.mkdir()
    padding = "x" * 4000
    record = (
        '{"reference": "R-%d", "product": "unknown-product", "received_on": "2024-01-01", '
        '"extension_reason": "' + padding + '"}\n'
    )
    with open(directory / "applications.jsonl", "w") as stream:
        for number in range(lines):
            stream.write(record % number)
    (directory / "files").mkdir()
    manifest_write(directory, exported_at="2024-03-01T10:00:00+01:00")
    return directory


def _peak(directory) -> int:
    tracemalloc.start()
    try:
        import_from(directory, progress_stream=io.StringIO())
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_flat_as_the_file_grows(tmp_path):
    small = _export_of(tmp_path / "small", 50)
    large = _export_of(tmp_path / "large", 1000)  # ~4 MB of records
    _peak(small)  # warm the caches (queries, imports)

    assert _peak(large) < _peak(small) + 1_000_000
    shutil.rmtree(tmp_path / "large")
