import re
from datetime import date

import pytest
import time_machine

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.models import Applicant, Application, ApplicationEvent, Status
from indigo.cases.services import application_create
from indigo.cases.tests.factories import ApplicantDataFactory, make_application
from indigo.catalog.models import ProductVersion
from indigo.errors import Conflict, InvalidInput

pytestmark = pytest.mark.usefixtures("catalog")


@time_machine.travel("2026-03-02 10:00 +01:00")
def test_a_new_application_is_received_today_with_its_legal_deadline():
    application = make_application(product="highly-skilled-migrant")

    assert application.status == Status.RECEIVED
    assert application.received_on == date(2026, 3, 2)
    assert re.fullmatch(r"2026-[0-9A-Z]{8}", application.reference)
    # 90 days (Vw 2000 art. 25) end on Sunday 31 May 2026 → Monday 1 June (Atw art. 1).
    assert application.decision_due == date(2026, 6, 1)


@time_machine.travel("2026-03-02 10:00 +01:00")
def test_the_application_is_pinned_to_the_version_in_force_on_its_receipt_date():
    application = make_application(product="highly-skilled-migrant", received_on=date(2025, 12, 30))

    assert application.product_version.valid_from.year == 2025


@time_machine.travel("2026-03-02 10:00 +01:00")
def test_adding_a_new_version_later_does_not_change_existing_applications():
    application = make_application(product="study")
    pinned = application.product_version
    ProductVersion.objects.create(
        product=pinned.product,
        valid_from=date(2026, 3, 1),
        legal_basis=pinned.legal_basis,
        decision_period_value=30,
        decision_period_unit="days",
        decision_period_source="test",
        fee_eur=1,
        fee_source="test",
    )

    application.refresh_from_db()
    assert application.product_version == pinned


@time_machine.travel("2026-03-02 10:00 +01:00")
def test_receiving_records_an_event_with_the_actor():
    clerk = user_with_role("desk")
    application = make_application(actor=clerk)

    event = ApplicationEvent.objects.get(application=application)
    assert (event.action, event.to_status, event.actor) == ("receive", "received", clerk)
    assert event.payload["product"] == "study"


@time_machine.travel("2026-03-02 10:00 +01:00")
def test_a_receipt_date_in_the_future_is_refused_and_nothing_is_written():
    with pytest.raises(InvalidInput, match="cannot be in the future") as exc:
        make_application(received_on=date(2026, 3, 3))

    assert exc.value.field == "received_on"
    assert not Application.objects.exists()
    assert not Applicant.objects.exists()


@time_machine.travel("2026-03-02 10:00 +01:00")
def test_only_staff_may_give_an_earlier_receipt_date():
    applicant = user_with_role("applicant")

    with pytest.raises(InvalidInput, match="Only staff") as exc:
        make_application(actor=applicant, received_on=date(2026, 2, 1))

    assert exc.value.field == "received_on"


def test_an_unknown_product_is_refused_with_the_known_codes():
    with pytest.raises(InvalidInput, match=r"Choose one of: .*study") as exc:
        make_application(product="golden-visa")

    assert exc.value.field == "product"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("nationality", "CO", "alpha-3"),
        ("nationality", "ABC", "alpha-3"),
        ("v_number", "12345", "10 digits"),
        ("date_of_birth", date(2999, 1, 1), "future"),
        ("surname", "   ", "empty"),
    ],
)
def test_invalid_identity_data_is_refused_naming_the_field(field, value, message):
    with pytest.raises(InvalidInput, match=message) as exc:
        make_application(**{field: value})

    assert exc.value.field == f"applicant.{field}"
    assert not Applicant.objects.exists()


def test_stateless_persons_can_apply_with_the_icao_code():
    application = make_application(nationality="XXA")

    assert application.applicant.nationality == "XXA"


def test_a_known_v_number_links_the_application_to_the_same_person():
    same = {"given_names": "Ana", "surname": "Lopez", "v_number": "1234567890"}
    first = make_application(**same)
    second = make_application(product="family-partner", **same)

    assert first.applicant_id == second.applicant_id


def test_staff_giving_a_known_v_number_with_another_date_of_birth_are_asked_to_check():
    make_application(v_number="1234567890")

    with pytest.raises(Conflict, match="another date of birth"):
        application_create(
            actor=user_with_role("caseworker"),
            product_code="study",
            applicant=ApplicantDataFactory(v_number="1234567890", date_of_birth=date(1980, 1, 1)),
            channel="post",
        )
    assert Application.objects.count() == 1


def test_an_unknown_customer_group_is_refused():
    with pytest.raises(InvalidInput, match="no customer group") as exc:
        application_create(
            actor=user_with_role("caseworker"),
            product_code="study",
            applicant=ApplicantDataFactory(),
            customer_group_code="royalty",
            channel="post",
        )
    assert exc.value.field == "customer_group"
