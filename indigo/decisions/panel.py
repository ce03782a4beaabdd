"""What the application page shows of deciding: findings, proposal, decision, letter.

Built here so the staff page (`indigo.staff.views`) needs one call, and the decision
views can show the page again with a form's errors.
"""

from django.urls import reverse
from django.utils.translation import get_language

from indigo.cases.lifecycle import ACTIVE
from indigo.cases.models import Application, Status
from indigo.decisions.display import finding_lines, proposal_label
from indigo.decisions.forms import DecisionForm, FactForm
from indigo.decisions.letters import letter_language
from indigo.decisions.selectors import (
    RECOGNISED_SPONSOR,
    assessment_of,
    decision_shown,
    finding_snapshot,
    service_norm_of,
)
from indigo.decisions.services import FAST_TRACK_STATUSES, fast_track_obstacle
from indigo.organisation.permissions import Action, may
from indigo.rules.facts_used import facts_of_version


def decision_panel(
    *, user, application: Application, decision_form=None, fact_form=None, fact: str = ""
) -> dict:
    """Template context for `decisions/_panel.html` and `decisions/_service_norm.html`."""
    language = get_language() or "en"
    assessment = assessment_of(application=application)
    decision = decision_shown(application=application)
    caseworker = may(user, Action.DECISION_RECORD, application=application)
    in_decision = application.status == Status.DECISION
    sponsored = (
        application.customer_group is not None
        and application.customer_group.code == RECOGNISED_SPONSOR
        and application.status in FAST_TRACK_STATUSES
    )
    obstacle = (
        fast_track_obstacle(application=application, assessment=assessment) if sponsored else None
    )
    reference = application.reference
    return {
        "assessment": assessment,
        "findings": finding_lines(
            [finding_snapshot(f) for f in assessment.findings], language=language
        ),
        "proposal": proposal_label(assessment.proposal),
        "decision": decision,
        "decision_proposal": proposal_label(decision.proposal) if decision else "",
        "decision_findings": finding_lines(decision.findings, language=language)
        if decision
        else [],
        "may_decide": caseworker and in_decision,
        "decision_form": decision_form or DecisionForm(),
        "may_approve": bool(
            caseworker
            and decision
            and decision.awaits_approval
            and decision.notified_on is None
            and decision.decided_by_id != user.pk
        ),
        "fast_track": caseworker and sponsored and obstacle is None,
        "fast_track_obstacle": obstacle,
        "fact_form": (fact_form or FactForm(names=fact_names(application), fact=fact))
        if FactForm.available()
        and application.status in ACTIVE
        and may(user, Action.FACT_RECORD, application=application)
        else None,
        "service_norm": service_norm_of(application),
        "letter_language": letter_language(application),
        "letter_url": reverse("staff:decision-letter", args=[reference]) if decision else None,
        "letter_pdf_url": reverse("staff:decision-letter-pdf", args=[reference])
        if decision and decision.letter_id
        else None,
    }


def fact_names(application: Application) -> list[str]:
    """The facts the picker offers: those of the application's product version."""
    return facts_of_version(
        product=application.product.code,
        version_valid_from=application.product_version.valid_from,
    )
