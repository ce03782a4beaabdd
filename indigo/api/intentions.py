"""REST API of the intended refusal (voornemen) and the applicant's written view
(zienswijze) (thin: parse, call a service, present). The decision itself: `decisions`."""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from indigo.api import permissions
from indigo.api.base import StrictInput, parse
from indigo.decisions.intentions import (
    intention_latest,
    intention_send,
    intention_view_record,
)

INTENTION_EXAMPLE = {
    "id": 7,
    "sent_on": "2026-09-01",
    "view_due": "2026-09-15",
    "view_received_on": None,
    "required_by": "Algemene wet bestuursrecht, artikel 4:8",
    "letter_document": 31,
}


class IntentionOutput(serializers.Serializer):
    id = serializers.IntegerField()
    sent_on = serializers.DateField()
    view_due = serializers.DateField(help_text="The last day for the written view.")
    view_received_on = serializers.DateField(allow_null=True)
    required_by = serializers.CharField(help_text="The citation of the law that requires it.")
    letter_document = serializers.IntegerField(source="letter_id", allow_null=True)


class IntentionInput(StrictInput):
    grounds = serializers.CharField(max_length=8000)


class ViewInput(StrictInput):
    text = serializers.CharField(max_length=8000)
    received_on = serializers.DateField(required=False)


class ApplicationIntentionApi(APIView):
    @extend_schema(
        operation_id="applications_intention_retrieve",
        tags=["assessment"],
        summary="The intended refusal",
        description="The latest intended refusal (voornemen) of the application, with the "
        "last day for the applicant's written view (zienswijze).",
        responses=IntentionOutput,
        examples=[OpenApiExample("Intention", value=INTENTION_EXAMPLE, response_only=True)],
    )
    def get(self, request, reference: str):
        permissions.require(request.user, "applications_intention_retrieve")
        application = permissions.application_for(request.user, reference)
        intention = intention_latest(application=application)
        if intention is None:
            raise NotFound("No intended refusal was sent for this application.")
        return Response(IntentionOutput(intention).data)

    @extend_schema(
        operation_id="applications_intention_create",
        tags=["assessment"],
        summary="Send an intended refusal",
        description="Send the intended refusal (voornemen) with its grounds; the "
        "application waits for the applicant's written view until its last day.",
        request=IntentionInput,
        responses={201: IntentionOutput},
        examples=[
            OpenApiExample(
                "Grounds",
                value={"grounds": "Your income is below the norm."},
                request_only=True,
            ),
            OpenApiExample(
                "Sent", value=INTENTION_EXAMPLE, response_only=True, status_codes=["201"]
            ),
        ],
    )
    def post(self, request, reference: str):
        permissions.require(request.user, "applications_intention_create")
        application = permissions.application_for(request.user, reference)
        v = parse(IntentionInput, request.data)
        intention = intention_send(actor=request.user, application=application, **v)
        return Response(IntentionOutput(intention).data, status=status.HTTP_201_CREATED)


class ApplicationViewApi(APIView):
    @extend_schema(
        operation_id="applications_intention_view",
        tags=["assessment"],
        summary="Record the written view",
        description="Record the applicant's written view (zienswijze) on the intended "
        "refusal; the decision must answer it.",
        request=ViewInput,
        responses={200: IntentionOutput},
        examples=[
            OpenApiExample(
                "A view",
                value={"text": "My salary rose in August.", "received_on": "2026-09-10"},
                request_only=True,
            ),
            OpenApiExample("Recorded", value=INTENTION_EXAMPLE, response_only=True),
        ],
    )
    def post(self, request, reference: str):
        permissions.require(request.user, "applications_intention_view")
        application = permissions.application_for(request.user, reference)
        intention = intention_latest(application=application)
        if intention is None:
            raise NotFound("No intended refusal was sent for this application.")
        v = parse(ViewInput, request.data)
        intention = intention_view_record(actor=request.user, intention=intention, **v)
        return Response(IntentionOutput(intention).data)
