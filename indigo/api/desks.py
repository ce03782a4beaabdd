"""REST API of the desks: desks and their free slots, appointments and the desk visit.

Thin: the same services as the applicant's booking screens and the desk screens
(`indigo.desks.services`); who may call what is asked of `indigo.api.permissions`.
"""

from datetime import timedelta

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from indigo import clock
from indigo.api import permissions
from indigo.api.base import FilterInput, StrictInput, parse
from indigo.cases.services import UnknownAction
from indigo.desks import services
from indigo.desks import slots as schedule
from indigo.desks.models import Appointment, AppointmentType, Desk
from indigo.desks.selectors import appointment_actions, works_at
from indigo.errors import Conflict, InvalidInput

ACTIONS = ("move", "cancel", "identify", "biometrics", "hand-out", "no-show")
DESK_ACTIONS = ("identify", "biometrics", "hand-out", "no-show")
MAX_DAYS = 31


class PurposeOutput(serializers.Serializer):
    code = serializers.CharField(source="appointment_type.code")
    name_en = serializers.CharField(source="appointment_type.name_en")
    name_nl = serializers.CharField(source="appointment_type.name_nl")
    duration_minutes = serializers.IntegerField(source="appointment_type.duration_minutes")
    seats = serializers.IntegerField(help_text="Counters per slot.")


class DeskOutput(serializers.Serializer):
    code = serializers.CharField()
    kind = serializers.ChoiceField(choices=Desk.Kind.choices)
    name_en = serializers.CharField()
    name_nl = serializers.CharField()
    city = serializers.CharField(source="location.city")
    address = serializers.CharField()
    products = serializers.ListField(
        child=serializers.CharField(), help_text="Products it serves; empty: all."
    )
    purposes = PurposeOutput(many=True, source="capacities.all")


DESK_EXAMPLE = {
    "code": "den-haag",
    "kind": "regular",
    "name_en": "IND desk Den Haag",
    "name_nl": "IND-loket Den Haag",
    "city": "Den Haag",
    "address": "Rijnstraat 8",
    "products": [],
    "purposes": [
        {
            "code": "collect-residence-document",
            "name_en": "Collect residence document",
            "name_nl": "Verblijfsdocument ophalen",
            "duration_minutes": 10,
            "seats": 1,
        }
    ],
}


class DeskListApi(APIView):
    @extend_schema(
        operation_id="desks_list",
        tags=["desks"],
        summary="List the desks",
        description="The desks that take appointments, with what one can come for.",
        responses=DeskOutput(many=True),
        examples=[OpenApiExample("Desks", value=[DESK_EXAMPLE], response_only=True)],
    )
    def get(self, request):
        permissions.require(request.user, "desks_list")
        desks = (
            Desk.objects.filter(active=True)
            .select_related("location")
            .prefetch_related("capacities__appointment_type")
        )
        return Response(DeskOutput(desks, many=True).data)


class SlotFilterInput(FilterInput):
    purpose = serializers.SlugField(help_text="The appointment type, e.g. `biometrics`.")
    start = serializers.DateField(required=False, help_text="First day (default today).")
    end = serializers.DateField(required=False, help_text="Last day (default a week on).")

    def validate(self, data):
        start = data.get("start") or clock.today()
        end = data.get("end") or start + timedelta(days=6)
        if end < start:
            raise serializers.ValidationError({"end": _("The last day is before the first.")})
        if (end - start).days >= MAX_DAYS:
            raise serializers.ValidationError(
                {"end": _("Ask for at most %(days)d days at once.") % {"days": MAX_DAYS}}
            )
        return data | {"start": start, "end": end}


class SlotOutput(serializers.Serializer):
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    free = serializers.IntegerField(help_text="Free seats.")


