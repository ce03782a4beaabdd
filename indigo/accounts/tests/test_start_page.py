import pytest
from django.urls import reverse

from indigo.accounts.tests.factories import user_with_role
from indigo.accounts.views import start_page_for


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "start"),
    [("caseworker", "work:worklist"), ("desk", "work:worklist"), ("sponsor", "sponsors:dashboard")],
)
def test_each_role_starts_on_its_own_page(role, start):
    assert start_page_for(user_with_role(role)) == reverse(start)


@pytest.mark.django_db
def test_after_login_the_caseworker_lands_on_their_work(client):
    user_with_role("caseworker", username="anna")

    response = client.post(
        reverse("login"), {"username": "anna", "password": "correct horse battery"}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("work:worklist")
