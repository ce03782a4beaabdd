"""One application's life, simulated: its rows in every table, from receipt to today.

Each application `i` of a workload is drawn from its own random generator seeded by
(seed, i), so the same seed, catalog and end date give the same data whatever the chunk
size, and a rerun can resume anywhere. The simulation walks the one lifecycle
(`indigo.cases.lifecycle`) step by step with plausible durations and stops at the first
step that would happen after `until`: what is left is the application's status today.

Rows are plain tuples in the column order of `COLUMNS`, to keep a million applications
cheap; `indigo.demo.national.writer` writes them.
"""

import functools
import hashlib
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from indigo.audit.chain import GENESIS, content_hash, link
from indigo.cases.event_kinds import EventKind as K
from indigo.cases.models import ApplicationEvent
from indigo.deadlines.calculator import Suspension as Suspended
from indigo.deadlines.calculator import decision_due
from indigo.deadlines.periods import Period, add_period
from indigo.deadlines.termijnenwet import apply_atw
from indigo.demo.people import PersonGenerator

# Column order of the rows each table receives (attnames of the models' fields).
COLUMNS = {
    "applicant": (
        "id", "given_names", "surname", "date_of_birth", "nationality", "v_number",
        "language", "created_at",
    ),
    "application": (
        "id", "reference", "product_id", "product_version_id", "customer_group_id",
        "applicant_id", "received_on", "channel", "status", "resume_status", "decision_due",
        "extended_on", "extension_reason", "notified_on", "objection_period_ends",
        "created_by_id", "created_at", "updated_at",
    ),
    "event": (
        "id", "application_id", "occurred_at", "effective_on", "actor_id", "action",
        "from_status", "to_status", "reason", "payload", "content_hash", "chain_hash",
    ),
    # The head of each application's chain of events (indigo.audit.chain).
    "chainhead": ("chain", "last_hash", "length"),
    "task": (
        "id", "application_id", "definition_id", "code", "queue", "blocking", "expected_days",
        "state", "assignee_id", "assigned_at", "due_on", "start_by", "outcome", "result",
        "completed_at", "completed_by_id", "created_at",
    ),
    "document": (
        "id", "application_id", "document_type_id", "version", "file", "original_name",
        "content_type", "size_bytes", "sha256", "uploaded_by_id", "uploaded_at", "source",
    ),
    "suspension": ("id", "application_id", "kind", "start", "planned_end", "end", "reason"),
    "request": (
        "id", "application_id", "suspension_id", "what", "until", "language", "message",
        "requested_by_id", "requested_at", "answered_at", "answered_by_id", "answer",
        "expired_on",
    ),
    "decision": (
        "id", "application_id", "findings", "proposal", "outcome", "motivation",
        "decided_by_id", "decided_at", "needs_approval", "approved_by_id", "approved_at",
        "valid_from", "valid_until", "validity_basis", "fast_track", "notified_on",
    ),
}  # fmt: skip

# Rough shares of the intake (weights, not law; the IND's annual figures are of this order).
PRODUCT_WEIGHTS = {
    "asylum": 20,
    "naturalisation": 12,
    "family-partner": 14,
    "family-child": 7,
    "permanent-residence-eu": 5,
    "study": 12,
    "highly-skilled-migrant": 12,
    "eu-blue-card": 3,
    "paid-employment": 6,
    "au-pair": 2,
    "exchange": 7,
}
DEFAULT_WEIGHT = 3
# Refusal rates by product (plausible, not statistics).
REFUSAL_SHARE = {"asylum": 0.35, "family-partner": 0.2, "family-child": 0.2}
DEFAULT_REFUSAL_SHARE = 0.08
REQUEST_SHARE = 0.25  # not complete at intake: a request to the applicant
ANSWER_SHARE = 0.8  # the applicant answers within the repair period
WITHDRAW_SHARE = 0.02
EXTEND_SHARE = 0.05
OBJECTION_SHARE = 0.3  # of refusals, where the product allows objection
OBJECTION_WELL_FOUNDED = 0.2
REPAIR_PERIOD = timedelta(weeks=4)
# Days an application waits in the queue before its assessment starts (backlogs; the
# asylum queue is the longest). Plausible, not statistics.
QUEUE_WAIT = {"asylum": (60, 420), "naturalisation": (30, 240), "family-partner": (20, 160)}
DEFAULT_QUEUE_WAIT = (2, 40)
NO_OBJECTION_PRODUCTS = {"asylum"}  # appeal to the court directly (Vw 2000 art. 69(2))
WITHDRAWN = "Withdrawn by the applicant."
EXTENDED = "More time needed for the assessment."
OBJECTION = "Objection lodged by the applicant."
REQUEST_TEXT = {
    "nl": "Stuur ons een kopie van uw paspoort (alle pagina's).",
    "en": "Please send us a copy of your passport (all pages).",
}


