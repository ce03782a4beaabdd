"""The managers' screens per unit: figures, charts and lending an employee."""

import re
from datetime import date, datetime
from xml.etree import ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.cases.tests.factories import make_application
from indigo.organisation.models import Membership

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

pytestmark = pytest.mark.usefixtures("catalog")


@pytest.fixture(autouse=True)
def _on_the_second_of_march():
    with time_machine.travel(datetime(2026, 3, 2, 9, tzinfo=AMSTERDAM), tick=False):
        yield


@pytest.fixture
def unit():
    return make_unit("economic-zwolle", processes=["regular-economic"])


@pytest.fixture
def manager(client, unit):
    user = user_with_role("manager", units=[unit])
    client.force_login(user)
    return client


@pytest.fixture
def family_caseworker():
    return user_with_role(
        "caseworker",
        units=[make_unit("family", processes=["regular-social"])],
        first_name="Fatima",
        last_name="El Amrani",
    )


def page_of(unit, client):
    return client.get(reverse("work:unit", args=[unit.code])).content.decode()


def test_the_units_list_shows_each_unit_with_its_open_work(manager, unit):
    make_application(product="study")

    html = manager.get(reverse("work:units")).content.decode()

    assert reverse("work:unit", args=[unit.code]) in html
    assert re.search(r'numeric-column">1</td>', html)


def test_the_units_list_is_forbidden_to_a_caseworker(client, unit):
    client.force_login(user_with_role("caseworker", units=[unit]))

    assert client.get(reverse("work:units")).status_code == 403


def test_the_unit_page_is_forbidden_to_a_caseworker(client, unit):
    client.force_login(user_with_role("caseworker", units=[unit]))

    assert client.get(reverse("work:unit", args=[unit.code])).status_code == 403


def test_the_unit_page_shows_the_figures_as_tables_with_inline_charts(manager, unit):
    make_application(product="study")

    response = manager.get(reverse("work:unit", args=[unit.code]))
    html = response.content.decode()

    assert response.status_code == 200
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg"') == 3
    assert html.count('role="img"') == 3
    assert "<caption" in html and 'scope="row"' in html
    assert "Open tasks by days since the application was received" in html


def test_the_inline_charts_are_well_formed_svg(manager, unit):
    html = page_of(unit, manager)

    for svg in re.findall(r"<svg .*?</svg>", html, flags=re.DOTALL):
        assert ET.fromstring(svg).get("aria-label")


def test_the_unit_page_says_there_is_no_output_yet_instead_of_a_projection(manager, unit):
    make_application(product="study")

    html = page_of(unit, manager)

    assert "No output yet" in html
    assert "no output yet" in html  # the what-if rows


def test_the_unit_page_shows_what_one_or_two_more_members_would_do(manager, unit):
    html = page_of(unit, manager)

    assert "1 member lent to this unit" in html
    assert "2 members lent to this unit" in html


def test_an_unknown_unit_is_not_found(manager):
    assert manager.get(reverse("work:unit", args=["nowhere"])).status_code == 404


def test_the_lend_form_offers_staff_who_are_not_yet_members(manager, unit, family_caseworker):
    member = user_with_role("caseworker", units=[unit], username="already-here")
    user_with_role("desk", units=[], username="desk-clerk")

    html = page_of(unit, manager)

    assert f'value="{family_caseworker.pk}"' in html
    assert "Fatima El Amrani (family)" in html
    assert f'value="{member.pk}"' not in html
    assert "desk-clerk" not in html


def test_lending_an_employee_states_the_effect_on_the_weeks_to_clear(
    manager, unit, family_caseworker
):
    response = manager.post(
        reverse("work:unit-lend", args=[unit.code]),
        {
            "user": family_caseworker.pk,
            "valid_from": "2026-03-09",
            "valid_to": "2026-03-20",
            "reason": "Peak in student intake",
        },
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("work:unit", args=[unit.code])
    message = str(next(iter(response.context["messages"])))
    assert "Fatima El Amrani is lent to economic-zwolle" in message
    assert "Weeks to clear the stock:" in message
    assert Membership.objects.get(user=family_caseworker, unit=unit).temporary


def test_a_refused_lending_shows_the_reason_at_the_field(manager, unit, family_caseworker):
    response = manager.post(
        reverse("work:unit-lend", args=[unit.code]),
        {
            "user": family_caseworker.pk,
            "valid_from": "2026-03-01",
            "valid_to": "2026-03-20",
            "reason": "Peak in student intake",
        },
    )

    assert response.status_code == 400
    assert response.context["form"].errors["valid_from"] == [
        "The lending cannot start in the past (today is 2026-03-02)."
    ]
    assert 'id="id_valid_from_error"' in response.content.decode()
    assert not Membership.objects.filter(user=family_caseworker, unit=unit).exists()


def test_the_lend_url_only_accepts_posts(manager, unit):
    assert manager.get(reverse("work:unit-lend", args=[unit.code])).status_code == 405


def test_the_lent_employee_appears_as_temporary_member_during_the_lending(
    manager, unit, family_caseworker
):
    Membership.objects.create(
        user=family_caseworker,
        unit=unit,
        valid_from=date(2026, 3, 2),
        valid_to=date(2026, 3, 20),
        temporary=True,
        reason="Peak in student intake",
    )

    html = page_of(unit, manager)

    assert "Lent (temporary)" in html
    assert "20 March 2026" in html
