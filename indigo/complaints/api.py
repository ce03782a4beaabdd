"""REST API of complaints (thin: parse, call a service, present)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from indigo.accounts.roles import is_staff_member
from indigo.complaints import selectors, services
from indigo.complaints.models import Complaint
from indigo.errors import InvalidInput


class ComplaintInput(serializers.Serializer):
    category = serializers.ChoiceField(choices=Complaint.Category.choices)
    description = serializers.CharField(max_length=10000)
    complainant_name = serializers.CharField(max_length=200)
    # No `default=""`: an empty default is not a valid e-mail address in the OpenAPI
    # document; the view fills it in.
    email = serializers.EmailField(required=False, allow_blank=True)
    phone = serializers.CharField(required=False, allow_blank=True, default="", max_length=40)
    postal_address = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=1000
    )
    application = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Reference, if it is about one."
    )
    language = serializers.ChoiceField(
        choices=[code for code, _name in settings.LANGUAGES], required=False, default="nl"
    )
    channel = serializers.ChoiceField(
        choices=Complaint.Channel.choices,
        required=False,
        help_text="Staff only: how it reached us (contact-centre, desk, post). Default `api`.",
    )
    received_on = serializers.DateField(required=False, help_text="Staff only (post).")
    advisory_committee = serializers.BooleanField(required=False, default=False)


class ComplaintOutput(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    category = serializers.CharField()
    channel = serializers.CharField()
    application = serializers.CharField(source="application.reference", default=None)
    received_on = serializers.DateField()
    acknowledged_on = serializers.DateField()
    answer_due = serializers.DateField()
    handler = serializers.CharField(source="handler.username", default=None)
    hearing = serializers.CharField()
    extended_on = serializers.DateField()
    answered_on = serializers.DateField()
    outcome = serializers.CharField()
    answer = serializers.CharField()


COMPLAINT_EXAMPLE = {
    "id": 12,
    "number": "K-12",
    "category": "handling-time",
    "channel": "api",
    "application": "IND-2026-000123",
    "received_on": "2026-03-02",
    "acknowledged_on": "2026-03-02",
    "answer_due": "2026-04-13",
    "handler": None,
    "hearing": "",
    "extended_on": None,
    "answered_on": None,
    "outcome": "",
    "answer": "",
}


class ComplaintCreateApi(APIView):
    @extend_schema(
        operation_id="complaints_create",
        tags=["complaints"],
        summary="Lodge a complaint",
        request=ComplaintInput,
        responses={201: ComplaintOutput},
        examples=[
            OpenApiExample(
                "A complaint about the handling time",
                value={
                    "category": "handling-time",
                    "description": "I have been waiting for four months.",
                    "complainant_name": "Valentina Restrepo Gómez",
                    "email": "valentina@example.org",
                    "application": "IND-2026-000123",
                    "language": "en",
                },
                request_only=True,
            ),
            OpenApiExample(
                "Lodged", value=COMPLAINT_EXAMPLE, response_only=True, status_codes=["201"]
            ),
        ],
        description=(
            "Lodge a complaint (Awb chapter 9). At least one way to answer the complainant "
            "(e-mail, phone or postal address) is required. The receipt is confirmed in "
            "writing and the answer is due within 6 weeks (10 with an advisory committee)."
        ),
    )
    def post(self, request):
        data = ComplaintInput(data=request.data)
        data.is_valid(raise_exception=True)
        v = dict(data.validated_data)
        v.setdefault("email", "")
        v["application_reference"] = v.pop("application")
        channel = v.pop("channel", None)
        if channel is None:
            channel = Complaint.Channel.API
        complaint = services.complaint_lodge(actor=request.user, channel=channel, **v)
        return Response(ComplaintOutput(complaint).data, status=status.HTTP_201_CREATED)


def _complaint(request, complaint_id: int) -> Complaint:
    try:
        return selectors.complaint_get(user=request.user, complaint_id=complaint_id)
    except Complaint.DoesNotExist:
        raise NotFound(_("No complaint %(id)s that you can see.") % {"id": complaint_id}) from None


class ComplaintDetailApi(APIView):
    @extend_schema(
        operation_id="complaints_retrieve",
        tags=["complaints"],
        summary="A complaint",
        description=(
            "One complaint with its dates (received, acknowledged, answer due, extended, "
            "answered), its handler, hearing and outcome. A complainant sees their own "
            "complaints, staff all; anything else is a 404."
        ),
        responses=ComplaintOutput,
        examples=[OpenApiExample("A complaint", value=COMPLAINT_EXAMPLE, response_only=True)],
    )
    def get(self, request, complaint_id: int):
        return Response(ComplaintOutput(_complaint(request, complaint_id)).data)


class AssignInput(serializers.Serializer):
    handler = serializers.CharField(help_text="Username of the complaints handler.")


class HearingInput(serializers.Serializer):
    hearing = serializers.ChoiceField(choices=[c for c in Complaint.Hearing.values if c])
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)


class ExtendInput(serializers.Serializer):
    reason = serializers.CharField(max_length=4000)
    agreed_weeks = serializers.IntegerField(required=False, default=0, min_value=0)


class AnswerInput(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Complaint.Outcome.choices)
    answer = serializers.CharField(max_length=20000)


def _assign(*, actor, complaint, handler):
    user = get_user_model().objects.filter(username=handler).first()
    if user is None or not is_staff_member(user):
        raise InvalidInput(
            _("There is no member of staff '%(name)s'.") % {"name": handler}, field="handler"
        )
    return services.complaint_assign(actor=actor, complaint=complaint, handler=user)


ACTIONS = {
    "assign": (AssignInput, _assign),
    "hearing": (HearingInput, services.complaint_hearing),
    "extend": (ExtendInput, services.complaint_extend),
    "answer": (AnswerInput, services.complaint_answer),
}


class ComplaintActionApi(APIView):
    @extend_schema(
        operation_id="complaints_action",
        tags=["complaints"],
        summary="Handle a complaint: assign, hearing, extend, answer",
        examples=[
            OpenApiExample(
                "answer",
                value={"outcome": "well-founded", "answer": "You are right; we apologise."},
                request_only=True,
            ),
            OpenApiExample(
                "Answered",
                value=COMPLAINT_EXAMPLE
                | {
                    "answered_on": "2026-03-20",
                    "outcome": "well-founded",
                    "answer": "You are right.",
                },
                response_only=True,
            ),
        ],
        parameters=[OpenApiParameter("action", str, OpenApiParameter.PATH, enum=sorted(ACTIONS))],
        request=AnswerInput,
        responses={200: ComplaintOutput},
        description=(
            "Staff: `assign` {handler}; `hearing` {hearing: offered|held|declined, note}; "
            "`extend` {reason, agreed_weeks} (once by 4 weeks, Awb 9:11(2); more only with "
            "consent); `answer` {outcome, answer} (written answer, Awb 9:12)."
        ),
    )
    def post(self, request, complaint_id: int, action: str):
        complaint = _complaint(request, complaint_id)
        if action not in ACTIONS:
            raise InvalidInput(
                _("There is no action '%(action)s'. Choose one of: %(actions)s.")
                % {"action": action, "actions": ", ".join(sorted(ACTIONS))},
                field="action",
            )
        serializer, service = ACTIONS[action]
        data = serializer(data=request.data)
        data.is_valid(raise_exception=True)
        complaint = service(actor=request.user, complaint=complaint, **data.validated_data)
        complaint.refresh_from_db()
        return Response(ComplaintOutput(complaint).data)
