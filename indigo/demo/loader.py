"""Loading the demo: the organisation, the seed's scenario person and a few hundred
applications with their work.

Every application is made and moved through the real services (`indigo.cases.services`,
`indigo.work.services`), so each step is an event with an actor, a date and a reason,
exactly as in real use; staff back-date the steps (`received_on=`, `on=`), never into
the future and never before the application's previous step, and the demo replays
each step on its day (`indigo.demo.replay`). Who does a step follows the organisation
(`indigo.demo.organisation`): the caseworkers of the process's integral units own and
decide its applications, specialists do the specialist tasks, the desk registers
regular applications. Before a proposal the owner records the facts the rules read,
and before each notification the owner decides (a refusal with a colleague's
approval), through the real services (`indigo.demo.deciding`). The whole load is one
transaction: it happens completely or not at all, and SQLite writes it in seconds
instead of minutes.
"""

import logging
import random
import time
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Min

from indigo import clock
from indigo.accounts.roles import Role, has_role
from indigo.cases.models import Application, Status
from indigo.cases.services import (
    ApplicantData,
    application_act,
    application_create,
    deadlines_refresh,
)
from indigo.catalog.models import Channel, CustomerGroup, Process, Product, ProductVersion
from indigo.catalog.selectors import NoVersionInForce, version_in_force
from indigo.deadlines.periods import add_period
from indigo.demo.deciding import OBJECTION_UPHELD, Deciding, motivation_from
from indigo.demo.documents import specimen_passport
from indigo.demo.journeys import BEHIND, STUDY, WINDOW_DAYS, WORK, Plan, Planner, Step
from indigo.demo.organisation import (
    COLLEAGUE_USERNAMES,
    demo_colleagues_create,
    demo_organisation_create,
)
from indigo.demo.partners import demo_partner_application
from indigo.demo.people import PersonGenerator
from indigo.demo.quality import demo_quality_load
from indigo.demo.replay import Replay
from indigo.demo.scenario import SCENARIO_PERSON, SCENARIO_PRODUCTS, scenario_plans
from indigo.demo.sponsor_org import demo_sponsor_load
from indigo.demo.tasks import TaskWork
from indigo.demo.users import DEMO_USERNAMES, demo_users_create, existing_demo_usernames
from indigo.dossier.services import document_upload
from indigo.outbox.services import outbox_deliver_due
from indigo.work.models import Task

logger = logging.getLogger(__name__)

DEFAULT_SEED = 2026
DEFAULT_COUNT = 300
# Documents are added today (an upload has no back-dated form), so only to
# applications that are still open.
OPEN = frozenset({Status.RECEIVED, Status.INTAKE, Status.ASSESSMENT, Status.SUSPENDED})
PASSPORT_SHARE = 0.4
MEMBERS_BEFORE_DAYS = 30  # the demo staff joined their units before the first receipt
DESK_SHARE = 0.3  # regular applications registered at a desk (the rest by the unit)
# The caseworker login owns a fair share of the applications: this much against 1 for
# each colleague (it is in two integral units, so less per unit), and more of those
# near or past their deadline, so that its worklist shows every urgency.
LOGIN_OWNER_WEIGHT = 0.35
LOGIN_OWNER_WEIGHT_BEHIND = 1.2
DESK_PROCESSES = frozenset({Process.REGULAR_ECONOMIC.value, Process.REGULAR_SOCIAL.value})


class DemoNotPossible(Exception):
    """The demo cannot be loaded into this database; the message says what to do."""


@dataclass
class DemoReport:
    loaded: bool
    applications: int = 0
    documents: int = 0
    seconds: float = 0.0
    by_status: dict[str, int] = field(default_factory=dict)
    by_product: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    work: list[str] = field(default_factory=list)  # the printed logins' work, in words


