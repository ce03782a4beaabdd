"""Reads for the contact centre and the desk: find a person, and one view of them (R13).

A person is found, and shown, only through an application the user may see
(`applications_visible_to`), so a search never tells whether someone is known to the
agency in a procedure the user has no part in.
"""

from dataclasses import dataclass, field
from datetime import date

from django.apps import apps as django_apps
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from indigo import clock
from indigo.cases.access import applications_visible_to
from indigo.cases.deadline import Deadline, deadline_of
from indigo.cases.models import Applicant, Application
from indigo.cases.validators import V_NUMBER
from indigo.contacts.models import ContactMoment
from indigo.errors import InvalidInput, day

# A search identifies people; it is not a way to browse them.
SEARCH_LIMIT = 25


@dataclass(frozen=True)
class ApplicationFacts:
    application: Application
    deadline: Deadline
    open_requests: list  # open information requests, oldest deadline first


@dataclass(frozen=True)
class PersonOverview:
    applicant: Applicant
    applications: list[ApplicationFacts]
    # False while this installation has no information requests (nothing to show).
    tracks_requests: bool
    contacts: list[ContactMoment]
    # Issue 11: the rest of the person, from the apps that hold it (looked up by model
    # name: those apps sit above this one). Only of applications the user may see.
    appointments: list = field(default_factory=list)
    letters: list = field(default_factory=list)
    messages: list = field(default_factory=list)
    cards: list = field(default_factory=list)


def person_search(
    *,
    user,
    v_number: str | None = None,
    surname: str | None = None,
    date_of_birth: date | None = None,
    reference: str | None = None,
) -> list[Applicant]:
    """People with at least one application the user may see, matching every criterion given.

    A search needs a V-number, an application reference, or a surname together with a
    date of birth. The surname matches exactly, ignoring case and extra spaces: a prefix
    with a birthday would let anyone list strangers born on a given day.
    """
    v_number = (v_number or "").strip()
    # References are read out on the phone: accept lower case and stray spaces.
    reference = "".join((reference or "").split()).upper()
    surname = " ".join((surname or "").split())
    if v_number and not V_NUMBER.match(v_number):
        raise InvalidInput(
            _("A V-number has exactly 10 digits, for example 1234567890."), field="v_number"
        )
    if not (v_number or reference or (surname and date_of_birth)):
        field = None
        if surname and not date_of_birth:
            field = "date_of_birth"
        elif date_of_birth and not surname:
            field = "surname"
        raise InvalidInput(
            _("Give a V-number, a reference, or a surname with a date of birth."),
            field=field,
            code="incomplete",
        )

    visible = applications_visible_to(user)
    if reference:
        visible = visible.filter(reference=reference)
    people = Applicant.objects.filter(Exists(visible.filter(applicant=OuterRef("pk"))))
    if v_number:
        people = people.filter(v_number=v_number)
    if surname:
        # On PostgreSQL this is UPPER(surname::text), the index cases_applicant_name_dob.
        people = people.filter(surname__iexact=surname)
    if date_of_birth:
        people = people.filter(date_of_birth=date_of_birth)
    return list(people.order_by("surname", "given_names", "pk")[:SEARCH_LIMIT])


def person_overview(*, user, applicant: Applicant) -> PersonOverview:
    """Everything the user may see of this person: applications with their deadline facts
    and open information requests, and the contact log.

    Raises Applicant.DoesNotExist when the user may see none of their applications.
    """
    applications = list(
        applications_visible_to(user)
        .filter(applicant=applicant)
        .select_related("product", "product_version")
        .prefetch_related("suspensions")
        .order_by("-received_on", "-id")
    )
    if not applications:
        raise Applicant.DoesNotExist("No application of this person is visible to the user.")
    today = clock.today()
    requests = _open_requests_by_application([a.pk for a in applications])
    return PersonOverview(
        applicant=applicant,
        applications=[
            ApplicationFacts(
                application=a,
                deadline=deadline_of(a, today=today),
                open_requests=(requests or {}).get(a.pk, []),
            )
            for a in applications
        ],
        tracks_requests=requests is not None,
        contacts=contact_moments_of(user=user, applicant=applicant),
        **_the_rest(applications),
    )