@dataclass(frozen=True)
class TaskDef:
    id: int
    code: str
    queue: str
    blocking: bool
    expected_days: int
    due_days: int


@dataclass(frozen=True)
class VersionInfo:
    id: int
    product_id: int
    product_code: str
    process: str
    valid_from: date
    period: Period
    extension: Period | None
    objection_period: Period
    objection_decision_period: Period
    groups: tuple[tuple[int, str, tuple[str, ...]], ...]  # (id, code, channels)
    tasks: tuple[TaskDef, ...]
    documents: tuple[tuple[int, str], ...]  # (document type id, code), required ones
    fee_eur: str


@dataclass
class Rows:
    """The rows of one chunk, per table; ids are given by the writer's id blocks."""

    tables: dict[str, list[tuple]] = field(default_factory=lambda: {t: [] for t in COLUMNS})

    def count(self) -> int:
        return sum(len(rows) for rows in self.tables.values())


class Ids:
    """Consecutive ids per table, starting after what the database already holds."""

    def __init__(self, start: dict[str, int]):
        self.next = dict(start)

    def take(self, table: str) -> int:
        value = self.next[table]
        self.next[table] = value + 1
        return value


CHAIN_PREFIX = ApplicationEvent.CHAIN_PREFIX
_BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_MINUTES = tuple(timedelta(minutes=m) for m in range(541))


@functools.lru_cache(maxsize=4096)
def _morning(day: date) -> datetime:
    return datetime.combine(day, time(8), tzinfo=UTC)


def reference_for(index: int, year: int) -> str:
    """A generated reference: like a real one, with a Z first (real ones are random)."""
    digits = []
    for _ in range(7):
        index, rest = divmod(index, 32)
        digits.append(_BASE32[rest])
    return f"{year}-Z{''.join(reversed(digits))}"


