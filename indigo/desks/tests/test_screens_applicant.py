"""The applicant's screens: book (desk, day, time, confirm), see, move, cancel."""

import pytest
from django.urls import reverse

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.models import ApplicationEvent
from indigo.desks.models import Appointment
from indigo.desks.services import appointment_book
from indigo.desks.tests.conftest import TOMORROW, at
from indigo.desks.tests.factories import applicant_with_application

BOOK = reverse("desks:book")
CONFIRM = reverse("desks:book-confirm")


@pytest.fixture
def client_of(client, applicant):
    user, application = applicant
    client.force_login(user)
    client.application = application
    return client


def choice(application, **extra):
    return {
        "application": application.reference,
        "appointment_type": "biometrics",
        "desk": "den-haag",
        **extra,
    }


def book_for(desk, appointment_type, who=None, starts_at=None):
    user, application = who or applicant_with_application()
    return appointment_book(
        actor=user,
        application=application,
        desk=desk,
        appointment_type=appointment_type,
        starts_at=starts_at or at(TOMORROW, 9),
    )


def test_the_screens_keep_their_urls():
    assert BOOK == "/desks/book"
    assert reverse("desks:my-appointments") == "/desks/appointments"


def test_an_anonymous_visitor_is_sent_to_log_in(client, desk):
    assert client.get(BOOK).status_code == 302


def test_staff_cannot_open_the_applicants_screens(client, desk):
    client.force_login(user_with_role("caseworker"))

    assert client.get(BOOK).status_code == 403
    assert client.get(reverse("desks:my-appointments")).status_code == 403


def test_the_first_step_offers_the_applicants_own_applications_only(client_of, desk):
    other = applicant_with_application()[1]

    html = client_of.get(BOOK).content.decode()

    assert client_of.application.reference in html
    assert other.reference not in html


def test_choosing_what_and_where_shows_the_free_days(client_of, desk):
    html = client_of.get(BOOK, choice(client_of.application)).content.decode()

    assert "Step 2: choose a day" in html
    assert "Tuesday 3 March 2026" in html
    assert "Saturday" not in html


def test_choosing_a_day_shows_the_free_times(client_of, desk):
    html = client_of.get(
        BOOK, choice(client_of.application, day=TOMORROW.isoformat())
    ).content.decode()

    assert "Step 3: choose a time on Tuesday 3 March 2026" in html
    assert 'value="2026-03-03T09:00"' in html
    assert 'value="2026-03-03T16:45"' in html


def test_a_full_time_is_not_offered(client_of, desk, biometrics):
    book_for(desk, biometrics)
    book_for(desk, biometrics)

    html = client_of.get(
        BOOK, choice(client_of.application, day=TOMORROW.isoformat())
    ).content.decode()

    assert 'value="2026-03-03T09:00"' not in html
    assert 'value="2026-03-03T09:15"' in html


def test_continuing_without_a_time_asks_for_one_at_the_field(client_of, desk):
    html = client_of.get(
        BOOK, choice(client_of.application, day=TOMORROW.isoformat(), step="time")
    ).content.decode()

    assert "Choose a time." in html
    assert 'id="id_starts_at_error"' in html


def test_choosing_a_time_leads_to_the_confirmation(client_of, desk):
    query = choice(client_of.application, day=TOMORROW.isoformat(), step="time")

    response = client_of.get(BOOK, {**query, "starts_at": "2026-03-03T09:00"})

    assert response.status_code == 302
    assert response.url.startswith(CONFIRM)
    html = client_of.get(response.url).content.decode()
    assert "Check your appointment" in html
    assert "09:00 \N{EN DASH} 09:15" in html


def test_confirming_books_and_shows_the_appointment_code(client_of, desk):
    response = client_of.post(
        CONFIRM, choice(client_of.application, starts_at="2026-03-03T09:00"), follow=True
    )
    html = response.content.decode()

    appointment = Appointment.objects.get(application=client_of.application)
    assert response.redirect_chain == [(reverse("desks:appointment", args=[appointment.pk]), 302)]
    assert f"Your appointment is booked. Your appointment code is {appointment.code}." in html
    assert "What to bring" in html


def test_a_time_that_became_full_gets_a_clear_message_and_nothing_is_booked(
    client_of, desk, biometrics
):
    book_for(desk, biometrics)
    book_for(desk, biometrics)
    events = ApplicationEvent.objects.count()

    response = client_of.post(CONFIRM, choice(client_of.application, starts_at="2026-03-03T09:00"))
    html = response.content.decode()

    assert response.status_code == 200
    assert 'role="alert"' in html
    assert "is fully booked. Nothing was booked. Choose another time." in html
    # Nothing lost: the way back keeps the desk and the day.
    assert "desk=den-haag" in html and "day=2026-03-03" in html
    assert not Appointment.objects.filter(application=client_of.application).exists()
    assert ApplicationEvent.objects.count() == events


