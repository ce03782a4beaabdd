"""REST API of notices of default and the penalty on a day (thin: parse, call, present)."""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from indigo import clock
from indigo.accounts.roles import is_staff_member
from indigo.cases import selectors as case_selectors
from indigo.cases.models import Application
from indigo.errors import NotAllowed
from indigo.penalties import selectors, services


def visible_application(request, reference: str) -> Application:
    try:
        return case_selectors.application_get(user=request.user, reference=reference)
    except Application.DoesNotExist:
        raise NotFound(
            _("No application with reference %(reference)s that you can see.")
            % {"reference": reference}
        ) from None


class NoticeInput(serializers.Serializer):
    received_on = serializers.DateField(help_text="The day the agency received the notice.")
    sender = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)


class NoticeOutput(serializers.Serializer):
    id = serializers.IntegerField()
    received_on = serializers.DateField()
    period_ends = serializers.DateField()
    premature = serializers.BooleanField()
    sender = serializers.CharField()
    message = serializers.SerializerMethodField()

    def get_message(self, notice) -> str:
        if notice.premature:
            return _(
                "Registered. The decision period had not passed when this notice was "
                "received (it ends on %(date)s), so no penalty can start from it."
            ) % {"date": notice.period_ends.isoformat()}
        return _("Registered.")


class PenaltyPartOutput(serializers.Serializer):
    state = serializers.CharField()
    starts_on = serializers.DateField()
    last_possible_day = serializers.DateField()
    days = serializers.IntegerField()
    amount_eur = serializers.DecimalField(source="amount", max_digits=10, decimal_places=2)
    maximum_eur = serializers.DecimalField(source="maximum", max_digits=10, decimal_places=2)
    fix_by = serializers.DateField(
        help_text="Awb 4:18: the amount is to be set by decision by this day.", default=None
    )


class CourtPenaltyOutput(PenaltyPartOutput):
    court = serializers.CharField()
    case_number = serializers.CharField()
    decide_by = serializers.DateField()
    eur_per_day = serializers.DecimalField(max_digits=8, decimal_places=2)


class PenaltyOutput(serializers.Serializer):
    on = serializers.DateField()
    notice_received_on = serializers.DateField(source="notice.received_on", default=None)
    decided_on = serializers.DateField()
    administrative = PenaltyPartOutput()
    earlier = PenaltyPartOutput(many=True, help_text="Penalties of earlier decisions.")
    court = serializers.SerializerMethodField()
    total_eur = serializers.DecimalField(source="total", max_digits=10, decimal_places=2)
    source = serializers.CharField(source="rules.source", default=None)
    exemption_source = serializers.CharField(source="rules.exemption_source", default=None)

    def get_court(self, result) -> CourtPenaltyOutput(many=True):
        return [
            {
                **PenaltyPartOutput(penalty).data,
                "court": ordered.court,
                "case_number": ordered.case_number,
                "decide_by": ordered.decide_by.isoformat(),
                "eur_per_day": str(ordered.eur_per_day),
            }
            for ordered, penalty in result.court
        ]


class PenaltyQueryInput(serializers.Serializer):
    on = serializers.DateField(required=False)


def _staff_only(request) -> None:
    if not is_staff_member(request.user):
        raise NotAllowed(_("Only staff can see and register notices of default."))


NOTICE_EXAMPLE = {
    "id": 4,
    "received_on": "2026-06-18",
    "period_ends": "2026-06-15",
    "premature": False,
    "sender": "Mr. A. de Vries, advocaat",
    "message": "Registered.",
}


class NoticeOfDefaultListApi(APIView):
    @extend_schema(
        operation_id="notices_of_default_list",
        tags=["penalties"],
        summary="The notices of default on an application",
        description=(
            "Every notice of default (ingebrekestelling) registered on the application, and "
            "whether it came before the decision period had passed. Staff only."
        ),
        responses=NoticeOutput(many=True),
        examples=[OpenApiExample("Notices", value=[NOTICE_EXAMPLE], response_only=True)],
    )
    def get(self, request, reference: str):
        _staff_only(request)
        application = visible_application(request, reference)
        return Response(NoticeOutput(application.notices_of_default.all(), many=True).data)

    @extend_schema(
        operation_id="notices_of_default_create",
        tags=["penalties"],
        summary="Register a notice of default",
        request=NoticeInput,
        responses={201: NoticeOutput},
        examples=[
            OpenApiExample(
                "A notice by a lawyer",
                value={"received_on": "2026-06-18", "sender": "Mr. A. de Vries, advocaat"},
                request_only=True,
            ),
            OpenApiExample(
                "Registered", value=NOTICE_EXAMPLE, response_only=True, status_codes=["201"]
            ),
        ],
        description=(
            "Register a notice of default (ingebrekestelling, Awb 4:17). A notice received "
            "before the decision period passed is registered with `premature: true` and a "
            "message that no penalty can start from it."
        ),
    )
    def post(self, request, reference: str):
        _staff_only(request)
        application = visible_application(request, reference)
        data = NoticeInput(data=request.data)
        data.is_valid(raise_exception=True)
        notice = services.notice_of_default_register(
            actor=request.user, application=application, **data.validated_data
        )
        return Response(NoticeOutput(notice).data, status=status.HTTP_201_CREATED)


class PenaltyApi(APIView):
    @extend_schema(
        operation_id="penalty_retrieve",
        tags=["penalties"],
        summary="The penalty for a late decision on a day",
        examples=[
            OpenApiExample(
                "Day 20 of the penalty",
                value={
                    "on": "2026-07-21",
                    "notice_received_on": "2026-06-18",
                    "decided_on": None,
                    "administrative": {
                        "state": "running",
                        "starts_on": "2026-07-02",
                        "last_possible_day": "2026-10-13",
                        "days": 20,
                        "amount_eur": "460.00",
                        "maximum_eur": "1442.00",
                    },
                    "court": [],
                    "total_eur": "460.00",
                    "source": "Awb art. 4:17",
                    "exemption_source": None,
                },
                response_only=True,
            )
        ],
        parameters=[
            OpenApiParameter(
                "on", OpenApiTypes.DATE, description="The day to compute for (default: today)."
            )
        ],
        responses=PenaltyOutput,
        description=(
            "The penalty for a late decision on a day: its first day, the days counted "
            "and the amount (Awb 4:17), and any penalty a court set."
        ),
    )
    def get(self, request, reference: str):
        _staff_only(request)
        application = visible_application(request, reference)
        query = PenaltyQueryInput(data=request.query_params)
        query.is_valid(raise_exception=True)
        on = query.validated_data.get("on") or clock.today()
        result = selectors.penalty_of(application=application, on=on)
        return Response(PenaltyOutput(result).data)
