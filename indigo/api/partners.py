"""The API for partner agencies: asking about someone's residence (thin: parse, call
`indigo.partners`, present)."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from indigo.partners.residence import PersonNotFound, residence_status_ask


class ResidenceStatusApi(APIView):
    class ResidenceStatusInput(serializers.Serializer):
        v_number = serializers.CharField(max_length=10, help_text="The person's V-number.")
        purpose = serializers.CharField(
            max_length=300, help_text="Why you ask: your case or legal task (logged)."
        )

    class ResidencePermitOutput(serializers.Serializer):
        product = serializers.CharField(help_text="The kind of permit (product code).")
        valid_until = serializers.DateField(allow_null=True)

    class ResidenceStatusOutput(serializers.Serializer):
        lawfully_resident = serializers.BooleanField()
        permit = serializers.SerializerMethodField()
        application_pending = serializers.BooleanField()

        def get_permit(self, status) -> dict | None:
            if status.permit is None:
                return None
            return ResidenceStatusApi.ResidencePermitOutput(status.permit).data

    @extend_schema(
        operation_id="residence_status",
        request=ResidenceStatusInput,
        responses=ResidenceStatusOutput,
        description=(
            "For partner agencies: whether the person with this V-number is lawfully "
            "resident, on which permit until when, and whether an application is pending. "
            "The V-number is in the body so that it stays out of logs of URLs. Every "
            "question is logged with who asked and why. An unknown V-number is a 404 "
            "that says no more."
        ),
    )
    def post(self, request):
        data = self.ResidenceStatusInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            status = residence_status_ask(actor=request.user, **data.validated_data)
        except PersonNotFound:
            raise NotFound(_("Not found.")) from None
        return Response(self.ResidenceStatusOutput(status).data)
