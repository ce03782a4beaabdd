"""The telephony export: documented CSV in, reachability beside the contact log out."""

from datetime import date

import pytest

from indigo.errors import InvalidInput
from indigo.quality.measures.base import MeasureQuery
from indigo.quality.models import TelephonyDay
from indigo.quality.selectors import measures_answer
from indigo.quality.telephony import telephony_import

pytestmark = pytest.mark.django_db
HEADER = (
    "date,queue,offered,answered,answered_in_target,abandoned,wait_seconds_mean,wait_seconds_max\n"
)
GOOD = (
    HEADER
    + "2026-07-30,general,1000,800,600,200,120,900\n2026-07-31,general,500,450,400,50,60,300\n"
)


def test_reachability_and_waiting_by_hand(catalog):
    report = telephony_import(GOOD.encode())
    assert report.rows == 2
    figures = measures_answer(MeasureQuery(date_from=date(2026, 7, 1), date_to=date(2026, 7, 31)))[
        "groups"
    ][""]
    assert figures["calls_offered"] == 1500
    assert figures["reachability_share"] == round(1250 / 1500, 4)
    assert figures["calls_answered_in_target_share"] == round(1000 / 1250, 4)
    assert figures["call_wait_mean_seconds"] == round((120 * 800 + 60 * 450) / 1250)
    assert figures["contacts_logged"] == 0


def test_importing_the_same_file_twice_changes_nothing(catalog):
    telephony_import(GOOD.encode())
    telephony_import(GOOD.encode())
    assert TelephonyDay.objects.count() == 2


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("2026-07-30,general,100,90,80,20,10,20", "Line 3, column answered"),
        ("2026-07-30,general,100,90,95,0,10,20", "Line 3, column answered_in_target"),
        ("2026-07-30,general,-1,0,0,0,0,0", "Line 3, column offered"),
        ("30-07-2026,general,1,0,0,0,0,0", "Line 3, column date"),
        ("2026-07-30,,1,0,0,0,0,0", "Line 3, column queue"),
    ],
)
def test_a_wrong_line_refuses_the_whole_file(catalog, line, message):
    content = HEADER + "2026-07-29,general,10,5,5,5,1,1\n" + line + "\n"
    with pytest.raises(InvalidInput, match=message):
        telephony_import(content.encode())
    assert not TelephonyDay.objects.exists()


def test_a_wrong_header_is_refused(catalog):
    with pytest.raises(InvalidInput, match="Line 1"):
        telephony_import(b"day,calls\n2026-07-30,5\n")
