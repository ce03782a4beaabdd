"""Assessment tasks in the demo: handed out and finished through the work services.

When an application enters assessment, the work app opens its tasks (BRP check,
document examination, …); a decision can only be proposed once the blocking ones are
done. The demo's owner hands each task to a caseworker or a specialist, who records a
result in plain words, on a date between the start of the assessment and the proposal.
"""

import inspect
import logging
import random
from datetime import date, timedelta

from indigo import clock
from indigo.accounts.roles import Role
from indigo.errors import DomainError

logger = logging.getLogger(__name__)

RESULTS: dict[str, str] = {
    "brp-check": "Address and household confirmed in the municipal register (BRP).",
    "sponsor-check": "The sponsor is recognised and has no open enforcement measures.",
    "income-check": "Income over the last year meets the requirement (UWV data).",
    "diploma-check": "The diploma is confirmed by the issuing institution.",
    "labour-market-check": "The salary meets the threshold for this age group.",
    "civic-integration-check": "Civic integration diploma confirmed by DUO.",
    "residence-history-check": "Five years of uninterrupted lawful residence confirmed.",
    "criminal-record-check": "No criminal record in the Judicial Documentation System.",
    "relationship-interview": "Interview held; the relationship is durable and exclusive.",
    "document-examination": "Passport examined: genuine, no signs of tampering.",
    "language-analysis": "The language analysis supports the stated region of origin.",
    "interview": "Detailed interview held; the report was sent to the lawyer for comments.",
    "security-screening": "No indications of a threat to public order or national security.",
    "medical-advice": "Medical advice received: the applicant can be heard and travel.",
}
CONCERNS: dict[str, str] = {
    "income-check": "The income is below the requirement in 7 of the last 12 months.",
    "document-examination": "The passport shows signs of a replaced photo page.",
    "language-analysis": "The language analysis does not support the stated region.",
    "interview": "The account contains contradictions on essential points.",
    "civic-integration-check": "No civic integration diploma or exemption is registered.",
}


class TaskWorker:
    """Finishes an application's open assessment tasks, back-dated like the lifecycle."""

    def __init__(self, rng: random.Random, *, users: dict):
        self.rng = rng
        self.users = users
        self.notes: list[str] = []
        try:
            from indigo.work import models, services
        except Exception as exc:  # no work app in this build: no tasks to finish
            logger.warning("Demo: the work services are not available: %s", exc)
            self.services = None
            return
        self.services = services
        self.Task = models.Task
        self.handle = models.HANDLE
        self.backdated = all(
            "on" in inspect.signature(fn).parameters
            for fn in (services.task_reassign, services.task_complete)
        )
        if not self.backdated:
            self.notes.append(
                "The work services cannot back-date a task yet (no `on=`): demo tasks were "
                "closed directly, without a task event."
            )

    def open_tasks(self, application) -> list:
        if self.services is None:
            return []
        tasks = self.Task.objects.filter(application=application, state=self.Task.State.OPEN)
        return list(tasks.exclude(code=self.handle).order_by("id"))

    def finish(
        self,
        application,
        *,
        after: date,
        until: date,
        concerns: bool = False,
        blocking_share: float = 1.0,
        other_share: float = 0.7,
    ) -> None:
        """Finish open tasks, each with the given chance, on dates from `after` to
        `until` in order; with `concerns`, one task reports what the refusal rests on."""
        tasks = [
            task
            for task in self.open_tasks(application)
            if self.rng.random() < (blocking_share if task.blocking else other_share)
        ]
        span = max(0, (until - after).days)
        days = sorted(self.rng.randint(0, span) for _ in tasks)
        flagged = self._flagged(tasks) if concerns else None
        for task, offset in zip(tasks, days, strict=True):
            self._finish_one(task, on=after + timedelta(days=offset), concerns=task is flagged)

    def _flagged(self, tasks: list):
        with_concerns = [t for t in tasks if t.code in CONCERNS]
        return with_concerns[0] if with_concerns else None

    def _finish_one(self, task, *, on: date, concerns: bool) -> None:
        worker = self.users[
            Role.SPECIALIST if task.queue.startswith("specialism:") else Role.CASEWORKER
        ]
        owner = self.users[Role.CASEWORKER]
        Outcome = self.Task.Outcome
        outcome = Outcome.CONCERNS if concerns else Outcome.NO_CONCERNS
        result = (CONCERNS if concerns else RESULTS).get(task.code) or "Done; no concerns."
        if not self.backdated:
            self._close_directly(task, worker=worker, outcome=outcome, result=result)
            return
        try:
            self.services.task_reassign(
                actor=owner, task=task, assignee=worker, reason="Handed out by the owner.", on=on
            )
        except DomainError:  # the worker's unit cannot take it: the owner does it
            worker = owner
            self.services.task_reassign(
                actor=owner, task=task, assignee=owner, reason="Done by the owner.", on=on
            )
        self.services.task_complete(actor=worker, task=task, outcome=outcome, result=result, on=on)

    def _close_directly(self, task, *, worker, outcome: str, result: str) -> None:
        # Only while the work services cannot back-date: an event dated today would
        # sit before the rest of the back-dated history.
        self.Task.objects.filter(pk=task.pk).update(
            state=self.Task.State.DONE,
            assignee=worker,
            outcome=outcome,
            result=result,
            completed_at=clock.now(),
            completed_by=worker,
        )
