import pytest
from django.urls import reverse

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.models import Status
from indigo.cases.tests.factories import make_application

pytestmark = pytest.mark.usefixtures("catalog")


@pytest.fixture
def caseworker(client):
    user = user_with_role("caseworker")
    client.force_login(user)
    client.user = user
    return client


def test_the_list_requires_a_login(client):
    response = client.get(reverse("staff:application-list"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_login_page_logs_a_caseworker_in(client):
    user_with_role("caseworker", username="anna")

    response = client.post(
        reverse("login"), {"username": "anna", "password": "correct horse battery"}
    )

    assert response.status_code == 302
    assert client.get(reverse("staff:application-list")).status_code == 200


def test_an_applicant_cannot_open_the_staff_screens(client):
    client.force_login(user_with_role("applicant"))

    assert client.get(reverse("staff:application-list")).status_code == 403


def test_the_list_shows_applications_and_filters_by_product(caseworker):
    study = make_application(product="study")
    asylum = make_application(product="asylum")

    page = caseworker.get(reverse("staff:application-list"), {"product": "asylum"})

    assert asylum.reference in page.content.decode()
    assert study.reference not in page.content.decode()


def test_the_application_page_shows_deadline_timeline_and_next_steps(caseworker):
    application = make_application(product="study")

    page = caseworker.get(reverse("staff:application-detail", args=[application.reference]))
    html = page.content.decode()

    assert page.status_code == 200
    assert "Legal deadline" in html
    assert application.decision_due.strftime("%Y") in html
    assert "Application received" in html  # the timeline
    assert "Start intake" in html  # a possible next step


def test_the_application_page_is_in_dutch_when_dutch_is_chosen(caseworker):
    application = make_application(product="study")
    caseworker.post(reverse("set_language"), {"language": "nl"})

    html = caseworker.get(
        reverse("staff:application-detail", args=[application.reference])
    ).content.decode()

    assert 'lang="nl"' in html
    assert "Wettelijke beslistermijn" in html


def test_an_action_from_the_page_changes_the_status(caseworker):
    application = make_application(product="study")

    caseworker.post(
        reverse("staff:application-action", args=[application.reference]),
        {"action": "start-intake", "reason": ""},
    )

    application.refresh_from_db()
    assert application.status == Status.INTAKE


def test_a_refused_action_shows_why_and_changes_nothing(caseworker):
    application = make_application(product="study")

    response = caseworker.post(
        reverse("staff:application-action", args=[application.reference]),
        {"action": "notify", "reason": ""},
        follow=True,
    )

    application.refresh_from_db()
    assert application.status == Status.RECEIVED
    assert "not possible while the application is" in response.content.decode()


def test_an_unknown_reference_is_a_404(caseworker):
    assert (
        caseworker.get(reverse("staff:application-detail", args=["2026-NOPE"])).status_code == 404
    )