class DeskSlotsApi(APIView):
    @extend_schema(
        operation_id="desks_slots",
        tags=["desks"],
        summary="Free slots of a desk",
        description=(
            "The times that can be booked now for one purpose, between `start` and `end` "
            "(at most 31 days), in the agency's time zone (Europe/Amsterdam)."
        ),
        parameters=[
            OpenApiParameter("purpose", str, required=True),
            OpenApiParameter("start", OpenApiTypes.DATE),
            OpenApiParameter("end", OpenApiTypes.DATE),
        ],
        responses=SlotOutput(many=True),
        examples=[
            OpenApiExample(
                "Slots",
                value=[
                    {
                        "starts_at": "2026-03-03T09:00:00+01:00",
                        "ends_at": "2026-03-03T09:15:00+01:00",
                        "free": 2,
                    }
                ],
                response_only=True,
            )
        ],
    )
    def get(self, request, code: str):
        permissions.require(request.user, "desks_slots")
        desk = Desk.objects.filter(code=code, active=True).first()
        if desk is None:
            raise NotFound(_("There is no desk %(code)s.") % {"code": code})
        v = parse(SlotFilterInput, request.query_params)
        purpose = _purpose(v["purpose"], desk=desk)
        plan = schedule.Plan(desk=desk, appointment_type=purpose, first=v["start"], last=v["end"])
        found, day = [], v["start"]
        while day <= v["end"]:
            found += plan.free_slots(day)
            day += timedelta(days=1)
        return Response(SlotOutput(found, many=True).data)


def _purpose(code: str, *, desk: Desk | None = None) -> AppointmentType:
    kind = AppointmentType.objects.filter(code=code).first()
    if kind is None or (
        desk is not None and not desk.capacities.filter(appointment_type=kind).exists()
    ):
        raise InvalidInput(
            _("There are no appointments for “%(code)s” here. Choose one of the desk's purposes.")
            % {"code": code},
            field="purpose",
        )
    return kind


def _desk(code: str) -> Desk:
    desk = Desk.objects.filter(code=code).first()
    if desk is None:
        raise InvalidInput(_("There is no desk %(code)s.") % {"code": code}, field="desk")
    return desk


