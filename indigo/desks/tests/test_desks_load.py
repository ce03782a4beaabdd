from datetime import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from indigo.desks.loader import DEFAULT_DESKS_PATH, desks_load
from indigo.desks.models import AppointmentType, Capacity, ClosedDay, Desk, OpeningHours
from indigo.lawdata.loader import LawDataError
from indigo.organisation.models import Location

pytestmark = pytest.mark.usefixtures("catalog")

REGULAR_DESKS = {"amsterdam", "den-bosch", "den-haag", "zwolle"}


def write(tmp_path, text):
    path = tmp_path / "desks.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_file_has_the_four_regular_desks_and_expat_centres():
    desks_load()

    regular = set(Desk.objects.filter(kind="regular").values_list("code", flat=True))
    assert regular == REGULAR_DESKS
    assert "rotterdam-expat-centre" in Desk.objects.filter(kind="expat-centre").values_list(
        "code", flat=True
    )
    assert set(AppointmentType.objects.values_list("code", flat=True)) == {
        "biometrics",
        "collect-residence-document",
        "application-help",
    }


def test_every_desk_and_type_cites_a_source():
    desks_load()

    assert not Desk.objects.filter(source="").exists()
    assert not AppointmentType.objects.filter(source="").exists()


def test_the_regular_desks_are_open_on_weekdays_from_nine_to_five():
    desks_load()

    hours = OpeningHours.objects.filter(desk__code="den-haag")
    assert sorted((h.weekday, h.opens, h.closes) for h in hours) == [
        (d, time(9), time(17)) for d in range(5)
    ]


def test_expat_centres_serve_their_target_groups_and_regular_desks_everyone():
    desks_load()

    assert Desk.objects.get(code="den-haag").products == []
    assert Desk.objects.get(code="rotterdam-expat-centre").products == [
        "highly-skilled-migrant",
        "eu-blue-card",
    ]
    assert not Capacity.objects.filter(
        desk__kind="expat-centre", appointment_type__code="application-help"
    ).exists()


def test_desks_are_placed_at_the_organisations_locations():
    Location.objects.create(code="den-haag", name="IND Den Haag", city="Den Haag")

    desks_load()

    assert Desk.objects.get(code="den-haag").location.name == "IND Den Haag"  # reused


def test_loading_twice_changes_nothing():
    desks_load()

    report = desks_load()

    assert not report.changed
    assert report.lines() == ["Up to date: nothing changed in the desks."]


def test_a_dry_run_saves_nothing():
    report = desks_load(dry_run=True)

    assert report.changed
    assert not Desk.objects.exists()


def test_a_changed_capacity_is_updated(tmp_path):
    text = DEFAULT_DESKS_PATH.read_text(encoding="utf-8")
    desks_load()

    report = desks_load(path=write(tmp_path, text.replace("biometrics: 4", "biometrics: 6")))

    assert Capacity.objects.get(desk__code="zwolle", appointment_type__code="biometrics").seats == 6
    assert "updated capacity zwolle/biometrics (seats)" in report.lines()


def test_a_desk_no_longer_in_the_file_is_kept_and_reported(tmp_path):
    desks_load()
    Desk.objects.create(
        code="utrecht",
        kind="regular",
        name_en="IND desk Utrecht",
        name_nl="IND-loket Utrecht",
        location=Location.objects.get(code="zwolle"),
    )

    report = desks_load()

    assert "kept (not in the file) desk utrecht" in report.lines()
    assert Desk.objects.filter(code="utrecht").exists()


def test_closed_days_are_loaded_for_one_desk_or_every_desk(tmp_path):
    text = DEFAULT_DESKS_PATH.read_text(encoding="utf-8").replace(
        "closed_days: []",
        "closed_days:\n"
        "  - {date: 2026-12-24, reason: Christmas Eve}\n"
        "  - {date: 2026-06-01, desk: zwolle, reason: Renovation}\n",
    )

    desks_load(path=write(tmp_path, text))

    assert ClosedDay.objects.get(day="2026-12-24").desk is None
    assert ClosedDay.objects.get(day="2026-06-01").desk.code == "zwolle"


def test_a_wrong_file_is_refused_whole_with_every_problem_listed(tmp_path):
    path = write(
        tmp_path,
        """
appointment_types:
  - {code: biometrics, name_en: B, name_nl: B, duration_minutes: 0, source: x}
desks:
  - code: Den Haag
    kind: office
    name_en: X
    name_nl: X
    location: {code: den-haag, name: X, city: Den Haag}
    source: x
    products: [no-such-product]
    opening_hours: [{days: [mon, funday], opens: "17:00", closes: "09:00"}]
    capacity: {biometrics: 2, tea: 1}
""",
    )

    with pytest.raises(LawDataError) as refusal:
        desks_load(path=path)

    assert refusal.value.errors == [
        "appointment type 'biometrics': duration_minutes: 0 is not a whole number of at least 1",
        "desk #1: code: 'Den Haag' is not a code (lower-case letters, digits and hyphens, "
        "like 'eu-blue-card')",
        "desk #1: kind: unknown kind 'office' (use regular, expat-centre)",
        "desk #1: opening_hours[1].days: unknown day 'funday' "
        "(use mon, tue, wed, thu, fri, sat, sun)",
        "desk #1: opening_hours[1]: closes before it opens",
        "desk #1: capacity.tea: 'tea' is not an appointment type",
        "desk #1: products: 'no-such-product' is not a product in the catalog",
    ]
    assert str(refusal.value).startswith(f"{path} was not loaded:\n- desks.yaml: appointment type")
    assert not Desk.objects.exists()
    assert not AppointmentType.objects.exists()


def test_the_command_loads_and_reports():
    out = StringIO()

    call_command("desks_load", stdout=out)

    assert "created desk den-haag" in out.getvalue()


def test_the_command_stops_on_a_wrong_file(tmp_path):
    with pytest.raises(CommandError):
        call_command("desks_load", file=write(tmp_path, "desks: [{code: x}]"), stdout=StringIO())
