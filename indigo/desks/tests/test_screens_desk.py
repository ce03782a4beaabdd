"""The desk's screens: the day's appointments and one appointment's steps."""

import pytest
from django.urls import reverse

from indigo.accounts.tests.factories import user_with_role
from indigo.audit.tests.helpers import logged
from indigo.cases.models import ApplicationEvent
from indigo.desks.services import appointment_book
from indigo.desks.tests.conftest import TOMORROW, at
from indigo.desks.tests.factories import applicant_with_application, desk_employee, make_desk

DAY = reverse("desks:desk-day")


@pytest.fixture
def appointment(desk, collect, applicant, now):
    user, application = applicant
    booked = appointment_book(
        actor=user,
        application=application,
        desk=desk,
        appointment_type=collect,
        starts_at=at(TOMORROW, 9),
    )
    now.move_to(at(TOMORROW, 9, 1))
    return booked


@pytest.fixture
def employee_client(client, desk):
    employee = desk_employee(desk)
    client.force_login(employee)
    client.user = employee
    return client


def page(appointment, name="desks:desk-appointment"):
    return reverse(name, args=[appointment.pk])


def test_an_applicant_cannot_open_the_desk_screens(client, appointment):
    client.force_login(appointment.applicant.user)

    assert client.get(DAY).status_code == 403
    assert client.get(page(appointment)).status_code == 403


def test_a_caseworker_cannot_open_the_desk_screens(client, appointment):
    client.force_login(user_with_role("caseworker"))

    assert client.get(DAY).status_code == 403


def test_desk_staff_without_a_desk_are_told_so(client, desk):
    client.force_login(user_with_role("desk"))

    assert "You do not work at a desk." in client.get(DAY).content.decode()


def test_the_day_page_lists_todays_appointments_at_my_desk(
    employee_client, appointment, biometrics, now
):
    zwolle = make_desk("zwolle", city="Zwolle", seats={biometrics: 1})
    now.move_to(at(TOMORROW, 8))
    user, application = applicant_with_application(surname="Elsewhere")
    appointment_book(
        actor=user, application=application, desk=zwolle, appointment_type=biometrics,
        starts_at=at(TOMORROW, 9),
    )  # fmt: skip

    html = employee_client.get(DAY).content.decode()

    assert "Appointments at IND desk Den Haag" in html
    assert appointment.code in html
    assert page(appointment) in html
    assert "Elsewhere" not in html


def test_another_day_is_chosen_with_the_filter(employee_client, appointment):
    html = employee_client.get(DAY, {"desk": "den-haag", "day": "2026-03-04"}).content.decode()

    assert "No appointments on this day." in html


def test_the_appointment_code_finds_the_appointment(employee_client, appointment):
    response = employee_client.get(DAY, {"code": appointment.code.lower()})

    assert response.status_code == 302
    assert response.url == page(appointment)


def test_an_unknown_code_is_said_at_the_field(employee_client, appointment):
    html = employee_client.get(DAY, {"code": "ZZZZZZZZ"}).content.decode()

    assert "There is no appointment with this code at your desk." in html
    assert 'id="id_code_error"' in html


def test_the_appointment_of_another_desk_is_not_found(client, appointment, biometrics):
    client.force_login(desk_employee(make_desk("zwolle", city="Zwolle", seats={biometrics: 1})))

    assert client.get(page(appointment)).status_code == 404


def test_the_appointment_page_shows_the_person_and_records_the_view(employee_client, appointment):
    html = employee_client.get(page(appointment)).content.decode()

    assert appointment.applicant.surname in html
    assert "1. Identify the applicant" in html
    assert "desks:appointment" in logged(
        applicant_id=appointment.application.applicant_id, user=employee_client.user
    )


def test_the_whole_desk_visit_from_the_screens(employee_client, appointment):
    employee_client.post(
        page(appointment, "desks:identify"), {"document": "passport", "checked": "on"}
    )
    employee_client.post(page(appointment, "desks:biometrics"))
    response = employee_client.post(
        page(appointment, "desks:issue"), {"card_number": "V123AL568"}, follow=True
    )

    html = response.content.decode()
    assert "The handing out of the residence document is recorded." in html
    assert "Residence card V123AL568 handed out" in html
    assert list(
        ApplicationEvent.objects.filter(application=appointment.application)
        .exclude(action__in=["receive", "appointment-booked"])
        .values_list("action", flat=True)
    ) == ["applicant-identified", "biometrics-taken", "residence-document-issued"]


def test_identifying_without_the_confirmation_shows_the_error_at_the_checkbox(
    employee_client, appointment
):
    html = employee_client.post(
        page(appointment, "desks:identify"), {"document": "passport"}
    ).content.decode()

    assert 'id="id_checked_error"' in html
    assert 'aria-invalid="true"' in html


def test_a_bad_card_number_is_shown_at_the_field(employee_client, appointment):
    employee_client.post(
        page(appointment, "desks:identify"), {"document": "passport", "checked": "on"}
    )
    employee_client.post(page(appointment, "desks:biometrics"))

    html = employee_client.post(
        page(appointment, "desks:issue"), {"card_number": "V1230L568"}
    ).content.decode()

    assert "is not a residence card number" in html
    assert 'id="id_card_number_error"' in html
    assert not ApplicationEvent.objects.filter(action="residence-document-issued").exists()


def test_the_card_cannot_be_handed_out_before_identification_on_screen(
    employee_client, appointment
):
    html = employee_client.get(page(appointment)).content.decode()
    assert 'action="' + page(appointment, "desks:issue") + '"' not in html

    response = employee_client.post(page(appointment, "desks:issue"), {"card_number": "V123AL568"})

    assert "Identify the applicant first" in response.content.decode()
    assert not ApplicationEvent.objects.filter(action="residence-document-issued").exists()


def test_the_desk_pages_are_in_dutch_when_dutch_is_chosen(employee_client, appointment):
    employee_client.post(reverse("set_language"), {"language": "nl"})

    day_html = employee_client.get(DAY).content.decode()
    page_html = employee_client.get(page(appointment)).content.decode()

    assert 'lang="nl"' in day_html
    assert "Afspraken bij IND-loket Den Haag" in day_html
    assert "1. Stel de identiteit van de aanvrager vast" in page_html
