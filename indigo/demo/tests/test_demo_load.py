import io
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.test import RequestFactory, override_settings

from indigo import clock
from indigo.accounts.roles import Role, roles_of
from indigo.cases.access import applications_visible_to
from indigo.cases.models import Applicant, Application, ApplicationEvent, Status, Suspension
from indigo.catalog.models import Product
from indigo.decisions.models import Decision
from indigo.decisions.selectors import decision_shown
from indigo.demo.journeys import WINDOW_DAYS
from indigo.demo.loader import demo_load
from indigo.demo.organisation import COLLEAGUES
from indigo.demo.tests.conftest import DEMO_DAY
from indigo.demo.users import DEMO_LOGINS, login_table
from indigo.dossier.models import Document
from indigo.work.models import HANDLE, Task

pytestmark = pytest.mark.usefixtures("catalog")
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

RECORDS = {
    "document-uploaded",
    "fact-recorded",
    "decision-recorded",
    "decision-approved",
    "letter-sent",
    "view-received",
    "intention-letter-sent",
    "partner-asked",
    "partner-answered",
}
# Written by the system itself (the partner adapters through the worker), without a user.
BY_THE_SYSTEM = {"partner-asked", "partner-answered"}


@pytest.fixture(scope="module")
def _loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    """One demo load for the whole module, rolled back at its end; each test runs in a
    savepoint inside it (pytest-django's `db`)."""
    storages = {
        **settings.STORAGES,
        "dossier": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path_factory.mktemp("dossier")},
        },
    }
    with (
        django_db_blocker.unblock(),
        time_machine.travel(DEMO_DAY),
        override_settings(PASSWORD_HASHERS=FAST_HASHERS, STORAGES=storages),
        transaction.atomic(),
    ):
        out = io.StringIO()
        report = demo_load(count=40, seed=1, stdout=out)
        report.output = out.getvalue()
        yield report
        transaction.set_rollback(True)


@pytest.fixture
def demo(_loaded, db):
    return _loaded


def test_every_role_has_a_demo_user_who_logs_in_with_the_printed_password(demo, client):
    table = "\n".join(login_table())
    for login in DEMO_LOGINS:
        assert f"{login.username}  " in table and login.password in table
        # django-axes checks every password login against the request it came with.
        request = RequestFactory().post("/login/")
        credentials = {"username": login.username, "password": login.password}
        assert client.login(request=request, **credentials), login.username
        user = get_user_model().objects.get(username=login.username)
        assert login.role in roles_of(user)
        client.logout()
    assert {login.role for login in DEMO_LOGINS} == set(Role)


def test_the_demo_admin_can_use_the_django_admin(demo):
    admin = get_user_model().objects.get(username="admin")

    assert admin.is_superuser and admin.is_staff


def test_a_small_demo_still_shows_every_product_and_every_phase(demo):
    products = set(Application.objects.values_list("product__code", flat=True))
    statuses = set(Application.objects.values_list("status", flat=True))

    assert products == set(Product.objects.values_list("code", flat=True))
    assert statuses == set(Status.values)
    assert Application.objects.filter(extended_on__isnull=False).exists()
    assert Suspension.objects.filter(
        application__status=Status.SUSPENDED,
        kind=Suspension.Kind.REPAIR,
        planned_end__isnull=False,
        end__isnull=True,
    ).exists()


def test_no_demo_date_lies_in_the_future_or_more_than_fourteen_months_back(demo):
    today = clock.today()
    received = Application.objects.values_list("received_on", flat=True)

    assert max(received) <= today
    assert min(received) >= today - timedelta(days=WINDOW_DAYS)
    assert ApplicationEvent.objects.aggregate(last=Max("effective_on"))["last"] <= today
    assert not Application.objects.filter(notified_on__gt=today).exists()
    assert not Suspension.objects.filter(start__gt=today).exists()
    assert not Applicant.objects.filter(date_of_birth__gte=today).exists()


def test_every_history_starts_with_its_receipt_and_only_moves_forward(demo):
    for application in Application.objects.prefetch_related("events"):
        events = list(application.events.all())
        dates = [event.effective_on for event in events]

        assert events[0].action == "receive"
        assert events[0].effective_on == application.received_on
        assert dates == sorted(dates), application.reference
        assert all(
            event.actor_id
            or event.action in BY_THE_SYSTEM
            or event.payload.get("source") == "partner"
            for event in events
        )
        # Records carry no reason of their own (a grant the rules propose needs no
        # motivation); every step a person takes does.
        lifecycle_steps = [e for e in events[1:] if e.action not in RECORDS]
        assert all(event.reason for event in lifecycle_steps)


def test_every_notified_application_has_a_final_decision_and_its_letter(demo):
    notified = Application.objects.filter(notified_on__isnull=False)
    refusals = Decision.objects.filter(outcome=Decision.Outcome.REFUSE, notified_on__isnull=False)

    assert notified.exists() and refusals.exists()
    for application in notified:
        decision = decision_shown(application=application)

        assert decision is not None and decision.notified_on is not None, application.reference
        assert decision.is_final
        assert decision.letter.application_id == application.pk
        assert decision.letter.document_type.code == "decision-letter"
        assert application.documents.filter(document_type__code="decision-letter").exists()
        if decision.proposal != "grant" or decision.outcome != Decision.Outcome.GRANT:
            assert decision.motivation, application.reference
    for decision in refusals:
        assert decision.motivation
        assert decision.approved_by_id is not None
        assert decision.approved_by_id != decision.decided_by_id
        assert not [f for f in decision.findings if f["outcome"] == "missing-information"]
    # A notified objection decision follows the first decision it replaces.
    assert (
        not Decision.objects.filter(notified_on__isnull=True, set_aside_at__isnull=True)
        .filter(application__status__in=[Status.NOTIFIED, Status.CLOSED])
        .exists()
    )