def test_someone_elses_application_cannot_be_chosen(client_of, desk):
    other = applicant_with_application()[1]

    response = client_of.post(CONFIRM, choice(other, starts_at="2026-03-03T09:00"))

    assert response.status_code == 302  # back to the first step, which says why
    html = client_of.get(response.url).content.decode()
    assert "Choose one of your applications." in html
    assert f'<option value="{other.reference}"' not in html
    assert not Appointment.objects.exists()


def test_an_expat_centre_outside_the_target_group_is_refused_at_the_desk_field(
    client_of, desk, biometrics
):
    from indigo.desks.tests.factories import make_desk

    make_desk(
        "in-amsterdam",
        city="Amsterdam",
        kind="expat-centre",
        products=["highly-skilled-migrant"],
        seats={biometrics: 1},
    )

    html = client_of.get(BOOK, choice(client_of.application, desk="in-amsterdam")).content.decode()

    assert "only serves some groups of applicants" in html
    assert 'id="id_desk_error"' in html


def test_my_appointments_lists_the_coming_appointment_with_its_code(client_of, desk, biometrics):
    appointment = book_for(
        desk, biometrics, who=(client_of.application.applicant.user, client_of.application)
    )

    html = client_of.get(reverse("desks:my-appointments")).content.decode()

    assert appointment.code in html
    assert reverse("desks:appointment", args=[appointment.pk]) in html


def test_the_appointment_of_another_applicant_is_not_found(client_of, desk, biometrics):
    appointment = book_for(desk, biometrics)

    for name in ("desks:appointment", "desks:move", "desks:cancel"):
        assert client_of.get(reverse(name, args=[appointment.pk])).status_code == 404


def test_moving_from_the_screen_books_the_new_time(client_of, desk, biometrics):
    old = book_for(
        desk, biometrics, who=(client_of.application.applicant.user, client_of.application)
    )

    response = client_of.post(
        reverse("desks:move-confirm", args=[old.pk]),
        {"desk": "den-haag", "starts_at": "2026-03-03T10:00"},
        follow=True,
    )

    new = Appointment.objects.get(application=client_of.application, state="booked")
    assert new.starts_at == at(TOMORROW, 10)
    assert "Your appointment is moved." in response.content.decode()


def test_moving_to_a_full_time_keeps_the_appointment_and_says_so(client_of, desk, biometrics):
    old = book_for(
        desk, biometrics, who=(client_of.application.applicant.user, client_of.application)
    )
    book_for(desk, biometrics, starts_at=at(TOMORROW, 10))
    book_for(desk, biometrics, starts_at=at(TOMORROW, 10))

    html = client_of.post(
        reverse("desks:move-confirm", args=[old.pk]),
        {"desk": "den-haag", "starts_at": "2026-03-03T10:00"},
    ).content.decode()

    assert "Your appointment on 3 March 2026 at 09:00 is kept." in html
    old.refresh_from_db()
    assert old.state == "booked"


def test_cancelling_from_the_screen(client_of, desk, biometrics):
    appointment = book_for(
        desk, biometrics, who=(client_of.application.applicant.user, client_of.application)
    )
    url = reverse("desks:cancel", args=[appointment.pk])

    assert "Cancel your appointment?" in client_of.get(url).content.decode()
    response = client_of.post(url, follow=True)

    assert "Your appointment on 3 March 2026 is cancelled." in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.state == "cancelled"


def test_a_past_appointment_can_no_longer_be_cancelled_on_screen(client_of, desk, biometrics, now):
    appointment = book_for(
        desk, biometrics, who=(client_of.application.applicant.user, client_of.application)
    )
    now.move_to(at(TOMORROW, 12))

    response = client_of.post(reverse("desks:cancel", args=[appointment.pk]), follow=True)

    assert "This appointment can no longer be moved or cancelled." in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.state == "booked"


def test_the_booking_pages_are_in_dutch_when_dutch_is_chosen(client_of, desk):
    client_of.post(reverse("set_language"), {"language": "nl"})

    html = client_of.get(
        BOOK, choice(client_of.application, day=TOMORROW.isoformat())
    ).content.decode()

    assert 'lang="nl"' in html
    assert "Maak een afspraak bij een IND-loket" in html
    assert "dinsdag 3 maart 2026" in html


def test_a_full_time_is_explained_in_dutch_on_the_dutch_page(client_of, desk, biometrics):
    book_for(desk, biometrics)
    book_for(desk, biometrics)
    client_of.post(reverse("set_language"), {"language": "nl"})

    html = client_of.post(
        CONFIRM, choice(client_of.application, starts_at="2026-03-03T09:00")
    ).content.decode()

    assert 'lang="nl"' in html
    assert "Om 09:00 op 3 maart 2026 is IND-loket Den Haag vol. Er is niets geboekt." in html


def test_a_link_can_preselect_the_application_without_showing_errors(client_of, desk):
    html = client_of.get(BOOK, {"application": client_of.application.reference}).content.decode()

    assert f'<option value="{client_of.application.reference}" selected>' in html
    assert "Choose what you come for." not in html
