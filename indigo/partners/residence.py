"""What a partner agency may know of someone's residence, asked by V-number.

A partner (the public prosecutor, the police) asks with a V-number and a purpose and
learns three things, nothing more: whether the person is lawfully resident, on which
permit until when, and whether an application is pending. Lawful residence here is
the two grounds Indigo itself knows (Vw 2000 art. 8): a residence permit in force
(art. 8(a) to (e)), or a pending application the person may await in the Netherlands
(art. 8(f) and (g); whether awaiting is allowed is not weighed here: the answer says the
application is pending and the partner weighs that). Every question is recorded with
who asked and why; an unknown V-number is recorded too and answered with no more than
"not found".
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import F

from indigo import clock
from indigo.accounts.roles import Role, has_role
from indigo.cases.models import Applicant, Application, Status
from indigo.decisions.models import Decision
from indigo.errors import InvalidInput, NotAllowed
from indigo.partners.models import ResidenceQuestion

PENDING = frozenset(
    {
        Status.RECEIVED,
        Status.INTAKE,
        Status.ASSESSMENT,
        Status.DECISION,
        Status.SUSPENDED,
        Status.OBJECTION,
    }
)
GRANTED = (Decision.Outcome.GRANT, Decision.Outcome.GRANT_DIFFERENTLY)


@dataclass(frozen=True)
class Permit:
    product: str
    valid_until: date | None


@dataclass(frozen=True)
class ResidenceStatus:
    lawfully_resident: bool
    permit: Permit | None
    application_pending: bool


class PersonNotFound(LookupError):
    pass


def residence_status_ask(*, actor, v_number: str, purpose: str) -> ResidenceStatus:
    """Answer a partner's question (recording it); PersonNotFound for an unknown
    V-number (recorded as well)."""
    if not has_role(actor, Role.PARTNER):
        raise NotAllowed("Only a partner agency may ask about someone's residence.")
    v_number = (v_number or "").strip()
    purpose = " ".join((purpose or "").split())
    if not v_number or len(v_number) > 10 or not v_number.isdigit():
        raise InvalidInput("A V-number is up to 10 digits.", field="v_number")
    if len(purpose) < 5 or len(purpose) > 300:
        raise InvalidInput(
            "Say why you ask (5 to 300 characters), e.g. the case or the legal task.",
            field="purpose",
        )
    today = clock.today()
    people = list(Applicant.objects.filter(v_number=v_number).values_list("pk", flat=True))
    with transaction.atomic():
        ResidenceQuestion.objects.create(
            asked_by=actor,
            asked_at=clock.now(),
            v_number=v_number,
            purpose=purpose,
            found=bool(people),
        )
    if not people:
        raise PersonNotFound(v_number)
    return residence_status_of(applicant_ids=people, on=today)


def residence_status_of(*, applicant_ids: list[int], on: date) -> ResidenceStatus:
    applications = Application.objects.filter(applicant_id__in=applicant_ids)
    pending = applications.filter(status__in=PENDING).exists()
    decision = (
        Decision.objects.filter(
            application__in=applications,
            outcome__in=GRANTED,
            notified_on__isnull=False,
            set_aside_at__isnull=True,
        )
        .exclude(valid_from__gt=on)
        .exclude(valid_until__lt=on)
        .select_related("application__product")
        .order_by(F("valid_until").desc(nulls_first=True), "-decided_at")
        .first()
    )
    permit = (
        Permit(product=decision.application.product.code, valid_until=decision.valid_until)
        if decision is not None
        else None
    )
    return ResidenceStatus(
        lawfully_resident=permit is not None or pending,
        permit=permit,
        application_pending=pending,
    )