def demo_load(
    *, seed: int = DEFAULT_SEED, count: int = DEFAULT_COUNT, stdout=None, documents: bool = True
) -> DemoReport:
    """Load the demo once: users, the scenario person, and `count` other applications.

    If the demo users exist already, nothing is added (the data is there). Reproducible:
    the same seed on the same day gives the same people, products, steps and dates.
    """
    out = _Output(stdout)
    existing = existing_demo_usernames()
    if existing == set(DEMO_USERNAMES):
        out.line("The demo data is already loaded (its users exist); nothing was added.")
        return DemoReport(loaded=False)
    existing |= set(
        get_user_model()
        .objects.filter(username__in=COLLEAGUE_USERNAMES)
        .values_list("username", flat=True)
    )
    if existing:
        raise DemoNotPossible(
            f"Some demo usernames are already taken by other users: {', '.join(sorted(existing))}. "
            "Load the demo into an empty database, e.g. INDIGO_VAR_DIR=/tmp/indigo-demo "
            "indigo demo."
        )
    today = clock.today()
    earliest = _first_day_in_force(today=today)
    if not earliest:
        raise DemoNotPossible(
            "The product catalog has no product in force today: run `indigo catalog_load` first."
        )
    missing = SCENARIO_PRODUCTS - set(earliest)
    if missing:
        raise DemoNotPossible(
            f"The seed's scenario needs the product(s) {', '.join(sorted(missing))}, "
            "which the catalog does not have."
        )

    started = time.monotonic()
    rng = random.Random(seed)
    with transaction.atomic():
        loader = _Loader(rng=rng, today=today, documents=documents)
        studying = loader.scenario()
        demo_sponsor_load(sponsor_user=loader.users[Role.SPONSOR], studying=studying)
        out.line(f"Loading demo applications: 0/{count}")
        planner = Planner(
            rng,
            today=today,
            extendable=_extendable_products(),
            earliest=earliest,
            periods=_decision_period_days(today=today),
        )
        codes = sorted(earliest)
        step = max(1, count // 10)
        for done, plan in enumerate(planner.plans(count, products=codes), start=1):
            loader.perform(plan)
            if done % step == 0 or done == count:
                out.line(f"Loading demo applications: {done}/{count}")
        out.line("Handing out work from the queues")
        loader.finish()
        showcase = demo_partner_application(users=loader.users)
        loader.report.notes.append(
            f"Application {showcase.reference} (family, received today): the sponsor's date "
            "of birth and income came from the BRP and income simulators; log in as "
            "`partner` to ask about V-number 4100220301 at /api/v1/residence-status."
        )
        loader.report.notes += demo_quality_load(rng=rng, today=today)
    report = loader.report
    report.seconds = time.monotonic() - started
    out.line(
        f"Loaded {report.applications} applications ({count} synthetic and "
        f"{report.applications - count} of the scenario applicant) and "
        f"{report.documents} documents in {report.seconds:.1f} s."
    )
    for line in report.work:
        out.line(line)
    for note in report.notes:
        out.line(note)
    return report


def _first_day_in_force(*, today: date) -> dict[str, date]:
    """Each product with a version in force today, and the first day of its first version."""
    in_force = ProductVersion.objects.all_in_force_on(today).values("product")
    first_days = (
        ProductVersion.objects.filter(product__in=in_force)
        .values("product__code")
        .annotate(first=Min("valid_from"))
    )
    return {row["product__code"]: row["first"] for row in first_days}


def _decision_period_days(*, today: date) -> dict[str, int]:
    """Each product's decision period in force today, in days from today."""
    days = {}
    for product in Product.objects.all():
        try:
            version = version_in_force(product=product, on=today)
        except NoVersionInForce:
            continue
        days[product.code] = (add_period(today, version.decision_period) - today).days
    return days


def _extendable_products() -> set[str]:
    """Products whose every version allows extending the decision period."""
    without = set(
        ProductVersion.objects.filter(extension_value__isnull=True).values_list(
            "product__code", flat=True
        )
    )
    return set(Product.objects.exclude(code__in=without).values_list("code", flat=True))


class _Output:
    def __init__(self, stdout):
        self.stdout = stdout

    def line(self, text: str) -> None:
        if self.stdout is not None:
            self.stdout.write(text + "\n")
            flush = getattr(self.stdout, "flush", None)
            if flush:
                flush()


class _Loader:
    def __init__(self, *, rng: random.Random, today: date, documents: bool):
        self.rng = rng
        self.today = today
        self.users = demo_users_create()
        self.organisation = demo_organisation_create(
            users=self.users,
            colleagues=demo_colleagues_create(),
            since=today - timedelta(days=WINDOW_DAYS + MEMBERS_BEFORE_DAYS),
        )
        self.replay = Replay(today=today)
        self.tasks = TaskWork(
            rng,
            organisation=self.organisation,
            replay=self.replay,
            login=self.users[Role.SPECIALIST],
        )
        self.deciding = Deciding(rng, organisation=self.organisation, replay=self.replay)
        self.processes = dict(Product.objects.values_list("code", "process"))
        self.people = PersonGenerator(rng)
        self.people.reserve_v_number(SCENARIO_PERSON.v_number)
        self.report = DemoReport(loaded=True)
        self._groups: dict[int, list[str]] = {}
        self.documents = documents

    def perform(
        self,
        plan: Plan,
        *,
        applicant: ApplicantData | None = None,
        passport: bool = True,
        cast: "_Cast | None" = None,
        account=None,
    ) -> Application:
        """Make the application and take it through the plan's steps and its tasks,
        each through the services on the day it happened."""
        if applicant is None:
            applicant = self.people.applicant(plan.product_code, received_on=plan.received_on)
        if cast is None:
            cast = _Cast(
                self, process=self.processes[plan.product_code], behind=plan.journey in BEHIND
            )
        customer_group = self._customer_group(plan)
        registrar = cast.registrar()
        with self.replay.on(plan.received_on):
            application = application_create(
                actor=registrar,
                product_code=plan.product_code,
                applicant=applicant,
                received_on=plan.received_on,
                customer_group_code=customer_group,
                channel=self._channel(plan, customer_group, registrar),
                account=account,
                replayed=True,  # history: it came in through its own door then
            )
        last = plan.received_on
        refused = plan.refused
        motivation = ""  # of a refusal, or of a grant the rules cannot propose
        for step in plan.steps:
            # The tasks' steps up to this one; a proposal waits until all are done.
            self.tasks.work(
                application, after=last, until=step.on, finish=step.action == "propose-decision"
            )
            actor = cast.actor(step)
            if step.action == "propose-decision":
                # The owner records what is known; the rules propose from it.
                self.deciding.facts_record(application, actor=actor, on=step.on, refused=refused)
                if refused or plan.product_code == "asylum":
                    motivation = motivation_from(step.reason)
            elif step.action == "notify":
                # No decision leaves without the owner's decision (and a refusal
                # without a colleague's approval).
                self.deciding.decide(
                    application,
                    decider=actor,
                    process=cast.process,
                    since=last,
                    until=step.on,
                    refused=refused,
                    motivation=motivation,
                )
            with self.replay.on(step.on):
                application = application_act(
                    actor=actor,
                    application=application,
                    action=step.action,
                    reason=step.reason,
                    on=step.on,
                    until=step.until,
                    suspension_kind=step.suspension_kind,
                )
                # The worker, as if it ran then: the letter is made on the day it was sent.
                outbox_deliver_due()
            if step.action == "start-assessment":  # the actor took ownership
                self.tasks.plan(
                    application,
                    owner=actor,
                    on=step.on,
                    refused=plan.refused,
                    behind=plan.journey in BEHIND,
                )
            elif step.action == "notify":  # ownership ends with the decision
                cast.owner = None
            elif step.action == "decide-objection":
                # Whoever decides on the objection makes the new decision.
                cast.owner = actor
                refused = OBJECTION_UPHELD not in step.reason
                if refused:
                    motivation = "On objection, the refusal stands. " + motivation
                else:
                    self.deciding.facts_correct(application, actor=actor, on=step.on)
                    motivation = motivation_from(step.reason)
            last = step.on
        if application.status in OPEN:
            self.tasks.work(application, after=last, until=self.today, last=True)
        if application.status != plan.status:
            raise AssertionError(
                f"Demo plan {plan.journey!r} ended in {application.status}, not {plan.status}."
            )
        self._count(application)
        wants_passport = self.rng.random() < PASSPORT_SHARE
        if passport and wants_passport and application.status in OPEN:
            # At a desk for regular applications, otherwise by the unit.
            self._attach_passport(application, actor=cast.person(Role.DESK))
        self.tasks.forget(application)
        return application

    def finish(self) -> None:
        """After all applications: the specialists take work from their queues, and the
        daily deadline sweep runs as it would have (suspensions were replayed)."""
        self.tasks.hand_out_queues()
        deadlines_refresh()
        self.report.work = _work_summary(self.users)

    def _customer_group(self, plan: Plan) -> str | None:
        product = Product.objects.get(code=plan.product_code)
        version = version_in_force(product=product, on=plan.received_on)
        if version.pk not in self._groups:
            self._groups[version.pk] = list(
                version.customer_groups.order_by("code").values_list("code", flat=True)
            )
        codes = self._groups[version.pk]
        if not codes:
            return None
        if "recognised-sponsor" in codes and plan.product_code in STUDY | WORK:
            # Most work and study applications come in through a recognised sponsor.
            return "recognised-sponsor" if self.rng.random() < 0.8 else self.rng.choice(codes)
        return self.rng.choice(codes)

    def _channel(self, plan: Plan, group: str | None, registrar) -> str:
        """How it reached us: at the desk when desk staff registered it, else the first
        channel the customer group uses (the catalog's data)."""
        if group is None:
            return Channel.DESK if has_role(registrar, Role.DESK) else Channel.POST
        channels = (
            CustomerGroup.objects.filter(
                version__product__code=plan.product_code,
                version__valid_from__lte=plan.received_on,
                code=group,
            )
            .order_by("-version__valid_from")
            .values_list("channels", flat=True)
            .first()
        )
        channels = channels or [Channel.POST]
        if has_role(registrar, Role.DESK) and Channel.DESK in channels:
            return Channel.DESK
        return channels[0]

    def _count(self, application: Application) -> None:
        report = self.report
        report.applications += 1
        report.by_status[application.status] = report.by_status.get(application.status, 0) + 1
        code = application.product.code
        report.by_product[code] = report.by_product.get(code, 0) + 1

    def _attach_passport(self, application: Application, *, actor) -> None:
        if not self.documents:
            return
        content = ContentFile(specimen_passport(application), name="passport-specimen.pdf")
        # A refused upload is a bug in the demo's specimen: it stops the load.
        document_upload(
            actor=actor, application=application, document_type_code="passport", file=content
        )
        self.report.documents += 1

    def scenario(self) -> Application:
        """The seed's Colombian student (see `indigo.demo.scenario`), linked to the
        applicant login; returns her current study application."""
        # Her applications are handled by the printed caseworker and desk logins.
        fixed = {role: self.users[role] for role in (Role.CASEWORKER, Role.DESK)}
        applications = [
            self.perform(
                plan,
                applicant=SCENARIO_PERSON,
                passport=False,
                cast=_Cast(self, process=self.processes[plan.product_code], fixed=fixed),
                account=self.users[Role.APPLICANT],
            )
            for plan in scenario_plans(today=self.today)
        ]
        studying = Application.objects.select_related("applicant").get(pk=applications[-1].pk)
        # She adds her passport herself, through the portal.
        self._attach_passport(studying, actor=self.users[Role.APPLICANT])
        return studying


class _Cast:
    """Who does what on one application: people of the units of its process."""

    def __init__(
        self, loader: _Loader, *, process: str, fixed: dict | None = None, behind: bool = False
    ):
        self.rng = loader.rng
        self.process = process
        self.organisation = loader.organisation
        self.login = loader.users[Role.CASEWORKER]
        self.login_weight = LOGIN_OWNER_WEIGHT_BEHIND if behind else LOGIN_OWNER_WEIGHT
        self.fixed = fixed or {}  # role -> the one person who does it
        self.owner = None  # the owning caseworker, from the start of the assessment

    def registrar(self):
        if self.process in DESK_PROCESSES and self.rng.random() < DESK_SHARE:
            return self.person(Role.DESK)
        return self.person(Role.CASEWORKER)

    def actor(self, step: Step):
        if step.action == "start-assessment":  # whoever starts it owns the application
            self.owner = self._caseworker(owning=True)
            return self.owner
        return self.person(step.actor)

    def person(self, role: Role):
        if role in self.fixed:
            return self.fixed[role]
        if role == Role.DESK:
            people = self.organisation.desk(self.process)
        elif role == Role.MANAGER:
            people = self.organisation.managers(self.process)
        else:
            people = []
        # Without a desk or a manager for the process, a caseworker of the unit does it.
        return self.rng.choice(people) if people else self._caseworker()

    def _caseworker(self, *, owning: bool = False):
        if Role.CASEWORKER in self.fixed:
            return self.fixed[Role.CASEWORKER]
        if self.owner is not None:
            return self.owner
        people = self.organisation.caseworkers(self.process)
        if not owning:
            return self.rng.choice(people)
        weights = [self.login_weight if person == self.login else 1.0 for person in people]
        return self.rng.choices(people, weights)[0]


def _work_summary(users: dict) -> list[str]:
    """The printed logins' open work, in words, for the console."""
    tasks = Task.objects.filter(state=Task.State.OPEN)
    caseworker, specialist = users[Role.CASEWORKER], users[Role.SPECIALIST]
    owned = tasks.filter(assignee=caseworker, code="handle").count()
    return [
        f"Work: {caseworker.username} owns {owned} open applications and has "
        f"{tasks.filter(assignee=caseworker).count() - owned} open tasks; "
        f"{specialist.username} has {tasks.filter(assignee=specialist).count()} open tasks; "
        f"{tasks.filter(assignee__isnull=True).count()} tasks wait in the queues for "
        '"get next".'
    ]
