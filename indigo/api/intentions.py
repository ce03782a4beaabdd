"""REST API of the intended refusal (voornemen) and the applicant's written view
(zienswijze) (thin: parse, call a service, present). The decision itself: `decisions`."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from indigo.accounts.roles import is_staff_member
from indigo.api.applications import get_visible_application
from indigo.decisions.intentions import (
    intention_latest,
    intention_send,
    intention_view_record,
)


def _staff_only(request) -> None:
    if not is_staff_member(request.user):
        raise PermissionDenied()


class IntentionOutput(serializers.Serializer):
    id = serializers.IntegerField()
    sent_on = serializers.DateField()
    view_due = serializers.DateField(help_text="The last day for the written view.")
    view_received_on = serializers.DateField(allow_null=True)
    required_by = serializers.CharField(help_text="The citation of the law that requires it.")
    letter_document = serializers.IntegerField(source="letter_id", allow_null=True)


class IntentionInput(serializers.Serializer):
    grounds = serializers.CharField(max_length=8000)


class ViewInput(serializers.Serializer):
    text = serializers.CharField(max_length=8000)
    received_on = serializers.DateField(required=False)


class ApplicationIntentionApi(APIView):
    @extend_schema(operation_id="applications_intention_retrieve", responses=IntentionOutput)
    def get(self, request, reference: str):
        _staff_only(request)
        application = get_visible_application(request, reference)
        intention = intention_latest(application=application)
        if intention is None:
            raise NotFound("No intended refusal was sent for this application.")
        return Response(IntentionOutput(intention).data)

    @extend_schema(
        operation_id="applications_intention_create",
        request=IntentionInput,
        responses={201: IntentionOutput},
        description="Send the intended refusal; the application waits for the written view.",
    )
    def post(self, request, reference: str):
        _staff_only(request)
        application = get_visible_application(request, reference)
        data = IntentionInput(data=request.data)
        data.is_valid(raise_exception=True)
        intention = intention_send(
            actor=request.user, application=application, **data.validated_data
        )
        return Response(IntentionOutput(intention).data, status=status.HTTP_201_CREATED)


class ApplicationViewApi(APIView):
    @extend_schema(
        operation_id="applications_intention_view",
        request=ViewInput,
        responses={200: IntentionOutput},
        description="Record the applicant's written view on the intended refusal.",
    )
    def post(self, request, reference: str):
        _staff_only(request)
        application = get_visible_application(request, reference)
        intention = intention_latest(application=application)
        if intention is None:
            raise NotFound("No intended refusal was sent for this application.")
        data = ViewInput(data=request.data)
        data.is_valid(raise_exception=True)
        intention = intention_view_record(
            actor=request.user, intention=intention, **data.validated_data
        )
        return Response(IntentionOutput(intention).data)