@dataclass(frozen=True)
class Message:
    at: object
    direction: str  # "to" or "from" the applicant
    application: Application
    what: str


@dataclass(frozen=True)
class CardStatus:
    application: Application
    status: str
    detail: str = ""


def _model(label: str):
    try:
        return django_apps.get_model(label)
    except LookupError:
        return None


def _the_rest(applications: list[Application]) -> dict:
    """Appointments, letters, messages and card status of these applications."""
    by_pk = {a.pk: a for a in applications}
    ids = list(by_pk)
    rest: dict = {"appointments": [], "letters": [], "messages": [], "cards": []}
    Appointment = _model("desks.Appointment")
    issued: dict[int, object] = {}
    if Appointment is not None:
        rest["appointments"] = list(
            Appointment.objects.filter(application_id__in=ids)
            .select_related("desk", "appointment_type", "application")
            .order_by("-starts_at")
        )
        for appointment in rest["appointments"]:
            if appointment.document_issued_at and appointment.application_id not in issued:
                issued[appointment.application_id] = appointment
    Decision = _model("decisions.Decision")
    granted: set[int] = set()
    if Decision is not None:
        notified = list(
            Decision.objects.filter(application_id__in=ids, notified_on__isnull=False)
            .select_related("application", "letter")
            .order_by("-notified_on", "-id")
        )
        rest["letters"] = notified
        granted = {
            d.application_id for d in notified if d.outcome in ("grant", "grant-differently")
        }
    messages: list[Message] = []
    Notification = _model("notifications.Notification")
    if Notification is not None:
        for note in Notification.objects.filter(application_id__in=ids).order_by("-created_at"):
            what = f"{note.get_kind_display()} ({note.get_state_display().lower()})"
            messages.append(Message(note.created_at, "to", by_pk[note.application_id], what))
    Request = _model("cases.InformationRequest")
    if Request is not None:
        for request in Request.objects.filter(application_id__in=ids):
            application = by_pk[request.application_id]
            messages.append(Message(request.requested_at, "to", application, request.what))
            if request.answered_at:
                messages.append(Message(request.answered_at, "from", application, request.answer))
    rest["messages"] = sorted(messages, key=lambda m: m.at, reverse=True)
    for application in applications:
        if application.pk in issued:
            visit = issued[application.pk]
            rest["cards"].append(
                CardStatus(
                    application,
                    _("Handed out"),
                    f"{visit.card_number}, {day(timezone.localdate(visit.document_issued_at))}",
                )
            )
        elif application.pk in granted:
            rest["cards"].append(CardStatus(application, _("Ready to collect")))
    return rest


def contact_moments_of(*, user, applicant: Applicant) -> list[ContactMoment]:
    """The person's contact log, newest first, leaving out every contact about an
    application the user may not see (what was said may be about that procedure)."""
    visible = applications_visible_to(user).values("pk")
    hidden = ContactMoment.applications.through.objects.filter(
        contactmoment=OuterRef("pk")
    ).exclude(application__in=visible)
    return list(
        ContactMoment.objects.filter(applicant=applicant)
        .exclude(Exists(hidden))
        .select_related("logged_by")
        .prefetch_related("applications")
        .order_by("-logged_at", "-id")
    )


def _open_requests_by_application(application_ids: list[int]) -> dict[int, list] | None:
    """Open information requests per application, or None where the installation does
    not have them (the model arrives with the request-information feature)."""
    try:
        model = django_apps.get_model("cases", "InformationRequest")
    except LookupError:
        return None
    is_open = Q(answered_at__isnull=True)
    if "expired_on" in {f.name for f in model._meta.get_fields()}:
        is_open &= Q(expired_on__isnull=True)
    found: dict[int, list] = {}
    for request in model.objects.filter(is_open, application_id__in=application_ids).order_by(
        "until", "pk"
    ):
        found.setdefault(request.application_id, []).append(request)
    return found