def test_loading_the_demo_again_adds_nothing_and_says_so(demo):
    before = (Application.objects.count(), ApplicationEvent.objects.count())
    out = io.StringIO()

    report = demo_load(count=40, seed=1, stdout=out)

    assert not report.loaded
    assert "already loaded" in out.getvalue()
    assert (Application.objects.count(), ApplicationEvent.objects.count()) == before
    assert get_user_model().objects.count() == len(DEMO_LOGINS) + len(COLLEAGUES)


def test_the_applicant_login_sees_only_the_colombian_students_applications(demo):
    applicant = get_user_model().objects.get(username="applicant")

    visible = applications_visible_to(applicant).select_related("applicant", "product")

    assert {(a.applicant.given_names, a.applicant.surname) for a in visible} == {
        ("Valentina", "Restrepo Gómez")
    }
    assert {a.applicant.nationality for a in visible} == {"COL"}
    assert len(visible) == 3
    assert any(a.product.code == "study" and a.status == Status.ASSESSMENT for a in visible)


def test_the_student_added_her_own_passport(demo):
    applicant = get_user_model().objects.get(username="applicant")

    own = Document.objects.filter(uploaded_by=applicant)

    assert own.count() == 1
    assert own.get().document_type.code == "passport"
    assert own.get().application.status == Status.ASSESSMENT
    assert demo.documents > 1


def test_about_half_of_the_people_have_a_unique_v_number(demo):
    numbers = list(Applicant.objects.exclude(v_number="").values_list("v_number", flat=True))

    assert 0.3 <= len(numbers) / Applicant.objects.count() <= 0.7
    assert len(set(numbers)) == len(numbers)
    assert all(len(n) == 10 and n.isdigit() for n in numbers)


def test_the_load_reports_its_progress_and_time(demo):
    assert "Loading demo applications: 40/40" in demo.output
    assert demo.applications == 43  # 40 synthetic and the scenario student's 3
    assert demo.seconds > 0


def test_finished_assessment_tasks_say_who_did_them_and_what_they_found(demo):
    done = Task.objects.filter(state=Task.State.DONE).exclude(outcome="")

    assert done.exists()
    assert all(task.result and task.completed_by_id for task in done)
    assert (
        not Task.objects.filter(
            application__status__in=[Status.DECISION, Status.NOTIFIED, Status.CLOSED],
            state=Task.State.OPEN,
            blocking=True,
        )
        .exclude(code=HANDLE)
        .exists()
    )


@pytest.mark.parametrize("username", ["caseworker", "manager", "desk", "contact", "specialist"])
def test_every_staff_login_finds_applications_to_work_on(demo, username):
    user = get_user_model().objects.get(username=username)

    assert applications_visible_to(user).exists()


def test_the_sponsor_login_works_for_a_university_with_the_students_application(demo):
    sponsor = get_user_model().objects.get(username="sponsor")

    visible = list(
        applications_visible_to(sponsor).values_list("applicant__surname", "product__code")
    )

    assert Role.SPONSOR in {Role(g) for g in sponsor.groups.values_list("name", flat=True)}
    assert ("Restrepo Gómez", "study") in visible


@pytest.mark.django_db
def test_a_family_application_shows_facts_from_the_brp_and_income_simulators(_loaded):
    from indigo.partners.models import PartnerCall
    from indigo.rules.models import Fact

    application = Application.objects.get(applicant__v_number="4100220301")
    facts = {
        f.name: f for f in Fact.objects.filter(application=application, source=Fact.Source.PARTNER)
    }

    assert application.product.code == "family-partner"
    assert facts["sponsor_date_of_birth"].source_detail.startswith("BRP (Haal Centraal")
    assert facts["sponsor_gross_monthly_income"].source_detail.startswith("UWV")
    calls = PartnerCall.objects.filter(application=application)
    assert {c.partner for c in calls} == {"brp", "income"}
    assert all(str(c.request_id) in facts[c.facts[0]].source_detail for c in calls)
    assert "partner" in _loaded.output


def test_the_quality_dashboards_show_the_demos_data(demo, client):
    from django.contrib.auth import get_user_model

    from indigo.quality.models import AdviceForm, ApplicationFact, TelephonyDay

    assert ApplicationFact.objects.count() == Application.objects.count()  # one row each
    assert AdviceForm.objects.exists()
    assert TelephonyDay.objects.count() == 28
    client.force_login(get_user_model().objects.get(username="admin"))
    response = client.get("/quality/", {"from": "2025-06-16", "to": "2026-06-15"})
    values = {row["key"]: row["value"] for row in response.context["rows"]}
    assert values["intake"] > 0 and values["output"] > 0
    assert values["reachability_share"] > 0.7
    assert "Quality:" in demo.output
