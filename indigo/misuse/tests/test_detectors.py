from datetime import date, timedelta

import pytest

from indigo import clock
from indigo.cases.services import application_act
from indigo.misuse.models import Signal
from indigo.misuse.tests.factories import examined, findings, record_fact
from indigo.work.models import Task

Kind = Signal.Kind
REFUSED: set[int] = set()


def refused_for_test(*, application_ids):
    return REFUSED & set(application_ids)


@pytest.fixture
def withdraw(caseworker):
    def act(application):
        application_act(
            actor=caseworker, application=application, action="withdraw", reason="Applicant."
        )

    return act


# --- a document marked false by document examination --------------------------------


def test_a_document_examination_with_concerns_is_a_signal(apply):
    application = apply()
    task = examined(application)

    [finding] = findings(application)

    assert finding.kind == Kind.DOCUMENT_FALSE
    assert "Document examination reported concerns" in finding.reason_en
    assert "documentonderzoek" in finding.reason_nl
    assert finding.evidence["tasks"][0]["task_id"] == task.pk


def test_a_document_examination_without_concerns_is_no_signal(apply):
    application = apply()
    examined(application, outcome=Task.Outcome.NO_CONCERNS)
    examined(application, outcome=Task.Outcome.NOT_POSSIBLE)

    assert findings(application) == []


def test_concerns_from_another_kind_of_task_are_no_document_signal(apply):
    application = apply()
    examined(application, code="income-check")

    assert findings(application) == []


# --- one travel document number, several identities --------------------------------


def test_a_travel_document_number_given_by_another_person_is_a_signal(apply):
    first = apply(given_names="Ana", surname="Ruiz")
    second = apply(given_names="Maria", surname="Ruiz")
    own = record_fact(first, "travel_document_number", "AB1234567")
    other = record_fact(second, "travel_document_number", "ab 123-4567")

    [finding] = findings(first)

    assert finding.kind == Kind.SHARED_TRAVEL_DOCUMENT
    assert "AB1234567" in finding.reason_en
    assert "also given on 1 other application, by 1 person with another name" in finding.reason_en
    assert finding.evidence == {
        "travel_document_number": "AB1234567",
        "fact_id": own.pk,
        "other_applications": [second.pk],
        "other_fact_ids": [other.pk],
        "other_persons": 1,
    }


def test_a_different_date_of_birth_is_another_identity(apply):
    first = apply(given_names="Ana", surname="Ruiz", date_of_birth=date(1990, 1, 1))
    second = apply(given_names="Ana", surname="Ruiz", date_of_birth=date(1991, 1, 1))
    record_fact(first, "travel_document_number", "AB1234567")
    record_fact(second, "travel_document_number", "AB1234567")

    assert [f.kind for f in findings(first)] == [Kind.SHARED_TRAVEL_DOCUMENT]


def test_the_same_person_applying_twice_with_one_passport_is_no_signal(apply):
    first = apply(given_names="José", surname="Ruiz")
    second = apply(given_names="jose ", surname="RUIZ")  # transliterated, same person
    record_fact(first, "travel_document_number", "AB1234567")
    record_fact(second, "travel_document_number", "AB1234567")

    assert findings(first) == []


def test_a_corrected_travel_document_number_no_longer_counts(apply):
    first = apply(given_names="Ana")
    second = apply(given_names="Maria")
    record_fact(first, "travel_document_number", "AB1234567")
    record_fact(second, "travel_document_number", "AB1234567", days_ago=2)
    record_fact(second, "travel_document_number", "ZZ7654321", days_ago=1)

    assert findings(first) == []


# --- a sponsor with an unusual share of refused or withdrawn applications -----------


def _sponsored(apply, count, kvk="12345678"):
    applications = [apply() for _ in range(count)]
    for application in applications:
        record_fact(application, "sponsor_kvk_number", kvk)
    return applications


def test_a_sponsor_at_the_threshold_share_is_a_signal(apply, withdraw, small_thresholds):
    others = _sponsored(apply, 4)
    for application in others[:2]:
        withdraw(application)
    [application] = _sponsored(apply, 1, kvk="1234 5678")

    [finding] = findings(application)

    assert finding.kind == Kind.SPONSOR_REFUSAL_SHARE
    assert "Of the 4 other applications of sponsor KvK 12345678" in finding.reason_en
    assert "2 were refused or withdrawn (50%: 0 refused, 2 withdrawn)" in finding.reason_en
    assert "at least 4 applications" in finding.reason_en
    assert finding.evidence["applications"] == sorted(a.pk for a in others)
    assert finding.evidence["withdrawn"] == sorted(a.pk for a in others[:2])
    assert finding.evidence["refused"] == []


