"""REST API of persons: find one (POST with a body: identifiers never in a URL), the one
view of a person, and logging a contact.

Thin: the contact centre's selectors and service (`indigo.contacts`); a person is found
and shown only through an application the caller may see (`indigo.api.permissions`).
"""

from django.urls import reverse
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from indigo.api import permissions
from indigo.api.base import StrictInput, parse
from indigo.cases.access import application_view_record
from indigo.cases.models import Application
from indigo.contacts import selectors, services
from indigo.contacts.models import Channel
from indigo.decisions.selectors import letters_of
from indigo.desks.models import Appointment
from indigo.desks.selectors import appointments_of_applications

VIEW_CONTEXT = "api:persons_retrieve"

PERSON_EXAMPLE = {
    "id": 17,
    "given_names": "Valentina",
    "surname": "Restrepo Gómez",
    "date_of_birth": "2001-03-14",
    "nationality": "COL",
    "v_number": "1234567890",
}


class PersonOutput(serializers.Serializer):
    id = serializers.IntegerField()
    given_names = serializers.CharField()
    surname = serializers.CharField()
    date_of_birth = serializers.DateField()
    nationality = serializers.CharField()
    v_number = serializers.CharField()


class PersonSearchInput(StrictInput):
    v_number = serializers.CharField(required=False, allow_blank=True, max_length=10)
    surname = serializers.CharField(required=False, allow_blank=True, max_length=200)
    date_of_birth = serializers.DateField(required=False)
    reference = serializers.CharField(required=False, allow_blank=True, max_length=20)


class PersonSearchApi(APIView):
    @extend_schema(
        operation_id="persons_search",
        tags=["persons"],
        summary="Find a person",
        description=(
            "By V-number, by application reference, or by surname together with date of "
            "birth (the surname matches exactly, ignoring case and spaces). Only people "
            "with an application the caller may see are found; at most 25. A search is a "
            "POST with a body so that no personal identifier appears in a URL."
        ),
        request=PersonSearchInput,
        responses=PersonOutput(many=True),
        examples=[
            OpenApiExample(
                "By name and date of birth",
                value={"surname": "Restrepo Gómez", "date_of_birth": "2001-03-14"},
                request_only=True,
            ),
            OpenApiExample("Found", value=[PERSON_EXAMPLE], response_only=True),
        ],
    )
    def post(self, request):
        permissions.require(request.user, "persons_search")
        v = parse(PersonSearchInput, request.data)
        people = selectors.person_search(user=request.user, **v)
        return Response(PersonOutput(people, many=True).data)


class OpenRequestOutput(serializers.Serializer):
    id = serializers.IntegerField()
    what = serializers.CharField()
    until = serializers.DateField()


class PersonApplicationOutput(serializers.Serializer):
    reference = serializers.CharField(source="application.reference")
    product = serializers.CharField(source="application.product.code")
    status = serializers.CharField(source="application.status")
    received_on = serializers.DateField(source="application.received_on")
    decision_due = serializers.DateField(source="application.decision_due")
    days_left = serializers.IntegerField(source="deadline.days_left", allow_null=True)
    open_requests = OpenRequestOutput(many=True)


class PersonAppointmentOutput(serializers.Serializer):
    id = serializers.IntegerField()
    application = serializers.CharField(source="application.reference")
    desk = serializers.CharField(source="desk.code")
    purpose = serializers.CharField(source="appointment_type.code")
    starts_at = serializers.DateTimeField()
    state = serializers.ChoiceField(choices=Appointment.State.choices)


class PersonLetterOutput(serializers.Serializer):
    application = serializers.CharField(source="application.reference")
    outcome = serializers.CharField()
    notified_on = serializers.DateField()
    href = serializers.SerializerMethodField()

    def get_href(self, decision) -> str:
        path = reverse(
            "application-document-content",
            kwargs={"reference": decision.application.reference, "document_id": decision.letter_id},
        )
        return self.context["request"].build_absolute_uri(path)


class ContactOutput(serializers.Serializer):
    id = serializers.IntegerField()
    channel = serializers.ChoiceField(choices=Channel.choices)
    topic = serializers.CharField()
    notes = serializers.CharField()
    logged_at = serializers.DateTimeField()
    logged_by = serializers.CharField(source="logged_by.username")
    applications = serializers.SerializerMethodField()

    def get_applications(self, moment) -> list[str]:
        return sorted(a.reference for a in moment.applications.all())


