"""REST API of applications and their lifecycle (thin: parse, call a service, present)."""

from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from indigo import clock
from indigo.accounts.roles import Role, has_role, is_staff_member
from indigo.api.base import FilterInput, StrictInput, with_lifecycle_actions
from indigo.api.idempotency import idempotent
from indigo.api.pagination import LinkCursorPagination
from indigo.cases import selectors, services
from indigo.cases.access import application_view_record, applications_seen
from indigo.cases.deadline import deadline_of
from indigo.cases.lifecycle import TRANSITIONS, actions_from
from indigo.cases.models import Application, Status, Suspension
from indigo.catalog.models import Channel
from indigo.errors import Conflict, InvalidInput
from indigo.organisation.permissions import may
from indigo.planning.forecast import forecast_for

APPLICATION_EXAMPLE = {
    "reference": "IND-2026-000123",
    "product": "study",
    "status": "received",
    "received_on": "2026-03-01",
    "decision_due": "2026-04-30",
    "days_left": 59,
    "suspended": False,
    "extended": False,
    "deadline_passed": False,
    "applicant": {
        "given_names": "Valentina",
        "surname": "Restrepo Gómez",
        "date_of_birth": "2001-03-14",
        "nationality": "COL",
        "v_number": "",
    },
}
APPLICATION_DETAIL_EXAMPLE = APPLICATION_EXAMPLE | {
    "product_version_valid_from": "2024-01-01",
    "customer_group": "individual",
    "extension_reason": "",
    "notified_on": None,
    "possible_actions": ["start-intake", "suspend", "extend", "withdraw"],
    "events": [
        {
            "occurred_at": "2026-03-01T10:00:00+01:00",
            "effective_on": "2026-03-01",
            "actor": "valentina",
            "action": "receive",
            "from_status": "",
            "to_status": "received",
            "reason": "",
            "payload": {},
        }
    ],
}


class ApplicantInput(StrictInput):
    given_names = serializers.CharField(max_length=200)
    surname = serializers.CharField(max_length=200)
    date_of_birth = serializers.DateField()
    nationality = serializers.CharField(
        min_length=3, max_length=3, help_text="ISO 3166-1 alpha-3, e.g. COL."
    )
    v_number = serializers.CharField(required=False, allow_blank=True, max_length=10)
    language = serializers.ChoiceField(
        choices=[code for code, _name in settings.LANGUAGES],
        required=False,
        help_text="The language in which the applicant wants to hear from us.",
    )


class ApplicationCreateInput(StrictInput):
    product = serializers.SlugField(help_text="Product code, e.g. `study`.")
    customer_group = serializers.SlugField(required=False, allow_blank=True)
    received_on = serializers.DateField(
        required=False,
        help_text="Staff only: the day a paper application was received; never in the future.",
    )
    channel = serializers.ChoiceField(
        choices=Channel.choices,
        required=False,
        help_text="Staff only: how the application reached the agency (default `post`). "
        "An applicant's own application is always `online`.",
    )
    applicant = ApplicantInput()


class ApplicantOutput(serializers.Serializer):
    given_names = serializers.CharField()
    surname = serializers.CharField()
    date_of_birth = serializers.DateField()
    nationality = serializers.CharField()
    v_number = serializers.CharField()


class EventOutput(serializers.Serializer):
    """A step in the history. Staff see everything; an applicant or sponsor sees no
    staff usernames (only their own), and a sponsor not the migrant's own words
    (reasons, answers) nor the payload beyond the new decision date (issue 9)."""

    occurred_at = serializers.DateTimeField()
    effective_on = serializers.DateField()
    actor = serializers.SerializerMethodField()
    action = serializers.CharField()
    from_status = serializers.CharField()
    to_status = serializers.CharField()
    reason = serializers.SerializerMethodField()
    payload = serializers.SerializerMethodField()

    def _viewer(self):
        return self.context["request"].user

    def _sees_all(self, event) -> bool:
        viewer = self._viewer()
        return is_staff_member(viewer) or event.application.applicant.user_id == viewer.pk

    def get_actor(self, event) -> str | None:
        viewer = self._viewer()
        if event.actor is None:
            return None
        if is_staff_member(viewer) or event.actor_id == viewer.pk:
            return event.actor.get_username()
        return None

    def get_reason(self, event) -> str:
        return event.reason if self._sees_all(event) else ""

    def get_payload(self, event) -> dict:
        if self._sees_all(event):
            return event.payload
        return {k: v for k, v in event.payload.items() if k == "decision_due"}


