"""REST API of objections on an application (thin: parse, call a service, present)."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from indigo.cases import selectors as case_selectors
from indigo.cases.models import Application
from indigo.errors import InvalidInput
from indigo.objections import selectors, services
from indigo.objections.models import Objection


def visible_application(request, reference: str) -> Application:
    try:
        return case_selectors.application_get(user=request.user, reference=reference)
    except Application.DoesNotExist:
        raise NotFound(
            _("No application with reference %(reference)s that you can see.")
            % {"reference": reference}
        ) from None


class ObjectionInput(serializers.Serializer):
    lodged_on = serializers.DateField()
    grounds = serializers.CharField(max_length=10000)
    by = serializers.ChoiceField(choices=Objection.By.choices, default=Objection.By.APPLICANT)
    representative = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=200
    )
    authorisation = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=300,
        help_text="Required for a representative: how they showed they may act.",
    )
    advisory_committee = serializers.BooleanField(required=False, default=False)


class ObjectionOutput(serializers.Serializer):
    id = serializers.IntegerField()
    lodged_on = serializers.DateField()
    objection_period_ends = serializers.DateField()
    late = serializers.BooleanField()
    admissibility = serializers.CharField()
    by = serializers.CharField()
    representative = serializers.CharField()
    authorisation = serializers.CharField()
    advisory_committee = serializers.BooleanField()
    decision_due = serializers.DateField()
    adjourned_on = serializers.DateField()
    hearing_on = serializers.DateField()
    hearing_held_on = serializers.DateField()
    minutes_document = serializers.IntegerField(source="minutes_id")
    hearing_waived = serializers.CharField()
    outcome = serializers.CharField()
    decided_on = serializers.DateField()


OBJECTION_EXAMPLE = {
    "id": 7,
    "lodged_on": "2026-03-02",
    "objection_period_ends": "2026-03-30",
    "late": False,
    "admissibility": "",
    "by": "applicant",
    "representative": "",
    "authorisation": "",
    "advisory_committee": False,
    "decision_due": "2026-05-11",
    "adjourned_on": None,
    "hearing_on": None,
    "hearing_held_on": None,
    "minutes_document": None,
    "hearing_waived": "",
    "outcome": "",
    "decided_on": None,
}


class ObjectionListApi(APIView):
    @extend_schema(
        operation_id="objections_list",
        tags=["objections"],
        summary="The objections against the application's decision",
        description=(
            "Every objection (bezwaar) registered on the application, with its periods, "
            "hearing and outcome. An application you cannot see is a 404."
        ),
        responses=ObjectionOutput(many=True),
        examples=[OpenApiExample("Objections", value=[OBJECTION_EXAMPLE], response_only=True)],
    )
    def get(self, request, reference: str):
        application = visible_application(request, reference)
        return Response(
            ObjectionOutput(selectors.objections_of(application=application), many=True).data
        )

    @extend_schema(
        operation_id="objections_create",
        tags=["objections"],
        summary="Register an objection",
        request=ObjectionInput,
        responses={201: ObjectionOutput},
        examples=[
            OpenApiExample(
                "An objection by the applicant",
                value={"lodged_on": "2026-03-02", "grounds": "My admission letter was overlooked."},
                request_only=True,
            ),
            OpenApiExample(
                "Registered", value=OBJECTION_EXAMPLE, response_only=True, status_codes=["201"]
            ),
        ],
        description=(
            "Register an objection (bezwaar) against the notified decision. A late objection "
            "is registered with `late: true` and `admissibility: to-decide`. 409 with code "
            "`remedy-is-appeal` where the remedy is an appeal to the court."
        ),
    )
    def post(self, request, reference: str):
        application = visible_application(request, reference)
        data = ObjectionInput(data=request.data)
        data.is_valid(raise_exception=True)
        objection = services.objection_register(
            actor=request.user, application=application, **data.validated_data
        )
        return Response(ObjectionOutput(objection).data, status=status.HTTP_201_CREATED)


def _objection(request, reference: str, objection_id: int) -> Objection:
    application = visible_application(request, reference)
    objection = application.objections.filter(pk=objection_id).first()
    if objection is None:
        raise NotFound(_("This application has no objection %(id)s.") % {"id": objection_id})
    return objection


class ObjectionDetailApi(APIView):
    @extend_schema(
        operation_id="objections_retrieve",
        tags=["objections"],
        summary="An objection",
        description="One objection on the application, with its periods, hearing and outcome.",
        responses=ObjectionOutput,
        examples=[OpenApiExample("An objection", value=OBJECTION_EXAMPLE, response_only=True)],
    )
    def get(self, request, reference: str, objection_id: int):
        return Response(ObjectionOutput(_objection(request, reference, objection_id)).data)


class ScheduleHearingInput(serializers.Serializer):
    hearing_on = serializers.DateField()


class RecordHearingInput(serializers.Serializer):
    held_on = serializers.DateField()
    minutes = serializers.FileField(allow_empty_file=True, use_url=False)


class WaiveHearingInput(serializers.Serializer):
    ground = serializers.ChoiceField(choices=Objection.WaiverGround.choices)
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)


class AdjournInput(serializers.Serializer):
    reason = serializers.CharField(max_length=4000)
    agreed_extra_weeks = serializers.IntegerField(required=False, default=0, min_value=0)


class DecideInput(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Objection.Outcome.choices)
    reason = serializers.CharField(max_length=10000)


ACTIONS = {
    "schedule-hearing": (ScheduleHearingInput, services.objection_hearing_schedule),
    "record-hearing": (RecordHearingInput, services.objection_hearing_record),
    "waive-hearing": (WaiveHearingInput, services.objection_hearing_waive),
    "adjourn": (AdjournInput, services.objection_adjourn),
    "decide": (DecideInput, services.objection_decide),
}


class ObjectionActionApi(APIView):
    parser_classes = [JSONParser, MultiPartParser]

    @extend_schema(
        operation_id="objections_action",
        tags=["objections"],
        summary="Act on an objection: hearing, adjourn, decide",
        examples=[
            OpenApiExample(
                "decide",
                value={"outcome": "well-founded", "reason": "The admission letter shows it."},
                request_only=True,
            ),
            OpenApiExample(
                "Decided",
                value=OBJECTION_EXAMPLE | {"outcome": "well-founded", "decided_on": "2026-03-20"},
                response_only=True,
            ),
        ],
        parameters=[OpenApiParameter("action", str, OpenApiParameter.PATH, enum=sorted(ACTIONS))],
        request={
            "application/json": DecideInput,
            "multipart/form-data": RecordHearingInput,
        },
        responses={200: ObjectionOutput},
        description=(
            "An action on one objection: `schedule-hearing` {hearing_on}; `record-hearing` "
            "(multipart) {held_on, minutes: PDF}; `waive-hearing` {ground (Awb 7:3), reason}; "
            "`adjourn` {reason, agreed_extra_weeks} (Awb 7:10(3),(4)); `decide` {outcome, "
            "reason}: the application moves on to its decision on the objection."
        ),
    )
    def post(self, request, reference: str, objection_id: int, action: str):
        objection = _objection(request, reference, objection_id)
        if action not in ACTIONS:
            raise InvalidInput(
                _("There is no action '%(action)s'. Choose one of: %(actions)s.")
                % {"action": action, "actions": ", ".join(sorted(ACTIONS))},
                field="action",
            )
        serializer, service = ACTIONS[action]
        data = serializer(data=request.data)
        data.is_valid(raise_exception=True)
        objection = service(actor=request.user, objection=objection, **data.validated_data)
        objection.refresh_from_db()
        return Response(ObjectionOutput(objection).data)
