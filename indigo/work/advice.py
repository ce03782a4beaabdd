"""Advice on request: the owner of a case asks a specialism, or a named colleague, a
question with a due date (R6). It becomes a task — in the specialism's queue, or given
to the colleague — whose result (`task_complete`) returns to the case as advice.

A minimal service for the API (issue 12); the screens' own advice request (issue 11)
is meant to replace it, keeping this signature or the API's view adapting to its own.
"""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from indigo import clock
from indigo.accounts.roles import CASEWORKER_ROLES, has_role
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import event_record
from indigo.cases.lifecycle import ACTIVE
from indigo.cases.models import Application, Status
from indigo.errors import Conflict, InvalidInput, NotAllowed, day
from indigo.organisation.models import Unit
from indigo.work.models import Task
from indigo.work.services import owner_of, task_assign

ADVICE = "advice"
QUESTION_MAX = 4000


def specialisms() -> set[str]:
    """The specialisms some unit performs (their queues exist)."""
    return set().union(*(set(u.specialisms) for u in Unit.objects.only("specialisms")))


def advice_request(
    *,
    actor,
    application: Application,
    question: str,
    due_on: date,
    specialism: str = "",
    colleague=None,
) -> Task:
    """Ask for advice on `application`: to a specialism's queue, or to a colleague."""
    question = (question or "").strip()
    if not question:
        raise InvalidInput(_("Write the question you want advice on."), field="question")
    if len(question) > QUESTION_MAX:
        raise InvalidInput(
            _("Keep the question to %(max)d characters.") % {"max": QUESTION_MAX},
            field="question",
        )
    today = clock.today()
    if due_on <= today:
        raise InvalidInput(
            _("The advice must be due after today (%(today)s).") % {"today": day(today)},
            field="due_on",
        )
    if bool(specialism) == (colleague is not None):
        raise InvalidInput(
            _("Ask either a specialism or a colleague, not both and not neither."),
            field="specialism",
        )
    if specialism and specialism not in specialisms():
        raise InvalidInput(
            _("No unit performs the specialism “%(code)s”. Choose one of: %(codes)s.")
            % {"code": specialism, "codes": ", ".join(sorted(specialisms()))},
            field="specialism",
        )
    if colleague is not None and colleague.pk == actor.pk:
        raise InvalidInput(_("Ask a colleague, not yourself."), field="colleague")
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status not in ACTIVE or application.status == Status.SUSPENDED:
            raise Conflict(
                _(
                    "Advice can be asked while the application is being handled, not in the "
                    "status “%(status)s”."
                )
                % {"status": Status(application.status).label},
                code="not-running",
            )
        owner = owner_of(application)
        if not has_role(actor, *CASEWORKER_ROLES) or owner is None or owner.pk != actor.pk:
            raise NotAllowed(
                _("Only the owner of the application can ask for advice on it."),
                code="not-owner",
            )
        task = Task.objects.create(
            application=application,
            code=ADVICE,
            queue=f"specialism:{specialism}"
            if specialism
            else f"advice:{colleague.get_username()}",
            question=question,
            blocking=False,
            due_on=min(due_on, application.decision_due),
            start_by=min(due_on, application.decision_due),
        )
        event_record(
            application=application,
            actor=actor,
            action=EventKind.ADVICE_REQUESTED,
            reason=question,
            payload={
                "task": task.pk,
                "queue": task.queue,
                "to": colleague.get_username() if colleague else None,
                "due_on": task.due_on.isoformat(),
            },
        )
        if colleague is not None:
            task_assign(task, colleague, by=actor, reason=question)
    return task
