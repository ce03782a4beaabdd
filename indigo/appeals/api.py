"""REST API of appeals on an application (thin: parse, call a service, present)."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from indigo.appeals import services
from indigo.appeals.models import Appeal
from indigo.errors import InvalidInput
from indigo.objections.api import visible_application


class AppealInput(serializers.Serializer):
    level = serializers.ChoiceField(choices=Appeal.Level.choices, default=Appeal.Level.APPEAL)
    court = serializers.CharField(max_length=200)
    case_number = serializers.CharField(required=False, allow_blank=True, default="", max_length=60)
    lodged_on = serializers.DateField()
    hearing_on = serializers.DateField(required=False, allow_null=True, default=None)
    process_representative = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="Username of the staff member who represents the agency in court.",
    )


class AppealOutput(serializers.Serializer):
    id = serializers.IntegerField()
    level = serializers.CharField()
    court = serializers.CharField()
    case_number = serializers.CharField()
    lodged_on = serializers.DateField()
    hearing_on = serializers.DateField()
    process_representative = serializers.CharField(
        source="process_representative.username", default=None
    )
    measure_requested_on = serializers.DateField()
    measure_outcome = serializers.CharField()
    measure_decided_on = serializers.DateField()
    judgment_on = serializers.DateField()
    outcome = serializers.CharField()
    new_decision_by = serializers.DateField()


def _representative(username: str):
    if not username:
        return None
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise InvalidInput(
            _("There is no member of staff '%(name)s'.") % {"name": username},
            field="process_representative",
        )
    return user


APPEAL_EXAMPLE = {
    "id": 3,
    "level": "appeal",
    "court": "Rechtbank Den Haag, zittingsplaats Zwolle",
    "case_number": "NL26.1234",
    "lodged_on": "2026-03-02",
    "hearing_on": "2026-05-12",
    "process_representative": "procesvertegenwoordiger",
    "measure_requested_on": None,
    "measure_outcome": "",
    "measure_decided_on": None,
    "judgment_on": None,
    "outcome": "",
    "new_decision_by": None,
}


class AppealListApi(APIView):
    @extend_schema(
        operation_id="appeals_list",
        tags=["appeals"],
        summary="The appeals against the application's decision",
        description=(
            "Every appeal (beroep) and higher appeal (hoger beroep) registered on the "
            "application, with the provisional measure and the judgment. An application you "
            "cannot see is a 404."
        ),
        responses=AppealOutput(many=True),
        examples=[OpenApiExample("Appeals", value=[APPEAL_EXAMPLE], response_only=True)],
    )
    def get(self, request, reference: str):
        application = visible_application(request, reference)
        appeals = application.appeals.select_related("process_representative")
        return Response(AppealOutput(appeals, many=True).data)

    @extend_schema(
        operation_id="appeals_create",
        tags=["appeals"],
        summary="Register an appeal",
        request=AppealInput,
        responses={201: AppealOutput},
        examples=[
            OpenApiExample(
                "An appeal at the district court",
                value={
                    "court": "Rechtbank Den Haag, zittingsplaats Zwolle",
                    "case_number": "NL26.1234",
                    "lodged_on": "2026-03-02",
                    "hearing_on": "2026-05-12",
                },
                request_only=True,
            ),
            OpenApiExample(
                "Registered", value=APPEAL_EXAMPLE, response_only=True, status_codes=["201"]
            ),
        ],
        description=(
            "Register an appeal (beroep) or higher appeal (hoger beroep). 409 with code "
            "`remedy-is-objection` where the decision must first be objected to; 400 when "
            "the court hearing is before the lodging date."
        ),
    )
    def post(self, request, reference: str):
        application = visible_application(request, reference)
        data = AppealInput(data=request.data)
        data.is_valid(raise_exception=True)
        v = dict(data.validated_data)
        v["process_representative"] = _representative(v.pop("process_representative"))
        appeal = services.appeal_lodge(actor=request.user, application=application, **v)
        return Response(AppealOutput(appeal).data, status=status.HTTP_201_CREATED)


def _appeal(request, reference: str, appeal_id: int) -> Appeal:
    application = visible_application(request, reference)
    appeal = application.appeals.filter(pk=appeal_id).first()
    if appeal is None:
        raise NotFound(_("This application has no appeal %(id)s.") % {"id": appeal_id})
    return appeal


class AppealDetailApi(APIView):
    @extend_schema(
        operation_id="appeals_retrieve",
        tags=["appeals"],
        summary="An appeal",
        description="One appeal on the application, with its hearing, measure and judgment.",
        responses=AppealOutput,
        examples=[OpenApiExample("An appeal", value=APPEAL_EXAMPLE, response_only=True)],
    )
    def get(self, request, reference: str, appeal_id: int):
        return Response(AppealOutput(_appeal(request, reference, appeal_id)).data)


class HearingInput(serializers.Serializer):
    hearing_on = serializers.DateField()


class MeasureRequestInput(serializers.Serializer):
    requested_on = serializers.DateField()


class MeasureDecisionInput(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Appeal.MeasureOutcome.choices)
    decided_on = serializers.DateField()


class JudgmentInput(serializers.Serializer):
    judgment_on = serializers.DateField()
    outcome = serializers.ChoiceField(choices=Appeal.Outcome.choices)
    new_decision_by = serializers.DateField(required=False, allow_null=True, default=None)
    penalty_eur_per_day = serializers.DecimalField(
        max_digits=8, decimal_places=2, required=False, allow_null=True, default=None
    )
    penalty_max_eur = serializers.DecimalField(
        max_digits=10, decimal_places=2, required=False, allow_null=True, default=None
    )


ACTIONS = {
    "schedule-hearing": (HearingInput, services.appeal_hearing_schedule),
    "request-provisional-measure": (MeasureRequestInput, services.provisional_measure_request),
    "decide-provisional-measure": (MeasureDecisionInput, services.provisional_measure_decide),
    "record-judgment": (JudgmentInput, services.appeal_judgment_record),
}


class AppealActionApi(APIView):
    @extend_schema(
        operation_id="appeals_action",
        tags=["appeals"],
        summary="Act on an appeal: hearing, provisional measure, judgment",
        examples=[
            OpenApiExample(
                "record-judgment",
                value={
                    "judgment_on": "2026-06-01",
                    "outcome": "well-founded",
                    "new_decision_by": "2026-07-13",
                },
                request_only=True,
            ),
            OpenApiExample(
                "Judgment recorded",
                value=APPEAL_EXAMPLE
                | {
                    "judgment_on": "2026-06-01",
                    "outcome": "well-founded",
                    "new_decision_by": "2026-07-13",
                },
                response_only=True,
            ),
        ],
        parameters=[OpenApiParameter("action", str, OpenApiParameter.PATH, enum=sorted(ACTIONS))],
        request=JudgmentInput,
        responses={200: AppealOutput},
        description=(
            "An action on one appeal: `schedule-hearing` {hearing_on}; "
            "`request-provisional-measure` {requested_on}; `decide-provisional-measure` "
            "{outcome, decided_on}; `record-judgment` {judgment_on, outcome, new_decision_by, "
            "penalty_eur_per_day, penalty_max_eur}: a new decision ordered reopens the "
            "application with the court's period as its decision due."
        ),
    )
    def post(self, request, reference: str, appeal_id: int, action: str):
        appeal = _appeal(request, reference, appeal_id)
        if action not in ACTIONS:
            raise InvalidInput(
                _("There is no action '%(action)s'. Choose one of: %(actions)s.")
                % {"action": action, "actions": ", ".join(sorted(ACTIONS))},
                field="action",
            )
        serializer, service = ACTIONS[action]
        data = serializer(data=request.data)
        data.is_valid(raise_exception=True)
        appeal = service(actor=request.user, appeal=appeal, **data.validated_data)
        appeal.refresh_from_db()
        return Response(AppealOutput(appeal).data)