def test_a_sponsor_just_below_the_share_is_no_signal(apply, withdraw, small_thresholds):
    others = _sponsored(apply, 4)
    withdraw(others[0])
    [application] = _sponsored(apply, 1)

    assert findings(application) == []


def test_a_sponsor_just_below_the_minimum_number_of_applications_is_no_signal(
    apply, withdraw, small_thresholds
):
    for application in _sponsored(apply, 3):
        withdraw(application)
    [application] = _sponsored(apply, 1)

    assert findings(application) == []


def test_applications_before_the_lookback_window_do_not_count(
    apply, withdraw, small_thresholds, settings
):
    settings.INDIGO_MISUSE_LOOKBACK_DAYS = 30
    old = [apply(received_on=clock.today() - timedelta(days=60)) for _ in range(4)]
    for application in old:
        record_fact(application, "sponsor_kvk_number", "12345678")
        withdraw(application)
    [application] = _sponsored(apply, 1)

    assert findings(application) == []


def test_refusals_come_from_the_configured_provider(apply, settings, small_thresholds):
    settings.INDIGO_MISUSE_REFUSED_APPLICATIONS = (
        "indigo.misuse.tests.test_detectors.refused_for_test"
    )
    others = _sponsored(apply, 4)
    REFUSED.clear()
    REFUSED.update(a.pk for a in others[:2])
    [application] = _sponsored(apply, 1)

    [finding] = findings(application)

    assert finding.evidence["refused"] == sorted(a.pk for a in others[:2])
    assert "(50%: 2 refused, 0 withdrawn)" in finding.reason_en


# --- many registrations on one address ----------------------------------------------


ADDRESS = {"postcode": "1234 AB", "house_number": 5}


def _registered(apply, names, address=ADDRESS, *, days_ago=0):
    applications = [apply(given_names=name, surname="Jansen") for name in names]
    for application in applications:
        record_fact(application, "residential_address", address, days_ago=days_ago)
    return applications


def test_as_many_persons_as_the_threshold_on_one_address_is_a_signal(apply, small_thresholds):
    first, *others = _registered(apply, ["Ana", "Bo"])
    [application] = _registered(apply, ["Cas"], {"postcode": "1234ab", "house_number": "5"})

    [finding] = findings(application)

    assert finding.kind == Kind.ADDRESS_CROWDING
    assert finding.reason_en.startswith("3 different persons, this applicant included,")
    assert "(1234AB 5)" in finding.reason_en
    assert finding.evidence["persons"] == 3
    assert finding.evidence["other_applications"] == sorted([first.pk, *(o.pk for o in others)])


def test_one_person_below_the_threshold_is_no_signal(apply, small_thresholds):
    _registered(apply, ["Ana"])
    [application] = _registered(apply, ["Cas"])

    assert findings(application) == []


def test_the_same_person_registering_twice_counts_once(apply, small_thresholds):
    _registered(apply, ["Ana", "Ana"])
    [application] = _registered(apply, ["Cas"])

    assert findings(application) == []


def test_registrations_before_the_lookback_window_do_not_count(apply, small_thresholds):
    _registered(apply, ["Ana", "Bo"], days_ago=400)
    [application] = _registered(apply, ["Cas"])

    assert findings(application) == []


def test_persons_who_moved_away_do_not_count(apply, small_thresholds):
    _ana, bo = _registered(apply, ["Ana", "Bo"])
    record_fact(bo, "residential_address", {"postcode": "9999 ZZ", "house_number": 1})
    [application] = _registered(apply, ["Cas"])

    assert findings(application) == []


def test_free_text_addresses_compare_without_separators(apply, small_thresholds):
    _registered(apply, ["Ana", "Bo"], "Kerkstraat 1, Zwolle")
    [application] = _registered(apply, ["Cas"], "kerkstraat 1 zwolle")

    assert [f.kind for f in findings(application)] == [Kind.ADDRESS_CROWDING]
