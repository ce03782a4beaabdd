"""What the application page shows of deciding: findings, proposal, decision, letter.

Built here so the staff page (`indigo.staff.views`) needs one call, and the decision
views can show the page again with a form's errors.
"""

from django.urls import reverse
from django.utils.translation import get_language

from indigo import clock
from indigo.cases.lifecycle import ACTIVE
from indigo.cases.models import Application, Status
from indigo.decisions.display import finding_lines, proposal_label
from indigo.decisions.forms import DecisionForm, FactForm, IntentionForm, ViewForm
from indigo.decisions.intentions import intention_latest, intention_required
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


def decision_actions(*, user, application: Application, assessment=None, decision=None) -> list:
    """What `user` can do about the decision now: record, approve, fast-track.

    One answer for the staff page's buttons and for the API's 409s.
    """
    assessment = assessment or assessment_of(application=application)
    decision = decision if decision is not None else decision_shown(application=application)

    def allowed(action: Action) -> bool:
        return may(user, action, application=application)

    actions = []
    if application.status == Status.DECISION and allowed(Action.DECISION_RECORD):
        actions.append("record")
    if (
        decision
        and allowed(Action.DECISION_APPROVE)
        and decision.awaits_approval
        and decision.notified_on is None
        and decision.set_aside_at is None
        and decision.decided_by_id != user.pk
    ):
        actions.append("approve")
    sponsored = (
        application.customer_group is not None
        and application.customer_group.code == RECOGNISED_SPONSOR
        and application.status in FAST_TRACK_STATUSES
    )
    if (
        sponsored
        and allowed(Action.DECISION_FAST_TRACK)
        and fast_track_obstacle(application=application, assessment=assessment) is None
    ):
        actions.append("fast-track")
    return actions


def decision_panel(
    *,
    user,
    application: Application,
    decision_form=None,
    fact_form=None,
    intention_form=None,
    view_form=None,
    fact: str = "",
) -> dict:
    """Template context for `decisions/_panel.html` and `decisions/_service_norm.html`."""
    language = get_language() or "en"
    assessment = assessment_of(application=application)
    decision = decision_shown(application=application)
    sponsored = (
        application.customer_group is not None
        and application.customer_group.code == RECOGNISED_SPONSOR
        and application.status in FAST_TRACK_STATUSES
    )
    obstacle = (
        fast_track_obstacle(application=application, assessment=assessment) if sponsored else None
    )
    actions = decision_actions(
        user=user, application=application, assessment=assessment, decision=decision
    )
    reference = application.reference
    caseworker = may(user, Action.DECISION_RECORD, application=application)
    in_decision = application.status == Status.DECISION
    intention = intention_latest(application=application)
    findings = [finding_snapshot(f) for f in assessment.findings]
    required = (
        intention_required(application=application, findings=findings, on=clock.today())
        if in_decision
        else None
    )
    return {
        "intention": intention,
        "intention_required": required,
        "intention_form": intention_form or IntentionForm(),
        "view_form": view_form or ViewForm(),
        "may_send_intention": caseworker and in_decision and intention is None,
        "may_record_view": caseworker
        and in_decision
        and intention is not None
        and intention.view_received_on is None,
        "intention_letter_url": reverse("staff:intention-letter", args=[reference])
        if intention
        else None,
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
        "may_decide": "record" in actions,
        "decision_form": decision_form or DecisionForm(),
        "may_approve": "approve" in actions,
        "fast_track": "fast-track" in actions,
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
