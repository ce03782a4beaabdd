"""Applications ready for a decision, made through the services as in real use."""

from datetime import UTC, date, datetime, time

import time_machine
from django.db import transaction

from indigo import clock
from indigo.accounts.tests.factories import user_with_role
from indigo.cases.services import application_act, application_create
from indigo.cases.tests.factories import ApplicantDataFactory
from indigo.decisions.models import Decision
from indigo.rules.services import fact_record
from indigo.rules.vocabulary import FACT_NAMES
from indigo.work.models import HANDLE

# The seed's Colombian student: her university, a recognised sponsor, vouches for her.
SEED_STUDENT = {
    "admitted_to_programme": True,
    "programme_name": "MSc Water Management",
    "programme_end_date": "2028-08-31",
    "institution_is_recognised": True,
    "sponsor_vouched": True,
    "criminal_record": False,
}


def record_facts(application, actor, **facts) -> None:
    for name, value in facts.items():
        fact_record(
            actor=actor,
            application=application,
            name=name,
            value=value,
            source=FACT_NAMES[name].asked_of,
        )


def finish_assessment_tasks(application) -> None:
    """The work app's own tests cover tasks; here they are simply done."""
    application.tasks.exclude(code=HANDLE).update(state="done")


def make_application_for(
    *,
    actor,
    product: str = "study",
    customer_group: str | None = None,
    received_on: date | None = None,
    language: str = "en",
    **applicant,
):
    channel = "post"
    if customer_group == "recognised-sponsor":
        # A recognised sponsor's migrants arrive through its own portal, filed by one of
        # its employees (the filing rules: one door per kind of user).
        from indigo.sponsors.tests.factories import make_sponsor, make_sponsor_user

        actor = make_sponsor_user(make_sponsor(categories=["study", "work"]))
        channel = "sponsor-portal"
        if received_on is not None:
            # A sponsor files on the day itself: stand on that day to file it.
            with time_machine.travel(
                datetime.combine(received_on, time(12), tzinfo=UTC), tick=False
            ):
                return application_create(
                    actor=actor,
                    product_code=product,
                    applicant=ApplicantDataFactory(language=language, **applicant),
                    customer_group_code=customer_group,
                    channel=channel,
                )
    return application_create(
        actor=actor,
        product_code=product,
        applicant=ApplicantDataFactory(language=language, **applicant),
        received_on=received_on,
        customer_group_code=customer_group,
        channel=channel,
    )


def to_assessment(application, actor):
    for action in ("start-intake", "start-assessment"):
        application = application_act(actor=actor, application=application, action=action)
    return application


def to_decision(application, actor):
    application = to_assessment(application, actor)
    finish_assessment_tasks(application)
    return application_act(actor=actor, application=application, action="propose-decision")


def final_decision(application, actor=None, *, outcome: str = Decision.Outcome.GRANT) -> Decision:
    """A decision that may be notified, written directly (for tests of other apps that
    only need to get past the decision)."""
    actor = actor or user_with_role("caseworker")
    with transaction.atomic():
        return Decision.objects.create(
            application=application,
            proposal="grant",
            outcome=outcome,
            motivation="" if outcome == Decision.Outcome.GRANT else "Recorded in a test.",
            decided_by=actor,
            decided_at=clock.now(),
            needs_approval=outcome == Decision.Outcome.REFUSE,
            approved_by=user_with_role("caseworker") if outcome == "refuse" else None,
            approved_at=clock.now() if outcome == "refuse" else None,
        )
