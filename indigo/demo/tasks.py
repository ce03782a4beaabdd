"""Assessment tasks in the demo: handed out, worked on and completed through the work services.

When an application enters assessment, the work app opens its tasks (BRP check,
document examination, …) in queues: the integral unit's (`process:…`) or a specialist
unit's (`specialism:…`). The demo's owner takes the register checks (or hands one to a
colleague of the unit) and hands each specialist task to a specialist of the unit
that does it, who records the result in plain words some days later
(`task_reassign`, `task_complete`). A decision can only be proposed once the blocking
tasks are done; the demo completes every task before the proposal, so each completed
task says what was found.

Every task step is back-dated (`on=`, on the replayed day: `indigo.demo.replay`) in
order with the application's lifecycle steps, never after today and never before the
application's previous step. What is not done by today stays open: a register check
with whoever took it, while open specialist tasks wait in their unit's queue until
the specialists take the most urgent ones with "get next" (`hand_out_queues`); the
least urgent stay in the queue for the next "get next".
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Max

from indigo.cases.models import ApplicationEvent
from indigo.demo.organisation import Organisation
from indigo.demo.replay import Replay
from indigo.work import services
from indigo.work.models import HANDLE, Task

SPECIALISM = "specialism:"
# Days an opened task waits before someone takes it. The specialist units have a
# backlog: some of their tasks wait for months.
WAIT_DAYS = {"process": (0, 3), "specialism": (2, 30)}
BACKLOG_SHARE = 0.5
BACKLOG_DAYS = (30, 150)
STUCK_SHARE = 0.7  # of the specialist tasks of an application that is behind
# The printed specialist login gets a fair share of the work: this much against 1 for
# each colleague, and this share of the open tasks taken from the queue.
LOGIN_WEIGHT = 2.0
LOGIN_SHARE = 0.6
# Days of work, as a share of the task's expected days.
WORK_SHARE = (0.4, 1.5)
COLLEAGUE_SHARE = 0.2  # register checks the owner hands to a colleague of the unit
WAITING_SHARE = 0.3  # open specialist tasks still in the queue at the end

RESULTS: dict[str, tuple[str, ...]] = {
    "brp-check": ("Address and household confirmed in the municipal register (BRP).",),
    "sponsor-check": ("The sponsor is recognised and has no open enforcement measures.",),
    "income-check": ("Income over the last year meets the requirement (UWV data).",),
    "diploma-check": ("The diploma is confirmed by the issuing institution.",),
    "labour-market-check": ("UWV advises positively: no suitable candidate was available.",),
    "civic-integration-check": ("Civic integration diploma confirmed by DUO.",),
    "residence-history-check": ("Five years of uninterrupted lawful residence confirmed.",),
    "criminal-record-check": ("No criminal record in the Judicial Documentation System.",),
    "relationship-interview": ("Interview held; the relationship is durable and exclusive.",),
    "document-examination": (
        "Passport examined: genuine, no signs of tampering.",
        "Passport and birth certificate examined: both genuine and issued by the "
        "competent authority.",
        "Identity document examined: genuine; the photo matches the applicant.",
    ),
    "language-analysis": ("The language analysis supports the stated region of origin.",),
    "interview": ("Detailed interview held; the report was sent to the lawyer for comments.",),
    "security-screening": ("No indications of a threat to public order or national security.",),
    "medical-advice": ("Medical advice received: the applicant can be heard and travel.",),
}
CONCERNS: dict[str, str] = {
    "income-check": "The income is below the requirement in 7 of the last 12 months.",
    "document-examination": "The passport shows signs of a replaced photo page.",
    "language-analysis": "The language analysis does not support the stated region.",
    "interview": "The account contains contradictions on essential points.",
    "civic-integration-check": "No civic integration diploma or exemption is registered.",
}
DEFAULT_RESULT = "Done; no concerns."


@dataclass
class _Planned:
    task: Task
    owner: object
    worker: object
    take_on: date
    complete_on: date
    concerns: bool
    taken: bool = False
    done: bool = False

    @property
    def specialist(self) -> bool:
        return self.task.queue.startswith(SPECIALISM)


class TaskWork:
    """Plans and performs the tasks of each application, back-dated like its lifecycle."""

    def __init__(
        self,
        rng: random.Random,
        *,
        organisation: Organisation,
        replay: Replay,
        login=None,
    ):
        self.rng = rng
        self.organisation = organisation
        self.replay = replay
        self.today = replay.today
        self.login = login  # the printed specialist login: a fair share of the work
        self._planned: dict[int, list[_Planned]] = {}

    def plan(self, application, *, owner, on: date, refused: bool, behind: bool) -> None:
        """Plan the tasks opened when the application entered assessment on `on`;
        `behind`: its specialist tasks are mostly stuck in the specialists' backlog."""
        tasks = list(
            Task.objects.filter(application=application, state=Task.State.OPEN)
            .exclude(code=HANDLE)
            .order_by("id")
        )
        flagged = next((t for t in tasks if t.code in CONCERNS), None) if refused else None
        colleagues = [
            u
            for u in self.organisation.caseworkers(application.product.process)
            if u.pk != owner.pk
        ]
        planned = []
        for task in tasks:
            specialist = task.queue.startswith(SPECIALISM)
            if specialist:
                worker = self._choose(self.organisation.specialists(task.code))
            elif colleagues and self.rng.random() < COLLEAGUE_SHARE:
                worker = self.rng.choice(colleagues)
            else:
                worker = owner
            low, high = WAIT_DAYS["specialism" if specialist else "process"]
            if specialist and self.rng.random() < BACKLOG_SHARE:
                low, high = BACKLOG_DAYS
            take_on = on + timedelta(days=self.rng.randint(low, high))
            if specialist and behind and self.rng.random() < STUCK_SHARE:
                take_on = max(take_on, self.today + timedelta(days=1))  # not taken yet
            work_days = round(task.expected_days * self.rng.uniform(*WORK_SHARE))
            planned.append(
                _Planned(
                    task=task,
                    owner=owner,
                    worker=worker,
                    take_on=take_on,
                    complete_on=take_on + timedelta(days=work_days),
                    concerns=task is flagged,
                )
            )
        self._planned[application.pk] = planned

    def _choose(self, people: list):
        if not people:
            raise AssertionError("No demo unit does this specialist task.")
        weights = [LOGIN_WEIGHT if person == self.login else 1.0 for person in people]
        return self.rng.choices(people, weights)[0]

    def work(
        self, application, *, after: date, until: date, finish: bool = False, last: bool = False
    ) -> None:
        """Perform the task steps planned from `after` up to and including `until`.

        `finish`: every task must be done by `until` (a decision is proposed then);
        what was planned later is done sooner. `last`: the stretch up to today, after
        the application's last step; a specialist task that is not done by then is
        left in its queue for `hand_out_queues`.
        """
        planned = [p for p in self._planned.get(application.pk, []) if not p.done]
        if finish:
            span = (until - after).days
            for p in planned:
                if not p.taken and p.take_on > until:
                    p.take_on = after + timedelta(days=self.rng.randint(0, span))
                if p.complete_on > until:
                    start = max(after, p.take_on)
                    p.complete_on = start + timedelta(
                        days=self.rng.randint(0, (until - start).days)
                    )
        steps = []
        for index, p in enumerate(planned):
            if p.complete_on <= until:
                if not p.taken:
                    steps.append((p.take_on, 0, index, p))
                steps.append((p.complete_on, 1, index, p))
            elif not p.taken and p.take_on <= until and not (last and p.specialist):
                steps.append((p.take_on, 0, index, p))
        for day, kind, _index, p in sorted(steps, key=lambda s: s[:3]):
            day = max(day, after)  # never before the application's previous step
            if kind == 0:
                self._take(p, on=day)
            else:
                self._complete(p, on=day)

    def forget(self, application) -> None:
        """Done with the application: what is still open is for `hand_out_queues`."""
        self._planned.pop(application.pk, None)

    def _take(self, p: _Planned, *, on: date) -> None:
        if p.worker.pk == p.owner.pk:
            reason = "Taken on by the owner."
        elif p.specialist:
            reason = "Handed out by the owner to the specialist unit."
        else:
            reason = "Handed out by the owner to a colleague of the unit."
        with self.replay.on(on):
            services.task_reassign(
                actor=p.owner, task=p.task, assignee=p.worker, reason=reason, on=on
            )
        p.taken = True

    def _complete(self, p: _Planned, *, on: date) -> None:
        Outcome = Task.Outcome
        if p.concerns:
            outcome, result = Outcome.CONCERNS, CONCERNS[p.task.code]
        else:
            outcome = Outcome.NO_CONCERNS
            result = self.rng.choice(RESULTS.get(p.task.code, (DEFAULT_RESULT,)))
        with self.replay.on(on):
            services.task_complete(
                actor=p.worker, task=p.task, outcome=outcome, result=result, on=on
            )
        p.done = True

    def hand_out_queues(self) -> None:
        """The specialists take the most urgent open tasks of their queues with
        "get next", each on a day since the application's last step; the least urgent
        stay in the queue."""
        open_tasks = Task.objects.filter(
            state=Task.State.OPEN, assignee__isnull=True, queue__startswith=SPECIALISM
        )
        last_steps = dict(
            ApplicationEvent.objects.filter(application__in=open_tasks.values("application"))
            .values("application")
            .annotate(last=Max("effective_on"))
            .values_list("application", "last")
        )
        for queue in sorted(set(open_tasks.values_list("queue", flat=True))):
            waiting = list(open_tasks.filter(queue=queue).order_by("start_by", "id"))
            keep = max(1, round(len(waiting) * WAITING_SHARE)) if len(waiting) > 1 else 0
            people = self.organisation.specialists(queue.removeprefix(SPECIALISM))
            colleagues = [person for person in people if person != self.login] or people
            by_login = 0
            for number, task in enumerate(waiting[: len(waiting) - keep], start=1):
                # The login takes its share, spread evenly over the urgencies.
                if self.login in people and by_login < LOGIN_SHARE * number:
                    worker = self.login
                    by_login += 1
                else:
                    worker = self.rng.choice(colleagues)
                last = last_steps[task.application_id]
                day = last + timedelta(days=self.rng.randint(0, (self.today - last).days))
                with self.replay.on(day):
                    taken = services.work_get_next(actor=worker)
                if taken is None or taken.pk != task.pk:
                    raise AssertionError(f"Get next did not hand out {task} to {worker}.")