class ApplicationOutput(serializers.Serializer):
    reference = serializers.CharField()
    product = serializers.CharField(source="product.code")
    status = serializers.CharField()
    received_on = serializers.DateField()
    decision_due = serializers.DateField()
    days_left = serializers.SerializerMethodField()
    suspended = serializers.SerializerMethodField()
    extended = serializers.BooleanField(source="is_extended")
    deadline_passed = serializers.SerializerMethodField()
    applicant = ApplicantOutput()

    def _deadline(self, application):
        cache = self.context.setdefault("_deadlines", {})
        if application.pk not in cache:
            cache[application.pk] = deadline_of(application, today=clock.today())
        return cache[application.pk]

    def get_days_left(self, application) -> int | None:
        return self._deadline(application).days_left

    def get_suspended(self, application) -> bool:
        return application.status == Status.SUSPENDED

    def get_deadline_passed(self, application) -> bool:
        return self._deadline(application).passed


class ExpectedDecisionOutput(serializers.Serializer):
    low = serializers.DateField(help_text="The earliest likely decision date.")
    high = serializers.DateField(help_text="The latest likely decision date.")
    position = serializers.IntegerField(help_text="Applications ahead in the queue.")
    per_week = serializers.FloatField(help_text="The queue's recent decisions per week.")
    text = serializers.CharField(help_text='In plain words: "most likely between 3 and 5 weeks".')


class ApplicationDetailOutput(ApplicationOutput):
    product_version_valid_from = serializers.DateField(source="product_version.valid_from")
    expected_decision = serializers.SerializerMethodField(
        help_text="When a decision is most likely (a forecast from the place in the queue "
        "and the queue's recent output; null when decided or when there is no output to go "
        "on). The legal decision date is `decision_due`."
    )
    customer_group = serializers.CharField(source="customer_group.code", default=None)
    extension_reason = serializers.CharField()
    notified_on = serializers.DateField()
    possible_actions = serializers.SerializerMethodField()
    events = serializers.SerializerMethodField()

    def get_expected_decision(self, application) -> ExpectedDecisionOutput(allow_null=True):
        forecast = forecast_for(application, today=clock.today())
        return None if forecast is None else forecast.as_json()

    def get_possible_actions(self, application) -> list[str]:
        """The steps possible now that the caller's role allows (the table of
        `indigo.organisation.permissions`)."""
        user = self.context["request"].user
        return [
            t.action
            for t in actions_from(Status(application.status))
            if may(user, t.permission, application=application)
        ]

    def get_events(self, application) -> EventOutput(many=True):
        events = selectors.application_events(
            application=application, user=self.context["request"].user
        )
        return EventOutput(events, many=True, context=self.context).data


class PageLinksOutput(serializers.Serializer):
    next = serializers.URLField(allow_null=True)
    prev = serializers.URLField(allow_null=True)


class ApplicationPageOutput(serializers.Serializer):
    """A page of the list (cursor pagination, `_links`: ADR extensions API-42)."""

    _links = PageLinksOutput()
    results = ApplicationOutput(many=True)


