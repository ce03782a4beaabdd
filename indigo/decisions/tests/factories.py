"""Applications ready for a decision, made through the services as in real use."""

from datetime import date

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
    return application_create(
        actor=actor,
        product_code=product,
        applicant=ApplicantDataFactory(language=language, **applicant),
        received_on=received_on,
        customer_group_code=customer_group,
        # A recognised sponsor's application came in through the sponsor portal; the
        # test records it after the fact, as the demo does.
        channel="sponsor-portal" if customer_group == "recognised-sponsor" else "post",
        replayed=customer_group == "recognised-sponsor",
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
