"""Menus show only what the role may open; refused and missing pages are styled, in the
user's language, with the way home."""

import pytest
from django.test import override_settings

from indigo.accounts.tests.factories import make_unit, user_with_role

pytestmark = pytest.mark.usefixtures("catalog")

MENU = {
    "applications": "/staff/applications",
    "persons": "/contacts/persons",
    "desk": "/desks/desk",
    "units": "/work/units",
}
EXPECTED = {
    "caseworker": {"applications", "persons"},
    "specialist": {"applications"},
    "manager": {"applications", "persons", "units"},
    "desk": {"applications", "persons", "desk"},
    "contact": {"applications", "persons"},
}


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_each_role_sees_only_the_menu_items_it_may_open(client, role):
    unit = make_unit("all", processes=["regular-economic"])
    client.force_login(user_with_role(role, units=[unit]))

    page = client.get("/work/").content.decode()

    shown = {item for item, url in MENU.items() if f'href="{url}"' in page}
    assert shown == EXPECTED[role]
    for item in EXPECTED[role]:
        assert client.get(MENU[item]).status_code == 200, item
    for item in set(MENU) - EXPECTED[role]:
        assert client.get(MENU[item]).status_code == 403, item


def test_get_next_is_offered_only_to_who_may_get_casework(client):
    unit = make_unit("contact-centre", kind="contact-centre", processes=["regular-economic"])
    client.force_login(user_with_role("contact", units=[unit]))

    assert "/work/next" not in client.get("/work/").content.decode()
    assert client.post("/work/next").status_code == 403


def test_the_403_page_is_styled_in_dutch_with_the_way_home(client):
    client.force_login(user_with_role("contact"))

    response = client.get("/work/units", HTTP_ACCEPT_LANGUAGE="nl")

    assert response.status_code == 403
    page = response.content.decode()
    assert 'lang="nl"' in page
    assert "indigo.css" in page
    assert 'href="/"' in page


def test_the_404_page_is_styled_with_the_way_home(client):
    client.force_login(user_with_role("caseworker"))

    response = client.get("/staff/applications/NO-SUCH-THING")

    assert response.status_code == 404
    page = response.content.decode()
    assert "indigo.css" in page and 'href="/"' in page
    assert "Page not found" in page


@override_settings(DEBUG=False)
def test_the_500_page_is_styled_with_the_way_home(rf):
    from indigo.urls import handler500

    request = rf.get("/staff/applications")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = handler500(request)

    assert response.status_code == 500
    page = response.content.decode()
    assert "indigo.css" in page and 'href="/"' in page