class ApplicationListApi(APIView):
    @extend_schema(
        operation_id="applications_list",
        summary="List applications",
        description=(
            "The applications the caller may see (staff: their units' processes and their "
            "tasks; applicants: their own; sponsors: those their organisations filed), "
            "newest first, with their legal deadline."
        ),
        examples=[
            OpenApiExample(
                "Applications",
                value={"_links": {"next": None, "prev": None}, "results": [APPLICATION_EXAMPLE]},
                response_only=True,
            )
        ],
        parameters=[
            OpenApiParameter("status", enum=Status.values),
            OpenApiParameter("product", str, description="Product code."),
            OpenApiParameter("due_before", OpenApiTypes.DATE, description="Decision due before."),
            OpenApiParameter("page_size", int),
            OpenApiParameter("cursor", str),
        ],
        responses=ApplicationPageOutput,
    )
    def get(self, request):
        filters = ApplicationFilterInput(data=request.query_params)
        filters.is_valid(raise_exception=True)
        qs = selectors.application_list(user=request.user, **filters.validated_data)
        paginator = LinkCursorPagination()
        page = paginator.paginate_queryset(qs, request, view=self)
        applications_seen(user=request.user, applications=page, context="api:applications_list")
        return paginator.get_paginated_response(ApplicationOutput(page, many=True).data)

    @extend_schema(
        operation_id="applications_create",
        summary="Submit an application",
        description=(
            "An applicant's own application (online), or one received on paper and "
            "entered by staff (`received_on`, `channel`). The decision period starts on "
            "the day of receipt."
        ),
        examples=[
            OpenApiExample(
                "Study",
                value={
                    "product": "study",
                    "applicant": {
                        "given_names": "Valentina",
                        "surname": "Restrepo Gómez",
                        "date_of_birth": "2001-03-14",
                        "nationality": "COL",
                    },
                },
                request_only=True,
            ),
            OpenApiExample(
                "Received",
                value=APPLICATION_DETAIL_EXAMPLE,
                response_only=True,
                status_codes=["201"],
            ),
        ],
        request=ApplicationCreateInput,
        responses={201: ApplicationDetailOutput},
    )
    @idempotent
    def post(self, request):
        if not (is_staff_member(request.user) or has_role(request.user, Role.APPLICANT)):
            raise PermissionDenied(_("Only staff and applicants can submit applications."))
        data = ApplicationCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        staff = is_staff_member(request.user)
        if not staff and v.get("channel", Channel.ONLINE) != Channel.ONLINE:
            raise InvalidInput(
                _("Your own application reaches us online; leave channel out."), field="channel"
            )
        application = services.application_create(
            actor=request.user,
            product_code=v["product"],
            customer_group_code=v.get("customer_group") or None,
            received_on=v.get("received_on"),
            applicant=services.ApplicantData(**v["applicant"]),
            channel=v.get("channel", Channel.POST) if staff else Channel.ONLINE,
            account=None if staff else request.user,
        )
        application_view_record(
            user=request.user, application=application, context="api:applications_create"
        )
        return Response(
            ApplicationDetailOutput(application, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class ApplicationFilterInput(FilterInput):
    status = serializers.ChoiceField(choices=Status.values, required=False)
    product = serializers.SlugField(required=False)
    due_before = serializers.DateField(required=False)


def get_visible_application(request, reference: str) -> Application:
    try:
        return selectors.application_get(user=request.user, reference=reference)
    except Application.DoesNotExist:
        # The same answer whether it does not exist or is not yours.
        raise NotFound(
            _("No application with reference %(reference)s that you can see.")
            % {"reference": reference}
        ) from None


class ApplicationDetailApi(APIView):
    @extend_schema(
        operation_id="applications_retrieve",
        summary="Get an application",
        description=(
            "One application with its deadline, the lifecycle steps possible now and its "
            "history (applicants and sponsors see the steps, not the agency's internal "
            "work). Every view by staff is recorded."
        ),
        responses=ApplicationDetailOutput,
        examples=[
            OpenApiExample("An application", value=APPLICATION_DETAIL_EXAMPLE, response_only=True)
        ],
    )
    def get(self, request, reference: str):
        application = get_visible_application(request, reference)
        application_view_record(
            user=request.user, application=application, context="api:applications_retrieve"
        )
        return Response(ApplicationDetailOutput(application, context={"request": request}).data)


class ActionInput(StrictInput):
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)
    on = serializers.DateField(
        required=False, help_text="Staff only: the day it happened (paper), not in the future."
    )
    until = serializers.DateField(
        required=False, help_text="suspend: last day of the repair period (hersteltermijn)."
    )
    kind = serializers.ChoiceField(
        choices=Suspension.Kind.values, required=False, default=Suspension.Kind.REPAIR
    )


class ApplicationActionApi(APIView):
    @extend_schema(
        operation_id="applications_action",
        parameters=[
            OpenApiParameter("action", str, OpenApiParameter.PATH, enum=sorted(TRANSITIONS))
        ],
        request=ActionInput,
        responses={200: ApplicationDetailOutput},
        summary="Take a lifecycle step",
        description=(
            "Take one step of the lifecycle (`indigo.cases.lifecycle`): start intake, "
            "suspend, resume, extend, withdraw, … A step the current status does not "
            "allow is a 409 listing the `possibleActions`."
        ),
        examples=[
            OpenApiExample(
                "Suspend",
                value={"reason": "Passport copy is unreadable", "until": "2026-03-30"},
                request_only=True,
            ),
            OpenApiExample(
                "Suspended",
                value=APPLICATION_DETAIL_EXAMPLE | {"status": "suspended", "suspended": True},
                response_only=True,
            ),
        ],
    )
    @idempotent
    def post(self, request, reference: str, action: str):
        application = get_visible_application(request, reference)
        data = ActionInput(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        try:
            services.generic_step_check(action)
            application = services.application_act(
                actor=request.user,
                application=application,
                action=action,
                reason=v["reason"],
                on=v.get("on"),
                until=v.get("until"),
                suspension_kind=v["kind"],
            )
        except Conflict as exc:
            raise with_lifecycle_actions(exc, application) from None
        application_view_record(
            user=request.user, application=application, context="api:applications_action"
        )
        return Response(ApplicationDetailOutput(application, context={"request": request}).data)
