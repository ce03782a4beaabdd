from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import translation

from indigo.cases.models import Applicant, Application, ApplicationEvent
from indigo.errors import NotAllowed
from indigo.rules.models import Fact
from indigo.sponsors.application_input import ApplicationInputInvalid
from indigo.sponsors.models import Authorisation, SponsoredApplication
from indigo.sponsors.services import sponsor_apply
from indigo.sponsors.tests.factories import (
    SIGNED_FORM,
    STUDY_FACTS,
    WORK_FACTS,
    applicant,
    make_sponsor,
    make_sponsor_user,
    sponsored_application,
)


def facts_of(application) -> dict:
    return {f.name: (f.value, f.source) for f in Fact.objects.filter(application=application)}


def test_applying_for_a_student_files_an_application_of_the_recognised_sponsor_group(
    university, officer
):
    application = sponsored_application(university, actor=officer, vouch=True)

    assert application.customer_group.code == "recognised-sponsor"
    assert application.product.code == "study"
    assert application.created_by == officer
    link = SponsoredApplication.objects.get(application=application)
    assert link.sponsor == university
    assert link.created_by == officer


def test_the_migrants_authorisation_is_recorded_with_the_application(university, officer):
    application = sponsored_application(university, actor=officer)

    authorisation = Authorisation.objects.get()
    assert authorisation.applicant == application.applicant
    assert (authorisation.sponsor, authorisation.product.code) == (university, "study")
    assert (authorisation.given_on, authorisation.how) == (date(2026, 8, 20), "signed form")
    assert application.sponsorship.authorisation == authorisation


def test_the_sponsors_statements_and_vouching_become_facts_from_the_sponsor(university, officer):
    application = sponsored_application(university, actor=officer, vouch=True)

    facts = facts_of(application)
    assert facts["programme_name"] == ("MSc Water Management", "sponsor")
    assert facts["programme_end_date"] == ("2028-08-31", "sponsor")
    assert facts["admitted_to_programme"] == (True, "sponsor")
    assert facts["sponsor_vouched"] == (True, "sponsor")
    assert facts["sponsor_kvk_number"] == (university.kvk_number, "sponsor")
    assert facts["institution_is_recognised"] == (True, "sponsor")


def test_without_vouching_no_vouch_fact_is_recorded(university, officer):
    application = sponsored_application(university, actor=officer, vouch=False)

    assert "sponsor_vouched" not in facts_of(application)


def test_the_migrant_is_not_linked_to_the_sponsor_users_account(university, officer):
    application = sponsored_application(university, actor=officer)

    assert application.applicant.user is None


def test_the_application_history_says_the_sponsor_filed_it(university, officer):
    application = sponsored_application(university, actor=officer)

    event = ApplicationEvent.objects.get(application=application, action="sponsor-applied")
    assert event.actor == officer
    assert event.payload["sponsor_kvk_number"] == university.kvk_number


def test_an_employer_applies_for_a_highly_skilled_migrant(employer):
    application = sponsored_application(
        employer, product="highly-skilled-migrant", facts=WORK_FACTS, nationality="IND"
    )

    facts = facts_of(application)
    assert facts["gross_monthly_salary"] == ("6100.00", "sponsor")
    assert facts["employer_is_recognised_sponsor"] == (True, "sponsor")


def test_a_withdrawn_recognition_is_refused_and_nothing_is_written(catalog):
    sponsor = make_sponsor(withdrawn_on=date(2026, 6, 1))
    user = make_sponsor_user(sponsor)

    with pytest.raises(NotAllowed) as refused:
        sponsored_application(sponsor, actor=user)

    assert "withdrawn on 1 June 2026" in refused.value.message
    assert not Application.objects.exists()
    assert not Applicant.objects.exists()


def test_the_withdrawn_recognition_is_explained_in_dutch(catalog):
    sponsor = make_sponsor(withdrawn_on=date(2026, 6, 1))
    user = make_sponsor_user(sponsor)

    with translation.override("nl"), pytest.raises(NotAllowed) as refused:
        sponsored_application(sponsor, actor=user)

    assert "ingetrokken op 1 juni 2026" in refused.value.message


