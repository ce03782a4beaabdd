"""The municipalities' advice forms: recorded as data, measured per municipality."""

from datetime import date

import pytest

from indigo.errors import InvalidInput
from indigo.quality.advice import ADVICE_FORM_PARTS, advice_form_record
from indigo.quality.measures.base import MeasureQuery
from indigo.quality.selectors import measures_answer

pytestmark = pytest.mark.django_db

FULL = {key: "yes" for key in ADVICE_FORM_PARTS}


@pytest.fixture
def naturalisation(apply):
    return lambda: apply(date(2026, 7, 1), product="naturalisation")


def _deliver(application, code, name, parts, on=date(2026, 7, 3)):
    return advice_form_record(
        actor=None,
        application=application,
        municipality_code=code,
        municipality_name=name,
        delivered_on=on,
        parts=parts,
    )


def test_completeness_at_first_delivery_per_municipality(naturalisation):
    _deliver(naturalisation(), "GM0363", "Amsterdam", FULL)
    incomplete = naturalisation()
    _deliver(incomplete, "GM0363", "Amsterdam", FULL | {"integration": " "})
    _deliver(incomplete, "GM0363", "Amsterdam", FULL, on=date(2026, 7, 10))  # corrected
    _deliver(naturalisation(), "GM0344", "Utrecht", FULL)
    groups = measures_answer(
        MeasureQuery(date_from=date(2026, 7, 1), date_to=date(2026, 7, 31), group_by="municipality")
    )["groups"]
    assert groups["Amsterdam"]["advice_forms_delivered"] == 2
    assert groups["Amsterdam"]["advice_form_complete_share"] == 0.5
    assert groups["Utrecht"]["advice_form_complete_share"] == 1.0
    # The event measures cannot be split by municipality: null, not a wrong figure.
    assert groups["Amsterdam"]["intake"] is None


def test_the_form_records_what_it_lacked(naturalisation):
    form = _deliver(
        naturalisation(), "gm0363", "Amsterdam", FULL | {"advice": "", "fee_paid": None}
    )
    assert form.missing == ["fee_paid", "advice"]
    assert form.complete is False
    assert form.municipality_code == "GM0363"


def test_only_naturalisation_has_an_advice_form(apply):
    with pytest.raises(InvalidInput) as refused:
        _deliver(apply(date(2026, 7, 1)), "GM0363", "Amsterdam", FULL)
    assert refused.value.field == "application"


def test_an_unknown_part_is_refused(naturalisation):
    with pytest.raises(InvalidInput) as refused:
        _deliver(naturalisation(), "GM0363", "Amsterdam", FULL | {"shoe_size": "42"})
    assert refused.value.field == "parts"
