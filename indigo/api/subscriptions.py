"""Subscriptions of partner agencies to application events (thin: parse, call
`indigo.partners.subscriptions`, present)."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
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

    @extend_schema(operation_id="subscriptions_list", responses=SubscriptionOutput(many=True))
    def get(self, request):
        subscriptions = subscriptions_of(actor=request.user)
        return Response({"results": SubscriptionOutput(subscriptions, many=True).data})

    @extend_schema(
        operation_id="subscriptions_create",
        request=SubscriptionInput,
        responses={201: SubscriptionCreatedOutput},
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

    @extend_schema(operation_id="subscriptions_retrieve", responses=SubscriptionOutput)
    def get(self, request, subscription_id):
        return Response(SubscriptionOutput(self._own(request, subscription_id)).data)

    @extend_schema(operation_id="subscriptions_destroy", responses={204: None})
    def delete(self, request, subscription_id):
        subscription_end(actor=request.user, subscription=self._own(request, subscription_id))
        return Response(status=status.HTTP_204_NO_CONTENT)
