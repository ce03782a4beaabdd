"""Subscriptions of partner agencies to application events (thin: parse, call
`indigo.partners.subscriptions`, present)."""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from indigo.partners.cloudevents import TYPES
from indigo.partners.subscriptions import (
    subscription_create,
    subscription_end,
    subscriptions_of,
)


class SubscriptionOutput(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    url = serializers.URLField()
    event_types = serializers.ListField(child=serializers.CharField())
    filters = serializers.DictField(child=serializers.CharField())
    created_at = serializers.DateTimeField()


class SubscriptionCreatedOutput(SubscriptionOutput):
    secret = serializers.CharField(
        help_text="The Standard Webhooks signing secret. Shown only now: keep it."
    )


SUBSCRIPTION_EXAMPLE = {
    "id": "0b7c1f9e-3a51-4a4e-9d0e-7d3c2b1a9f10",
    "url": "https://partner.example/events",
    "event_types": ["nl.ind.indigo.application.decided"],
    "filters": {"product": "family-partner"},
    "created_at": "2026-03-02T09:00:00+01:00",
}


class SubscriptionListApi(APIView):
    class SubscriptionInput(serializers.Serializer):
        url = serializers.CharField(
            max_length=500, help_text="Where events are POSTed (http or https)."
        )
        event_types = serializers.ListField(
            child=serializers.CharField(),
            help_text="One or more of: " + ", ".join(sorted(TYPES)),
        )
        filters = serializers.DictField(
            child=serializers.CharField(),
            required=False,
            help_text='Optional, e.g. {"product": "family-partner"}.',
        )

    @extend_schema(
        operation_id="subscriptions_list",
        tags=["subscriptions"],
        summary="Your subscriptions",
        description="The partner's own subscriptions that have not ended (under `results`).",
        responses=SubscriptionOutput(many=True),
        examples=[
            OpenApiExample(
                "Subscriptions", value={"results": [SUBSCRIPTION_EXAMPLE]}, response_only=True
            )
        ],
    )
    def get(self, request):
        subscriptions = subscriptions_of(actor=request.user)
        return Response({"results": SubscriptionOutput(subscriptions, many=True).data})

    @extend_schema(
        operation_id="subscriptions_create",
        tags=["subscriptions"],
        summary="Subscribe to application events",
        request=SubscriptionInput,
        responses={201: SubscriptionCreatedOutput},
        examples=[
            OpenApiExample(
                "Decisions on family applications",
                value={
                    "url": "https://partner.example/events",
                    "event_types": ["nl.ind.indigo.application.decided"],
                    "filters": {"product": "family-partner"},
                },
                request_only=True,
            ),
            OpenApiExample(
                "Subscribed",
                value=SUBSCRIPTION_EXAMPLE | {"secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"},
                response_only=True,
                status_codes=["201"],
            ),
        ],
        description=(
            "Subscribe to application events. Each matching event is POSTed to the URL "
            "as a CloudEvent (NL GOV profile, structured JSON), signed per Standard "
            "Webhooks (webhook-id, webhook-timestamp, webhook-signature) with the secret "
            "returned here once. Delivery is at least once; check webhook-id."
        ),
    )
    def post(self, request):
        data = self.SubscriptionInput(data=request.data)
        data.is_valid(raise_exception=True)
        subscription, secret = subscription_create(actor=request.user, **data.validated_data)
        body = SubscriptionOutput(subscription).data | {"secret": secret}
        return Response(body, status=status.HTTP_201_CREATED)


class SubscriptionDetailApi(APIView):
    def _own(self, request, subscription_id):
        found = subscriptions_of(actor=request.user).filter(public_id=subscription_id).first()
        if found is None:
            raise NotFound(_("You have no subscription with this id."))
        return found

    @extend_schema(
        operation_id="subscriptions_retrieve",
        tags=["subscriptions"],
        summary="One of your subscriptions",
        description="A subscription of yours; anyone else's is a 404.",
        responses=SubscriptionOutput,
        examples=[OpenApiExample("A subscription", value=SUBSCRIPTION_EXAMPLE, response_only=True)],
    )
    def get(self, request, subscription_id):
        return Response(SubscriptionOutput(self._own(request, subscription_id)).data)

    @extend_schema(
        operation_id="subscriptions_destroy",
        tags=["subscriptions"],
        summary="End a subscription",
        description=(
            "End one of your subscriptions: no more events are delivered to it. Anyone "
            "else's is a 404."
        ),
        responses={
            204: None,
            (404, "application/problem+json"): OpenApiResponse(
                response=OpenApiTypes.OBJECT,
                description="Not found, or not yours: the answer is the same.",
                examples=[
                    OpenApiExample(
                        "Not yours",
                        value={
                            "type": "about:blank",
                            "title": "Not found.",
                            "status": 404,
                            "detail": "You have no subscription with this id.",
                        },
                    )
                ],
            ),
        },
    )
    def delete(self, request, subscription_id):
        subscription_end(actor=request.user, subscription=self._own(request, subscription_id))
        return Response(status=status.HTTP_204_NO_CONTENT)
