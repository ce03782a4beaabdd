"""Loading the demo: users, the seed's scenario person and a few hundred applications.

Every application is made and moved through the real services (`indigo.cases.services`),
so each step is an event with an actor, a date and a reason, exactly as in real use;
staff back-date the steps (`received_on=`, `on=`), never into the future. The whole
load is one transaction: it happens completely or not at all, and SQLite writes it in
seconds instead of minutes.
"""

import logging
import random
import time
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Min

from indigo import clock
from indigo.accounts.roles import Role
from indigo.cases.models import Applicant, Application, Status
from indigo.cases.services import ApplicantData, application_act, application_create
from indigo.catalog.models import Product, ProductVersion
from indigo.catalog.selectors import version_in_force
from indigo.demo.documents import specimen_passport
from indigo.demo.journeys import STUDY, WINDOW_DAYS, WORK, Plan, Planner
from indigo.demo.organisation import demo_organisation_create
from indigo.demo.people import PersonGenerator
from indigo.demo.scenario import SCENARIO_PERSON, SCENARIO_PRODUCTS, scenario_plans
from indigo.demo.tasks import TaskWorker
from indigo.demo.users import DEMO_USERNAMES, demo_users_create, existing_demo_usernames

logger = logging.getLogger(__name__)

DEFAULT_SEED = 2026
DEFAULT_COUNT = 300
# Documents are added today (an upload has no back-dated form), so only to
# applications that are still open.
OPEN = frozenset({Status.RECEIVED, Status.INTAKE, Status.ASSESSMENT, Status.SUSPENDED})
PASSPORT_SHARE = 0.4
MEMBERS_BEFORE_DAYS = 30  # the demo staff joined their units before the first receipt


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
        loader.scenario()
        out.line(f"Loading demo applications: 0/{count}")
        planner = Planner(rng, today=today, extendable=_extendable_products(), earliest=earliest)
        codes = sorted(earliest)
        step = max(1, count // 10)
        for done, plan in enumerate(planner.plans(count, products=codes), start=1):
            loader.perform(plan)
            if done % step == 0 or done == count:
                out.line(f"Loading demo applications: {done}/{count}")
    report = loader.report
    report.seconds = time.monotonic() - started
    out.line(
        f"Loaded {report.applications} applications ({count} synthetic and "
        f"{report.applications - count} of the scenario applicant) and "
        f"{report.documents} documents in {report.seconds:.1f} s."
    )
    for note in report.notes:
        out.line(note)
    return report


def _first_day_in_force(*, today: date) -> dict[str, date]:
    """Each product with a version in force today, and the first day of its first version."""
    first_days = ProductVersion.objects.values("product__code").annotate(first=Min("valid_from"))
    return {row["product__code"]: row["first"] for row in first_days if row["first"] <= today}


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
        demo_organisation_create(
            users=self.users, since=today - timedelta(days=WINDOW_DAYS + MEMBERS_BEFORE_DAYS)
        )
        self.people = PersonGenerator(rng)
        self.people.reserve_v_number(SCENARIO_PERSON.v_number)
        self.report = DemoReport(loaded=True)
        self.tasks = TaskWorker(rng, users=self.users)
        self.report.notes.extend(self.tasks.notes)
        self._groups: dict[int, list[str]] = {}
        self._upload = _document_upload_service() if documents else None
        if documents and self._upload is None:
            self.report.notes.append(
                "No documents added: the dossier service is not available in this build."
            )

    def perform(
        self, plan: Plan, *, applicant: ApplicantData | None = None, passport: bool = True
    ) -> Application:
        if applicant is None:
            applicant = self.people.applicant(plan.product_code, received_on=plan.received_on)
        customer_group = self._customer_group(plan)
        registrar = Role.DESK if self.rng.random() < 0.3 else Role.CASEWORKER
        application = application_create(
            actor=self.users[registrar],
            product_code=plan.product_code,
            applicant=applicant,
            received_on=plan.received_on,
            customer_group_code=customer_group,
        )
        last = plan.received_on
        for step in plan.steps:
            if step.action == "propose-decision":
                # The blocking assessment tasks must be done before a proposal.
                self.tasks.finish(application, after=last, until=step.on, concerns=plan.refused)
            application = application_act(
                actor=self.users[step.actor],
                application=application,
                action=step.action,
                reason=step.reason,
                on=step.on,
                until=step.until,
                suspension_kind=step.suspension_kind,
            )
            last = step.on
        if application.status == Status.ASSESSMENT:
            # Still in assessment: some tasks are done, others are waiting in a queue.
            self.tasks.finish(
                application, after=last, until=self.today, blocking_share=0.5, other_share=0.5
            )
        if application.status != plan.status:
            raise AssertionError(
                f"Demo plan {plan.journey!r} ended in {application.status}, not {plan.status}."
            )
        self._count(application)
        wants_passport = self.rng.random() < PASSPORT_SHARE
        if passport and wants_passport and application.status in OPEN:
            self._attach_passport(application, actor=self.users[Role.DESK])
        return application

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

    def _count(self, application: Application) -> None:
        report = self.report
        report.applications += 1
        report.by_status[application.status] = report.by_status.get(application.status, 0) + 1
        code = application.product.code
        report.by_product[code] = report.by_product.get(code, 0) + 1

    def _attach_passport(self, application: Application, *, actor) -> None:
        if self._upload is None:
            return
        content = ContentFile(specimen_passport(application), name="passport-specimen.pdf")
        try:
            with transaction.atomic():  # a refused upload leaves the rest of the load intact
                self._upload(
                    actor=actor,
                    application=application,
                    document_type_code="passport",
                    file=content,
                )
        except Exception as exc:  # the dossier is optional in the demo
            logger.warning("Demo: no passport added to %s: %s", application.reference, exc)
            self.report.notes.append(f"No documents added: the dossier refused the upload ({exc}).")
            self._upload = None
            return
        self.report.documents += 1

    def scenario(self) -> Application:
        """The seed's Colombian student (see `indigo.demo.scenario`), linked to the
        applicant login; returns her current study application."""
        applications = [
            self.perform(plan, applicant=SCENARIO_PERSON, passport=False)
            for plan in scenario_plans(today=self.today)
        ]
        # The cases app has no service yet for linking a portal account to a person;
        # the demo links its applicant login directly.
        Applicant.objects.filter(pk=applications[-1].applicant_id).update(
            user=self.users[Role.APPLICANT]
        )
        studying = Application.objects.select_related("applicant").get(pk=applications[-1].pk)
        # She adds her passport herself, through the portal.
        self._attach_passport(studying, actor=self.users[Role.APPLICANT])
        return studying


def _document_upload_service():
    """The dossier's upload service, or None: documents are optional in the demo."""
    try:
        from indigo.dossier.services import document_upload
    except Exception as exc:  # not there yet, or broken: the demo goes on without it
        logger.warning("Demo: the dossier upload service is not available: %s", exc)
        return None
    return document_upload
