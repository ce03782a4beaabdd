"""Lending an employee to another unit for a while (flexible deployment, R7)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from indigo.accounts.tests.factories import join, make_unit, user_with_role
from indigo.cases.access import applications_visible_to
from indigo.cases.tests.factories import make_application
from indigo.errors import InvalidInput, NotAllowed
from indigo.organisation.models import Membership
from indigo.organisation.services import membership_lend
from indigo.work.services import work_get_next

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

pytestmark = pytest.mark.usefixtures("catalog")


@pytest.fixture(autouse=True)
def _on_the_second_of_march():
    with time_machine.travel(datetime(2026, 3, 2, 9, tzinfo=AMSTERDAM), tick=False):
        yield


@pytest.fixture
def economic():
    return make_unit("economic-zwolle", processes=["regular-economic"])


@pytest.fixture
def manager(economic):
    return user_with_role("manager", units=[economic])


@pytest.fixture
def family_caseworker():
    return user_with_role("caseworker", units=[make_unit("family", processes=["regular-social"])])


def lend(*, actor, user, unit, **changes):
    arguments = {
        "valid_from": date(2026, 3, 9),
        "valid_to": date(2026, 3, 20),
        "reason": "Peak in student intake",
    } | changes
    return membership_lend(actor=actor, user=user, unit=unit, **arguments)


def test_a_manager_lends_an_employee_as_a_temporary_dated_member(
    manager, family_caseworker, economic
):
    membership = lend(actor=manager, user=family_caseworker, unit=economic)

    assert membership.temporary is True
    assert (membership.valid_from, membership.valid_to) == (date(2026, 3, 9), date(2026, 3, 20))
    assert membership.reason == "Peak in student intake"
    assert membership.created_by == manager


def test_a_caseworker_cannot_lend_anyone(family_caseworker, economic):
    colleague = user_with_role("caseworker", units=[economic])

    with pytest.raises(NotAllowed):
        lend(actor=colleague, user=family_caseworker, unit=economic)

    assert not Membership.objects.filter(user=family_caseworker, unit=economic).exists()


def test_a_lending_needs_a_reason(manager, family_caseworker, economic):
    with pytest.raises(InvalidInput) as refused:
        lend(actor=manager, user=family_caseworker, unit=economic, reason="   ")

    assert refused.value.field == "reason"


def test_a_lending_cannot_start_in_the_past(manager, family_caseworker, economic):
    with pytest.raises(InvalidInput) as refused:
        lend(actor=manager, user=family_caseworker, unit=economic, valid_from=date(2026, 3, 1))

    assert refused.value.field == "valid_from"


def test_a_lending_may_start_today(manager, family_caseworker, economic):
    membership = lend(
        actor=manager, user=family_caseworker, unit=economic, valid_from=date(2026, 3, 2)
    )

    assert membership.valid_from == date(2026, 3, 2)


def test_a_lending_must_have_an_end(manager, family_caseworker, economic):
    with pytest.raises(InvalidInput) as refused:
        lend(actor=manager, user=family_caseworker, unit=economic, valid_to=None)

    assert refused.value.field == "valid_to"


def test_a_lending_cannot_end_before_it_starts(manager, family_caseworker, economic):
    with pytest.raises(InvalidInput) as refused:
        lend(actor=manager, user=family_caseworker, unit=economic, valid_to=date(2026, 3, 8))

    assert refused.value.field == "valid_to"


def test_only_caseworkers_and_specialists_can_be_lent(manager, economic):
    desk = user_with_role("desk", units=[])

    with pytest.raises(InvalidInput) as refused:
        lend(actor=manager, user=desk, unit=economic)

    assert refused.value.field == "user"


def test_a_lending_cannot_overlap_another_lending_to_the_same_unit(
    manager, family_caseworker, economic
):
    lend(actor=manager, user=family_caseworker, unit=economic)

    with pytest.raises(InvalidInput, match="already lent"):
        lend(
            actor=manager,
            user=family_caseworker,
            unit=economic,
            valid_from=date(2026, 3, 20),
            valid_to=date(2026, 3, 27),
        )

    assert Membership.objects.filter(user=family_caseworker, unit=economic).count() == 1


def test_a_lending_may_follow_the_previous_one_directly(manager, family_caseworker, economic):
    lend(actor=manager, user=family_caseworker, unit=economic)

    lend(
        actor=manager,
        user=family_caseworker,
        unit=economic,
        valid_from=date(2026, 3, 21),
        valid_to=date(2026, 3, 27),
    )

    assert Membership.objects.filter(user=family_caseworker, unit=economic).count() == 2


def test_a_permanent_member_cannot_be_lent_to_their_own_unit(manager, economic):
    member = user_with_role("caseworker", units=[economic])

    with pytest.raises(InvalidInput, match="already a member"):
        lend(actor=manager, user=member, unit=economic)


def test_the_same_employee_can_be_lent_to_two_units_at_once(manager, family_caseworker, economic):
    lend(actor=manager, user=family_caseworker, unit=economic)
    other = make_unit("economic-den-bosch", processes=["regular-economic"], city="Den Bosch")
    join(manager, other)

    lend(actor=manager, user=family_caseworker, unit=other)

    assert Membership.objects.filter(user=family_caseworker, temporary=True).count() == 2


def test_the_lent_employee_sees_and_gets_the_units_work_only_during_the_lending(
    manager, family_caseworker, economic
):
    lend(actor=manager, user=family_caseworker, unit=economic)
    first, student = (make_application(product="study", actor=manager) for _ in range(2))

    assert not applications_visible_to(family_caseworker).filter(pk=student.pk).exists()
    assert work_get_next(actor=family_caseworker) is None

    with time_machine.travel(datetime(2026, 3, 9, 9, tzinfo=AMSTERDAM), tick=False):
        assert applications_visible_to(family_caseworker).filter(pk=student.pk).exists()
        assert work_get_next(actor=family_caseworker).application == first

    with time_machine.travel(datetime(2026, 3, 21, 9, tzinfo=AMSTERDAM), tick=False):
        assert not applications_visible_to(family_caseworker).filter(pk=student.pk).exists()
        assert work_get_next(actor=family_caseworker) is None


# --- issue 9: only into the manager's own unit, and not for ever ------------------------


def test_a_manager_cannot_lend_anyone_into_a_unit_they_do_not_manage(manager, family_caseworker):
    asylum = make_unit("asylum-ter-apel", processes=["asylum"])

    with pytest.raises(NotAllowed) as refused:
        lend(actor=manager, user=family_caseworker, unit=asylum, valid_to=date(2026, 3, 20))

    assert refused.value.field == "unit"
    assert not Membership.objects.filter(unit=asylum).exists()
    assert not applications_visible_to(family_caseworker).filter(product__code="asylum").exists()


def test_a_manager_lent_into_a_unit_cannot_lend_others_into_it(family_caseworker, economic):
    borrowed_manager = user_with_role("manager", units=[])
    join(borrowed_manager, economic, valid_to=date(2026, 3, 20), temporary=True)

    with pytest.raises(NotAllowed):
        lend(actor=borrowed_manager, user=family_caseworker, unit=economic)


def test_a_lending_until_9999_is_refused(manager, family_caseworker, economic):
    with pytest.raises(InvalidInput) as refused:
        lend(actor=manager, user=family_caseworker, unit=economic, valid_to=date(9999, 12, 31))

    assert refused.value.field == "valid_to"
    assert not Membership.objects.filter(user=family_caseworker, unit=economic).exists()


def test_a_lending_of_the_longest_period_is_allowed(manager, family_caseworker, economic, settings):
    settings.INDIGO_LENDING_MAX_DAYS = 12

    membership = lend(actor=manager, user=family_caseworker, unit=economic)

    assert (membership.valid_to - membership.valid_from).days + 1 == 12
