"""At the desk: identify the applicant, then record biometrics and hand out the card."""

import pytest
from django.db import IntegrityError, transaction

from indigo.cases.models import ApplicationEvent
from indigo.desks.models import Appointment
from indigo.desks.services import (
    appointment_book,
    appointment_cancel,
    appointment_identify,
    appointment_no_show_record,
    biometrics_record,
    residence_document_issue,
)
from indigo.desks.tests.conftest import TODAY, TOMORROW, at
from indigo.desks.tests.factories import applicant_with_application, desk_employee, make_desk
from indigo.errors import Conflict, InvalidInput, NotAllowed


@pytest.fixture
def appointment(desk, collect, applicant, now):
    """A collection appointment tomorrow at 9:00; the clock then stands at 9:02."""
    user, application = applicant
    booked = appointment_book(
        actor=user,
        application=application,
        desk=desk,
        appointment_type=collect,
        starts_at=at(TOMORROW, 9),
    )
    now.move_to(at(TOMORROW, 9, 2))
    return booked


@pytest.fixture
def employee(desk):
    return desk_employee(desk)


def identify(employee, appointment, **kwargs):
    return appointment_identify(
        actor=employee,
        appointment=appointment,
        **({"document": "passport", "checked": True} | kwargs),
    )


def identify_with_biometrics(employee, appointment):
    """The first two steps, in the law's order, before the card can be handed out."""
    identify(employee, appointment)
    return biometrics_record(actor=employee, appointment=appointment)


def desk_events(application):
    return list(
        ApplicationEvent.objects.filter(application=application)
        .exclude(action="receive")
        .values_list("action", flat=True)
    )


def test_identify_biometrics_and_card_write_the_events_in_order(employee, appointment):
    identify(employee, appointment)
    biometrics_record(actor=employee, appointment=appointment)
    done = residence_document_issue(
        actor=employee, appointment=appointment, card_number="V123AL568"
    )

    assert desk_events(appointment.application) == [
        "appointment-booked",
        "applicant-identified",
        "biometrics-taken",
        "residence-document-issued",
    ]
    assert done.state == "attended"
    assert done.card_number == "V123AL568"
    issued = ApplicationEvent.objects.get(action="residence-document-issued")
    assert issued.actor == employee
    assert issued.payload["card_number"] == "V123AL568"
    assert issued.effective_on == TOMORROW


def test_identification_records_the_document_checked(employee, appointment):
    done = identify(employee, appointment, document="identity-card")

    assert (done.identified_by, done.identity_document) == (employee, "identity-card")
    event = ApplicationEvent.objects.get(action="applicant-identified")
    assert event.payload["document"] == "identity-card"


def test_identification_needs_the_check_confirmed(employee, appointment):
    with pytest.raises(InvalidInput) as refusal:
        identify(employee, appointment, checked=False)

    assert refusal.value.field == "checked"
    assert not Appointment.objects.get(pk=appointment.pk).identified


def test_an_unknown_document_is_refused(employee, appointment):
    with pytest.raises(InvalidInput) as refusal:
        identify(employee, appointment, document="library-card")

    assert refusal.value.field == "document"


def test_issuing_the_card_before_identification_is_refused(employee, appointment):
    with pytest.raises(Conflict) as refusal:
        residence_document_issue(actor=employee, appointment=appointment, card_number="V123AL568")

    assert refusal.value.code == "not-identified"
    assert refusal.value.message == (
        "Identify the applicant first: check their travel document against this person."
    )
    assert Appointment.objects.get(pk=appointment.pk).card_number == ""
    assert "residence-document-issued" not in desk_events(appointment.application)


def test_biometrics_before_identification_are_refused(employee, appointment):
    with pytest.raises(Conflict) as refusal:
        biometrics_record(actor=employee, appointment=appointment)

    assert refusal.value.code == "not-identified"


def test_the_database_refuses_a_card_without_identification(appointment):
    with pytest.raises(IntegrityError), transaction.atomic():
        Appointment.objects.filter(pk=appointment.pk).update(
            document_issued_at=appointment.starts_at, card_number="V123AL568"
        )


@pytest.mark.parametrize(
    "number",
    [
        "V1230L568",  # the digit 0
        "V123OL568",  # the letter O
        "V123AL56",  # too short
        "V123AL5689",  # too long
        "X123AL568",  # not a V
        "V123-L568",
        "",
    ],
)
def test_a_bad_card_number_is_refused(employee, appointment, number):
    identify_with_biometrics(employee, appointment)

    with pytest.raises(InvalidInput) as refusal:
        residence_document_issue(actor=employee, appointment=appointment, card_number=number)

    assert refusal.value.field == "card_number"
    assert Appointment.objects.get(pk=appointment.pk).document_issued_at is None


def test_a_card_number_is_read_in_capitals_without_spaces(employee, appointment):
    identify_with_biometrics(employee, appointment)

    done = residence_document_issue(
        actor=employee, appointment=appointment, card_number=" v123 al568 "
    )

    assert done.card_number == "V123AL568"


def test_a_card_number_already_handed_out_is_refused(desk, collect, employee, appointment, now):
    identify_with_biometrics(employee, appointment)
    residence_document_issue(actor=employee, appointment=appointment, card_number="V123AL568")

    now.move_to(at(TOMORROW, 8))
    user, application = applicant_with_application()
    second = appointment_book(
        actor=user,
        application=application,
        desk=desk,
        appointment_type=collect,
        starts_at=at(TOMORROW, 9, 10),
    )
    now.move_to(at(TOMORROW, 9, 12))
    identify_with_biometrics(employee, second)

    with pytest.raises(InvalidInput) as refusal:
        residence_document_issue(actor=employee, appointment=second, card_number="V123AL568")

    assert "already recorded as handed out" in refusal.value.message