class PersonOverviewOutput(serializers.Serializer):
    person = PersonOutput(source="applicant")
    applications = PersonApplicationOutput(many=True)
    appointments = PersonAppointmentOutput(many=True)
    letters = PersonLetterOutput(many=True)
    contacts = ContactOutput(many=True)


CONTACT_EXAMPLE = {
    "id": 3,
    "channel": "phone",
    "topic": "When will I hear?",
    "notes": "Explained the decision period; she will hear by 30 April.",
    "logged_at": "2026-03-02T10:00:00+01:00",
    "logged_by": "carla",
    "applications": ["IND-2026-000123"],
}


class PersonDetailApi(APIView):
    @extend_schema(
        operation_id="persons_retrieve",
        tags=["persons"],
        summary="The one view of a person",
        description=(
            "Everything the caller may see of this person: applications with their "
            "deadline and open requests, appointments, decision letters and the contact "
            "log (leaving out contacts about applications the caller may not see). A "
            "person with no application the caller may see is a 404. Every view is "
            "recorded."
        ),
        responses=PersonOverviewOutput,
        examples=[
            OpenApiExample(
                "A person",
                value={
                    "person": PERSON_EXAMPLE,
                    "applications": [
                        {
                            "reference": "IND-2026-000123",
                            "product": "study",
                            "status": "assessment",
                            "received_on": "2026-03-01",
                            "decision_due": "2026-04-30",
                            "days_left": 59,
                            "open_requests": [],
                        }
                    ],
                    "appointments": [],
                    "letters": [],
                    "contacts": [CONTACT_EXAMPLE],
                },
                response_only=True,
            )
        ],
    )
    def get(self, request, person_id: int):
        permissions.require(request.user, "persons_retrieve")
        overview = permissions.person_for(request.user, person_id)
        applications = [facts.application for facts in overview.applications]
        ids = [a.pk for a in applications]
        for application in applications:
            application_view_record(
                user=request.user, application=application, context=VIEW_CONTEXT
            )
        data = {
            "applicant": overview.applicant,
            "applications": overview.applications,
            "appointments": appointments_of_applications(application_ids=ids),
            "letters": letters_of(application_ids=ids),
            "contacts": overview.contacts,
        }
        return Response(PersonOverviewOutput(data, context={"request": request}).data)


class ContactInput(StrictInput):
    channel = serializers.ChoiceField(choices=Channel.values)
    topic = serializers.CharField(max_length=200)
    notes = serializers.CharField(max_length=8000)
    applications = serializers.ListField(
        child=serializers.CharField(max_length=20),
        allow_empty=False,
        help_text="The references of the applications the contact was about.",
    )


class PersonContactsApi(APIView):
    @extend_schema(
        operation_id="persons_contacts_create",
        tags=["persons"],
        summary="Log a contact",
        description=(
            "Log a contact with the person about some of their applications; it shows on "
            "the timeline of each. Only applications of this person the caller may see."
        ),
        request=ContactInput,
        responses={201: ContactOutput},
        examples=[
            OpenApiExample(
                "A phone call",
                value={
                    "channel": "phone",
                    "topic": "When will I hear?",
                    "notes": "Explained the decision period.",
                    "applications": ["IND-2026-000123"],
                },
                request_only=True,
            ),
            OpenApiExample(
                "Logged", value=CONTACT_EXAMPLE, response_only=True, status_codes=["201"]
            ),
        ],
    )
    def post(self, request, person_id: int):
        permissions.require(request.user, "persons_contacts_create")
        overview = permissions.person_for(request.user, person_id)
        v = parse(ContactInput, request.data)
        references = [r.strip().upper() for r in v["applications"]]
        found = dict(
            Application.objects.filter(reference__in=references).values_list("reference", "pk")
        )
        # An unknown reference becomes an id no application has, so the service refuses
        # it with the same answer as one the caller may not see.
        moment = services.contact_log(
            actor=request.user,
            applicant=overview.applicant,
            channel=v["channel"],
            topic=v["topic"],
            notes=v["notes"],
            applications=[found.get(reference, 0) for reference in references],
        )
        return Response(ContactOutput(moment).data, status=201)