class Life:
    """Simulates application `index` and appends its rows to `rows`."""

    def __init__(self, *, index, seed, catalog, staff, generator_id, until, start, ids, rows):
        self.rng = random.Random(seed * 1_000_003 + index)
        self.index = index
        self.catalog = catalog
        self.staff = staff
        self.generator_id = generator_id
        self.until = until
        self.start = start
        self.ids = ids
        self.rows = rows.tables
        self.clock: datetime | None = None

    # -- helpers -------------------------------------------------------------------

    def _n(self, n: int) -> int:
        """A whole number from 0 to n - 1 (cheaper than randrange, a million times over)."""
        return int(self.rng.random() * n)

    def _at(self, day: date) -> datetime:
        """A moment on `day` during office hours, after the previous event."""
        moment = _morning(day) + _MINUTES[self._n(540)]
        if self.clock is not None and moment <= self.clock:
            moment = self.clock + _MINUTES[1 + self._n(5)]
        self.clock = moment
        return moment

    def _event(self, day, action, *, actor=None, frm="", to="", payload=None, reason=""):
        content = {
            "application_id": self.app_id,
            "occurred_at": self._at(day),
            "effective_on": day,
            "actor_id": actor,
            "action": action.value,
            "from_status": frm,
            "to_status": to,
            "reason": reason,
            "payload": payload or {},
        }
        # Sealed as the application's own writer would (indigo.audit.chain).
        digest = content_hash(content)
        self.chain_last = link(self.chain_last, digest)
        self.chain_length += 1
        self.rows["event"].append(
            (
                self.ids.take("event"),
                *content.values(),
                digest,
                self.chain_last,
            )
        )

    def _due(self, today: date) -> date:
        if self.objection_due is not None:
            return self.objection_due
        key = (len(self.suspended), self.extension)
        if any(s.end is None for s in self.suspended):
            key = (*key, today)  # an open suspension counts until today
        if self._due_key != key:
            self._due_key = key
            self._due_value = decision_due(
                received_on=self.received,
                period=self.version.period,
                suspensions=self.suspended,
                extension=self.extension,
                today=today,
            )
        return self._due_value

    def _step(self, day, action, frm, to, *, actor=None, reason="", **payload):
        self.status = to or self.status
        self._event(
            day,
            action,
            actor=actor,
            frm=frm,
            to=to,
            reason=reason,
            payload={"decision_due": self._due(day).isoformat(), **payload},
        )

    def _employee(self, queue: str, *, other_than=None) -> tuple[int | None, str]:
        people = self.staff.get(queue, ())
        for _ in range(5):
            person = self.rng.choice(people) if people else (None, "")
            if other_than is None or person[0] != other_than:
                return person
        return (None, "")

    def _version(self, product_code: str, received: date) -> VersionInfo:
        versions = self.catalog[product_code]
        in_force = [v for v in versions if v.valid_from <= received]
        return in_force[-1] if in_force else versions[0]

    # -- the life ------------------------------------------------------------------

    def run(self) -> None:
        rng = self.rng
        codes = [c for c in self.catalog]
        product = rng.choices(codes, [PRODUCT_WEIGHTS.get(c, DEFAULT_WEIGHT) for c in codes])[0]
        received = self.start + timedelta(days=self._n((self.until - self.start).days + 1))
        self.version = v = self._version(product, received)
        self.received = received = max(received, v.valid_from)
        self.suspended: list[Suspended] = []
        self.extension: Period | None = None
        self.objection_due: date | None = None
        self._due_key: tuple | None = None
        self.chain_last, self.chain_length = GENESIS, 0
        self.status = "received"
        self.app_id = self.ids.take("application")
        self.tasks: list[list] = []
        group_id, group_code, channels = rng.choice(v.groups) if v.groups else (None, "", ())
        channel = rng.choice(channels) if channels else "online"
        language = "nl" if self.rng.random() < 0.5 else "en"
        app = {
            "extended_on": None,
            "notified_on": None,
            "objection_period_ends": None,
            "resume_status": "",
        }
        self._applicant(product, received, language)

        # Receipt: the owner's task waits in the process queue; the documents arrive.
        queue = f"process:{v.process}"
        self.handle = self._task("handle", None, queue, False, 0, received, due_days=0)
        self._step(
            received,
            K.RECEIVED,
            "",
            "received",
            product=product,
            product_version_valid_from=v.valid_from.isoformat(),
            customer_group=group_code,
            channel=channel,
        )
        source = "sponsor" if channel == "sponsor-portal" else "applicant"
        for type_id, code in v.documents:
            self._document(type_id, code, received, source)
        self._walk(app, language)
        self._application(app, product, group_id, channel)

    def _walk(self, app: dict, language: str) -> None:
        v, until = self.version, self.until
        day = self.received + timedelta(days=self._n(11))
        if day > until:
            return
        self._step(day, K.INTAKE_STARTED, "received", "intake")
        owner, owner_name = self._employee(f"process:{v.process}")
        self.owner_name = owner_name
        self.handle[8], self.handle[9] = owner, self._at(day)
        self._event(
            day, K.OWNERSHIP_TAKEN, actor=owner, payload={"task": "handle", "to": owner_name}
        )
        if self.rng.random() < WITHDRAW_SHARE:
            day += timedelta(days=1 + self._n(60))
            if day <= until:
                self._step(day, K.WITHDRAWN, "intake", "withdrawn", reason=WITHDRAWN)
                self._close_tasks("cancelled", day)
            return
        if self.rng.random() < REQUEST_SHARE:
            day += timedelta(days=1 + self._n(14))
            if day > until:
                return
            if not self._request(day, owner, language, app):
                return
            day = self.suspended[-1].end
        low, high = QUEUE_WAIT.get(self.product, DEFAULT_QUEUE_WAIT)
        day += timedelta(days=low + self._n(high - low + 1))
        if day > until:
            return
        self._step(day, K.ASSESSMENT_STARTED, "intake", "assessment", actor=owner)
        if v.extension is not None and self.rng.random() < EXTEND_SHARE:
            self.extension = v.extension
            app["extended_on"] = day
            self._step(
                day, K.EXTENDED, "", "", actor=owner, reason=EXTENDED, extension=str(v.extension)
            )
        last, finished = day, []
        for definition in v.tasks:
            done_on = day + timedelta(days=definition.expected_days + self._n(15))
            task = self._task(
                definition.code,
                definition.id,
                definition.queue,
                definition.blocking,
                definition.expected_days,
                day,
                due_days=definition.due_days,
            )
            worker, _ = self._employee(definition.queue)
            if done_on <= until or self.rng.random() < 0.35:
                task[8], task[9] = worker, self._at(day)
            if done_on <= until:
                finished.append((done_on, task[0], task, worker))
                last = max(last, done_on)
        # Results arrive in the order of their days, whatever the order of the tasks.
        for done_on, _, task, worker in sorted(finished, key=lambda f: (f[0], f[1])):
            outcome = "concerns" if self.rng.random() < 0.1 else "no-concerns"
            self._complete(task, done_on, worker, outcome)
        if any(t[7] == "open" and t[3] != "handle" for t in self.tasks):
            return
        day = last + timedelta(days=self._n(15))
        if day > until:
            return
        self._step(day, K.DECISION_PROPOSED, "assessment", "decision", actor=owner)
        refuse = self.rng.random() < REFUSAL_SHARE.get(self.product, DEFAULT_REFUSAL_SHARE)
        if not self._decide(day + timedelta(days=self._n(8)), owner, refuse, app, language):
            return
        objects = refuse and self.product not in NO_OBJECTION_PRODUCTS
        if objects and self.rng.random() < OBJECTION_SHARE:
            self._objection(app, owner, language)
            return
        closing = add_period(app["notified_on"], v.objection_period) + timedelta(
            days=1 + self._n(14)
        )
        if closing <= until:
            self._step(closing, K.CLOSED, "notified", "closed", actor=owner)

    @property
    def product(self) -> str:
        return self.version.product_code

    def _request(self, day, owner, language, app) -> bool:
        """A request for information suspends the period (Awb 4:15); False: still open."""
        planned = day + REPAIR_PERIOD
        request_id = self.ids.take("request")
        suspension_id = self.ids.take("suspension")
        self._event(
            day,
            K.INFORMATION_REQUESTED,
            actor=owner,
            payload={"request": request_id, "until": planned.isoformat(), "language": language},
        )
        frm = self.status
        app["resume_status"] = frm
        self.suspended.append(Suspended(start=day, end=None, planned_end=planned))
        self._step(
            day,
            K.SUSPENDED,
            frm,
            "suspended",
            actor=owner,
            reason=REQUEST_TEXT["en"],
            kind="repair",
            until=planned.isoformat(),
        )
        answered = self.rng.random() < ANSWER_SHARE
        end = day + timedelta(days=3 + self._n(25)) if answered else planned
        done = end <= self.until
        request = [
            request_id,
            self.app_id,
            suspension_id,
            REQUEST_TEXT[language],
            planned,
            language,
            REQUEST_TEXT[language],
            owner,
            self._at(day),
            None,
            None,
            "",
            None,
        ]
        if done:
            if answered:
                request[9], request[11] = self._at(end), "Sent."
                self._event(end, K.INFORMATION_ANSWERED, payload={"request": request_id})
            else:
                request[12] = end
            self.suspended[-1] = Suspended(start=day, end=end, planned_end=planned)
            self._due_key = None
            app["resume_status"] = ""
            self._step(end, K.RESUMED, "suspended", frm, suspended_days=(end - day).days)
        self.rows["request"].append(tuple(request))
        self.rows["suspension"].append(
            (
                suspension_id,
                self.app_id,
                "repair",
                day,
                planned,
                end if done else None,
                REQUEST_TEXT["en"],
            )
        )
        return done

    def _decide(self, day, owner, refuse, app, language) -> bool:
        """Record, approve (refusals: four eyes), notify. False: stopped before notifying."""
        if day > self.until:
            return False
        outcome = "refuse" if refuse else "grant"
        decision_id = self.ids.take("decision")
        valid_until = None if refuse else day + timedelta(days=365 * (1 + self._n(5)))
        self._event(
            day,
            K.DECISION_RECORDED,
            actor=owner,
            payload={
                "decision": decision_id,
                "outcome": outcome,
                "proposal": outcome,
                "needs_approval": refuse,
                "valid_from": None if refuse else day.isoformat(),
                "valid_until": valid_until and valid_until.isoformat(),
                "fast_track": False,
            },
        )
        decided_at = self.clock
        approver, approved_at = None, None
        if refuse:
            day += timedelta(days=1 + self._n(5))
            approver, _ = self._employee(f"process:{self.version.process}", other_than=owner)
            if day <= self.until:
                approved_at = self._at(day)
                self._event(
                    day,
                    K.DECISION_APPROVED,
                    actor=approver,
                    payload={"decision": decision_id, "decided_by": self.owner_name},
                )
        notify = day + timedelta(days=self._n(3))
        notified = approved_at is not None or not refuse
        notified = notified and notify <= self.until
        self.rows["decision"].append(
            (
                decision_id,
                self.app_id,
                [],
                outcome,
                outcome,
                "Generated workload." if refuse else "",
                owner,
                decided_at,
                refuse,
                approver if approved_at else None,
                approved_at,
                None if refuse else day,
                valid_until,
                "",
                False,
                notify if notified else None,
            )
        )
        if not notified:
            return False
        app["notified_on"] = notify
        ends = apply_atw(notify, add_period(notify, self.version.objection_period))
        self._step(notify, K.NOTIFIED, "decision", "notified", actor=owner)
        self._event(
            notify,
            K.LETTER_SENT,
            payload={
                "decision": decision_id,
                "outcome": outcome,
                "language": language,
                "objection_period_ends": ends.isoformat(),
            },
        )
        self._close_tasks("done", notify, actor=owner)
        return True

    def _objection(self, app, owner, language) -> None:
        """Bezwaar within the period; a new decision period (Awb 7:10) from lodging."""
        v = self.version
        day = app["notified_on"] + timedelta(days=5 + self._n(20))
        if day > self.until:
            return
        ends = apply_atw(app["notified_on"], add_period(app["notified_on"], v.objection_period))
        app["objection_period_ends"] = ends
        # From lodging, the objection's own period: the application's due date moves.
        due = apply_atw(day, add_period(day, v.objection_decision_period))
        self.status = "objection"
        self._event(
            day,
            K.OBJECTION_LODGED,
            frm="notified",
            to="objection",
            reason=OBJECTION,
            payload={
                "decision_due": due.isoformat(),
                "objection_period_ends": ends.isoformat(),
                "late": False,
            },
        )
        self.objection_due = due
        handle = self._task("handle", None, f"process:{v.process}", False, 0, day, due_days=0)
        handle[8], handle[9] = owner, self._at(day)
        day += timedelta(days=30 + self._n(60))
        if day > self.until:
            return
        self.status = "decision"
        self._event(
            day,
            K.OBJECTION_DECIDED,
            actor=owner,
            frm="objection",
            to="decision",
            payload={"decision_due": due.isoformat()},
        )
        refuse = self.rng.random() >= OBJECTION_WELL_FOUNDED
        self._decide(day, owner, refuse, app, language)

    # -- rows ----------------------------------------------------------------------

    def _applicant(self, product: str, received: date, language: str) -> None:
        people = PersonGenerator(self.rng)
        nationality = people.nationality(product)
        given, surname = people.name(nationality)
        share = 1.0 if product in ("naturalisation", "permanent-residence-eu") else 0.35
        # Unique without remembering the ones given: the application's number.
        v_number = f"9{self.index:09d}" if self.rng.random() < share else ""
        self.applicant_id = self.ids.take("applicant")
        self.rows["applicant"].append(
            (
                self.applicant_id,
                given,
                surname,
                people.date_of_birth(product, on=received),
                nationality,
                v_number,
                language,
                self._at(received),
            )
        )
        self.clock = None

    def _task(self, code, definition_id, queue, blocking, expected, day, *, due_days):
        due = self._due(day)
        task = [
            self.ids.take("task"),
            self.app_id,
            definition_id,
            code,
            queue,
            blocking,
            expected,
            "open",
            None,
            None,
            day + timedelta(days=due_days) if due_days else due,
            due - timedelta(days=7 + expected),
            "",
            "",
            None,
            None,
            self._at(day),
        ]
        self.tasks.append(task)
        return task

    def _complete(self, task, day, actor, outcome) -> None:
        task[7], task[12], task[13] = "done", outcome, "Checked."
        task[14], task[15] = self._at(day), actor
        self._event(
            day, K.TASK_COMPLETED, actor=actor, payload={"task": task[3], "outcome": outcome}
        )

    def _close_tasks(self, state: str, day: date, actor=None) -> None:
        for task in self.tasks:
            if task[7] == "open":
                task[7], task[14], task[15] = state, self._at(day), actor or task[8]

    def _document(self, type_id: int, code: str, day: date, source: str) -> None:
        digest = hashlib.sha256(f"{self.index}:{code}".encode()).hexdigest()
        size = 40_000 + self._n(2_000_000)
        self.rows["document"].append(
            (
                self.ids.take("document"),
                self.app_id,
                type_id,
                1,
                f"generated/{self.index}/{code}.pdf",
                f"{code}.pdf",
                "application/pdf",
                size,
                digest,
                self.generator_id,
                self._at(day),
                source,
            )
        )
        self._event(
            day,
            K.DOCUMENT_UPLOADED,
            payload={"type": code, "version": 1, "sha256": digest, "size": size},
        )

    def _application(self, app, product, group_id, channel) -> None:
        v = self.version
        today = self.until
        due = self._due(today)
        self.rows["task"].extend(tuple(t) for t in self.tasks)
        self.rows["chainhead"].append(
            (f"{CHAIN_PREFIX}{self.app_id}", self.chain_last, self.chain_length)
        )
        created = datetime.combine(self.received, time(8), tzinfo=UTC)
        self.rows["application"].append(
            (
                self.app_id,
                reference_for(self.index, self.received.year),
                v.product_id,
                v.id,
                group_id,
                self.applicant_id,
                self.received,
                channel,
                self.status,
                app["resume_status"],
                due,
                app["extended_on"],
                EXTENDED if app["extended_on"] else "",
                app["notified_on"],
                app["objection_period_ends"],
                self.generator_id,
                created,
                self.clock or created,
            )
        )