def test_a_product_outside_the_recognised_category_is_refused_at_the_product(university, officer):
    with pytest.raises(ApplicationInputInvalid) as refused:
        sponsored_application(
            university, actor=officer, product="highly-skilled-migrant", facts=WORK_FACTS
        )

    assert [e.field for e in refused.value.errors] == ["product"]
    assert "not recognised for the category “Work”" in refused.value.message
    assert not Application.objects.exists()


def test_someone_who_does_not_work_for_the_sponsor_cannot_apply_for_it(university, catalog):
    other = make_sponsor_user(make_sponsor("Hogeschool Noord"))

    with pytest.raises(NotAllowed):
        sponsored_application(university, actor=other)


def test_without_an_authorisation_the_application_is_refused(university, officer):
    with pytest.raises(ApplicationInputInvalid) as refused:
        sponsor_apply(
            actor=officer,
            sponsor=university,
            product_code="study",
            applicant_data=applicant(),
            facts=STUDY_FACTS,
            vouch=True,
        )

    assert refused.value.errors[0].field == "authorisation_given_on"
    assert not Application.objects.exists()


def test_an_authorisation_on_record_for_the_v_number_is_used_again(university, officer):
    first = sponsored_application(university, actor=officer, v_number="1234567890")
    first.status = "withdrawn"  # the first application ended; the migrant applies again
    first.save(update_fields=["status"])

    # A day later: one filing per person, product and day (the database's constraint).
    with time_machine.travel(datetime(2026, 9, 2, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))):
        again = sponsor_apply(
            actor=officer,
            sponsor=university,
            product_code="study",
            applicant_data=applicant(v_number="1234567890"),
            facts=STUDY_FACTS,
            vouch=False,
        )

    assert again.applicant == first.applicant
    assert again.sponsorship.authorisation == first.sponsorship.authorisation
    assert Authorisation.objects.count() == 1


def test_every_problem_is_reported_at_its_field_at_once(university, officer):
    with pytest.raises(ApplicationInputInvalid) as refused:
        sponsor_apply(
            actor=officer,
            sponsor=university,
            product_code="study",
            applicant_data=applicant(nationality="Colombia", given_names=" "),
            facts={"programme_end_date": date(2026, 6, 30), "gross_monthly_salary": "5000"},
            vouch=True,
            authorisation=SIGNED_FORM,
        )

    fields = {e.field for e in refused.value.errors}
    assert {"given_names", "nationality", "programme_name"} <= fields
    assert {"programme_end_date", "gross_monthly_salary"} <= fields


def test_a_second_application_for_the_same_person_and_product_is_refused(university, officer):
    first = sponsored_application(university, actor=officer)

    with pytest.raises(ApplicationInputInvalid) as refused:
        sponsored_application(university, actor=officer)

    assert refused.value.errors[0].code == "already-applied"
    assert first.reference in refused.value.message
    assert Application.objects.count() == 1


def test_a_missing_authorisation_is_reported_together_with_other_problems(university, officer):
    with pytest.raises(ApplicationInputInvalid) as refused:
        sponsor_apply(
            actor=officer,
            sponsor=university,
            product_code="study",
            applicant_data=applicant(nationality="XX"),
            facts=STUDY_FACTS,
            vouch=False,
        )

    assert {e.field for e in refused.value.errors} == {"nationality", "authorisation_given_on"}


@pytest.mark.parametrize(
    ("contract", "message"),
    [
        ({"contract_open_ended": None}, "Give the end date of the contract"),
        (
            {"contract_end_date": date(2027, 9, 30)},
            "An open-ended contract has no end date",
        ),
        (
            {"contract_open_ended": False, "contract_end_date": date(2026, 9, 30)},
            "The contract must end after it starts",
        ),
    ],
)
def test_the_contract_needs_one_clear_end(employer, contract, message):
    facts = {**WORK_FACTS, "contract_start_date": date(2026, 10, 1), **contract}

    with pytest.raises(ApplicationInputInvalid) as refused:
        sponsored_application(employer, product="highly-skilled-migrant", facts=facts)

    assert [e.field for e in refused.value.errors] == ["contract_end_date"]
    assert message in refused.value.message