def test_the_card_is_handed_out_once(employee, appointment):
    identify_with_biometrics(employee, appointment)
    residence_document_issue(actor=employee, appointment=appointment, card_number="V123AL568")

    with pytest.raises(Conflict):
        residence_document_issue(actor=employee, appointment=appointment, card_number="V123AL569")


def test_identifying_twice_is_refused(employee, appointment):
    identify(employee, appointment)

    with pytest.raises(Conflict) as refusal:
        identify(employee, appointment)

    assert refusal.value.code == "already-identified"


def test_no_card_is_handed_out_at_a_biometrics_appointment(
    desk, biometrics, applicant, employee, now
):
    user, application = applicant
    appointment = appointment_book(
        actor=user, application=application, desk=desk, appointment_type=biometrics,
        starts_at=at(TOMORROW, 9),
    )  # fmt: skip
    now.move_to(at(TOMORROW, 9, 1))
    identify(employee, appointment)

    with pytest.raises(Conflict) as refusal:
        residence_document_issue(actor=employee, appointment=appointment, card_number="V123AL568")

    assert refusal.value.code == "not-for-this-type"


def test_staff_of_another_desk_cannot_record_anything(catalog, biometrics, appointment):
    zwolle = make_desk("zwolle", city="Zwolle", seats={biometrics: 1})
    stranger = desk_employee(zwolle)

    with pytest.raises(NotAllowed):
        identify(stranger, appointment)


def test_the_applicant_cannot_record_their_own_identification(applicant, appointment):
    with pytest.raises(NotAllowed):
        identify(applicant[0], appointment)


def test_identification_is_refused_before_the_day_of_the_appointment(employee, appointment, now):
    now.move_to(at(TODAY, 16))  # the day before

    with pytest.raises(Conflict) as refusal:
        identify(employee, appointment)

    assert refusal.value.code == "not-yet"


def test_a_no_show_is_recorded_once_the_appointment_is_over(employee, appointment, now):
    with pytest.raises(Conflict):
        appointment_no_show_record(actor=employee, appointment=appointment)  # 9:02

    now.move_to(at(TOMORROW, 9, 10))
    done = appointment_no_show_record(actor=employee, appointment=appointment)

    assert done.state == "no-show"
    assert desk_events(appointment.application)[-1] == "appointment-no-show"


def test_a_cancelled_appointment_cannot_be_identified(employee, appointment, applicant, now):
    now.move_to(at(TOMORROW, 8))
    appointment_cancel(actor=applicant[0], appointment=appointment)
    now.move_to(at(TOMORROW, 9, 2))

    with pytest.raises(Conflict) as refusal:
        identify(employee, appointment)

    assert refusal.value.code == "cancelled"


def test_no_residence_card_is_handed_out_without_a_granted_permit(employee, appointment):
    from indigo.decisions.models import Decision

    Decision.objects.filter(application=appointment.application).update(
        outcome=Decision.Outcome.REFUSE
    )
    identify_with_biometrics(employee, appointment)

    with pytest.raises(Conflict, match="No residence permit has been granted"):
        residence_document_issue(actor=employee, appointment=appointment, card_number="V123AL568")
    appointment.refresh_from_db()
    assert appointment.document_issued_at is None


def test_the_card_is_refused_before_the_biometrics(employee, appointment):
    """A card handed out before biometrics were recorded was accepted (issue 11)."""
    identify(employee, appointment)

    with pytest.raises(Conflict) as refusal:
        residence_document_issue(actor=employee, appointment=appointment, card_number="V123AL568")

    assert refusal.value.code == "no-biometrics"
    assert Appointment.objects.get(pk=appointment.pk).document_issued_at is None
    biometrics_record(actor=employee, appointment=appointment)
    residence_document_issue(actor=employee, appointment=appointment, card_number="V123AL568")
    assert desk_events(appointment.application)[-3:] == [
        "applicant-identified",
        "biometrics-taken",
        "residence-document-issued",
    ]


def test_biometrics_from_an_earlier_appointment_count(desk, biometrics, collect, employee, now):
    user, application = applicant_with_application()
    first = appointment_book(
        actor=user,
        application=application,
        desk=desk,
        appointment_type=biometrics,
        starts_at=at(TOMORROW, 9),
    )
    now.move_to(at(TOMORROW, 9, 2))
    identify_with_biometrics(employee, first)
    now.move_to(at(TOMORROW, 9, 20))
    second = appointment_book(
        actor=user,
        application=application,
        desk=desk,
        appointment_type=collect,
        starts_at=at(TOMORROW, 10),
    )
    now.move_to(at(TOMORROW, 10, 2))
    identify(employee, second)

    done = residence_document_issue(actor=employee, appointment=second, card_number="V123AL568")

    assert done.document_issued_at is not None


def test_no_card_appointment_without_a_granted_decision(desk, collect, now):
    user, application = applicant_with_application(granted=False)

    with pytest.raises(Conflict) as refusal:
        appointment_book(
            actor=user,
            application=application,
            desk=desk,
            appointment_type=collect,
            starts_at=at(TOMORROW, 9),
        )

    assert refusal.value.code == "card-not-ready"
    assert refusal.value.field == "appointment_type"
    assert not Appointment.objects.filter(application=application).exists()


def test_withdrawing_cancels_the_desk_appointments(desk, biometrics, now):
    from indigo.cases.services import application_act

    user, application = applicant_with_application(granted=False)
    booked = appointment_book(
        actor=user,
        application=application,
        desk=desk,
        appointment_type=biometrics,
        starts_at=at(TOMORROW, 9),
    )

    application_act(actor=user, application=application, action="withdraw", reason="moving")

    assert Appointment.objects.get(pk=booked.pk).state == Appointment.State.CANCELLED