class AppointmentOutput(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField(help_text="The appointment code the applicant brings.")
    application = serializers.CharField(source="application.reference")
    desk = serializers.CharField(source="desk.code")
    purpose = serializers.CharField(source="appointment_type.code")
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    state = serializers.ChoiceField(choices=Appointment.State.choices)
    identified_at = serializers.DateTimeField()
    identity_document = serializers.CharField()
    biometrics_at = serializers.DateTimeField()
    document_issued_at = serializers.DateTimeField()
    card_number = serializers.CharField()
    moved_to = serializers.IntegerField(source="moved_to_id", allow_null=True)
    possible_actions = serializers.SerializerMethodField()

    def get_possible_actions(self, appointment) -> list[str]:
        return _possible(self.context["request"].user, appointment)


def _possible(user, appointment: Appointment) -> list[str]:
    at_desk = None
    actions = []
    for action in appointment_actions(appointment=appointment):
        if not permissions.may(user, "appointments_action", action):
            continue
        if action in DESK_ACTIONS:
            at_desk = works_at(user=user, desk=appointment.desk) if at_desk is None else at_desk
            if not at_desk:
                continue
        actions.append(action)
    return actions


APPOINTMENT_EXAMPLE = {
    "id": 9,
    "code": "K7P2QX4M",
    "application": "IND-2026-000123",
    "desk": "den-haag",
    "purpose": "collect-residence-document",
    "starts_at": "2026-08-10T09:00:00+02:00",
    "ends_at": "2026-08-10T09:10:00+02:00",
    "state": "booked",
    "identified_at": None,
    "identity_document": "",
    "biometrics_at": None,
    "document_issued_at": None,
    "card_number": "",
    "moved_to": None,
    "possible_actions": ["move", "cancel"],
}


class AppointmentInput(StrictInput):
    application = serializers.CharField(max_length=20, help_text="The application's reference.")
    desk = serializers.SlugField(help_text="The desk's code.")
    purpose = serializers.SlugField(help_text="The appointment type's code.")
    starts_at = serializers.DateTimeField(help_text="One of the desk's free slots.")


class AppointmentListApi(APIView):
    @extend_schema(
        operation_id="appointments_create",
        tags=["desks"],
        summary="Book an appointment",
        description=(
            "Book a free slot for an application: the applicant for their own, or staff "
            "for an application they may see. Never overbooked: a full slot is a 409."
        ),
        request=AppointmentInput,
        responses={201: AppointmentOutput},
        examples=[
            OpenApiExample(
                "Book",
                value={
                    "application": "IND-2026-000123",
                    "desk": "den-haag",
                    "purpose": "collect-residence-document",
                    "starts_at": "2026-08-10T09:00:00+02:00",
                },
                request_only=True,
            ),
            OpenApiExample(
                "Booked", value=APPOINTMENT_EXAMPLE, response_only=True, status_codes=["201"]
            ),
        ],
    )
    def post(self, request):
        permissions.require(request.user, "appointments_create")
        v = parse(AppointmentInput, request.data)
        try:
            application = permissions.application_for(request.user, v["application"])
        except NotFound as exc:
            raise InvalidInput(str(exc.detail), field="application") from None
        appointment = services.appointment_book(
            actor=request.user,
            application=application,
            desk=_desk(v["desk"]),
            appointment_type=_purpose(v["purpose"]),
            starts_at=v["starts_at"],
        )
        appointment = permissions.appointment_for(request.user, appointment.pk)
        return Response(
            AppointmentOutput(appointment, context={"request": request}).data, status=201
        )


class AppointmentDetailApi(APIView):
    @extend_schema(
        operation_id="appointments_retrieve",
        tags=["desks"],
        summary="Get an appointment",
        description="One appointment, with what the caller can do with it now.",
        responses=AppointmentOutput,
        examples=[OpenApiExample("Booked", value=APPOINTMENT_EXAMPLE, response_only=True)],
    )
    def get(self, request, appointment_id: int):
        permissions.require(request.user, "appointments_retrieve")
        appointment = permissions.appointment_for(request.user, appointment_id)
        return Response(AppointmentOutput(appointment, context={"request": request}).data)


class AppointmentActionInput(StrictInput):
    desk = serializers.SlugField(required=False, help_text="move: the new desk (default same).")
    starts_at = serializers.DateTimeField(required=False, help_text="move: the new time.")
    document = serializers.ChoiceField(
        choices=Appointment.IdentityDocument.values,
        required=False,
        help_text="identify: the travel document checked.",
    )
    checked = serializers.BooleanField(
        required=False, help_text="identify: the person matches the document."
    )
    card_number = serializers.CharField(
        required=False, max_length=20, help_text="hand-out: the residence card's number."
    )


class AppointmentActionApi(APIView):
    @extend_schema(
        operation_id="appointments_action",
        tags=["desks"],
        summary="Move, cancel, or record the desk visit",
        description=(
            "`move` (`starts_at`, optionally `desk`): cancel and book again in one step, "
            "answered with the new appointment. `cancel`. At the desk, by its staff: "
            "`identify` (`document`, `checked`), `biometrics`, `hand-out` (`card_number`), "
            "`no-show`. A step not possible now is a 409 listing `possibleActions`."
        ),
        parameters=[OpenApiParameter("action", str, OpenApiParameter.PATH, enum=ACTIONS)],
        request=AppointmentActionInput,
        responses=AppointmentOutput,
        examples=[
            OpenApiExample(
                "Identify", value={"document": "passport", "checked": True}, request_only=True
            ),
            OpenApiExample("Hand out", value={"card_number": "V123AL568"}, request_only=True),
            OpenApiExample(
                "Attended",
                value=APPOINTMENT_EXAMPLE | {"state": "attended", "possible_actions": []},
                response_only=True,
            ),
        ],
    )
    def post(self, request, appointment_id: int, action: str):
        if action not in ACTIONS:
            raise UnknownAction(
                _("There is no action '%(action)s'. Choose one of: %(actions)s.")
                % {"action": action, "actions": ", ".join(ACTIONS)},
                field="action",
            )
        permissions.require(request.user, "appointments_action", action)
        appointment = permissions.appointment_for(request.user, appointment_id)
        v = parse(AppointmentActionInput, request.data)
        actor = request.user
        try:
            if action == "move":
                if "starts_at" not in v:
                    raise InvalidInput(_("Give the new time."), field="starts_at")
                desk = _desk(v["desk"]) if v.get("desk") else appointment.desk
                appointment = services.appointment_move(
                    actor=actor, appointment=appointment, desk=desk, starts_at=v["starts_at"]
                )
            elif action == "cancel":
                services.appointment_cancel(actor=actor, appointment=appointment)
            elif action == "identify":
                services.appointment_identify(
                    actor=actor,
                    appointment=appointment,
                    document=v.get("document", ""),
                    checked=v.get("checked", False),
                )
            elif action == "biometrics":
                services.biometrics_record(actor=actor, appointment=appointment)
            elif action == "hand-out":
                services.residence_document_issue(
                    actor=actor, appointment=appointment, card_number=v.get("card_number", "")
                )
            else:
                services.appointment_no_show_record(actor=actor, appointment=appointment)
        except Conflict as exc:
            appointment.refresh_from_db()
            exc.possible_actions = _possible(actor, appointment)
            raise
        appointment = permissions.appointment_for(actor, appointment.pk)
        return Response(AppointmentOutput(appointment, context={"request": request}).data)
