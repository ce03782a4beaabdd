"""The API for partner agencies: asking about someone's residence (thin: parse, call
`indigo.partners`, present)."""

from datetime import date, timedelta

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from indigo import clock
from indigo.accounts.roles import Role, has_role
from indigo.errors import InvalidInput
from indigo.partners.figures import DEFAULT_DAYS, partner_figures, product_figures
from indigo.partners.residence import PersonNotFound, residence_status_ask
from indigo.partners.services import REPORTS, ReportedPersonNotFound, partner_report_record


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
        tags=["residence-status"],
        summary="Ask whether someone is lawfully resident",
        request=ResidenceStatusInput,
        responses=ResidenceStatusOutput,
        examples=[
            OpenApiExample(
                "A question",
                value={"v_number": "1234567890", "purpose": "Police check, case 2026-0042"},
                request_only=True,
            ),
            OpenApiExample(
                "Resident on a permit",
                value={
                    "lawfully_resident": True,
                    "permit": {"product": "study", "valid_until": "2027-08-31"},
                    "application_pending": False,
                },
                response_only=True,
            ),
        ],
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


class PartnerReportApi(APIView):
    class AddressInput(serializers.Serializer):
        street = serializers.CharField(required=False, max_length=200)
        house_number = serializers.CharField(max_length=20)
        house_number_addition = serializers.CharField(required=False, max_length=20)
        postcode = serializers.CharField(max_length=10)
        city = serializers.CharField(required=False, max_length=100)

    class PartnerReportInput(serializers.Serializer):
        v_number = serializers.CharField(max_length=10)
        report = serializers.ChoiceField(choices=sorted(REPORTS))
        on = serializers.DateField(help_text="The day it happened.")
        details = serializers.CharField(required=False, allow_blank=True, max_length=300)
        address = serializers.DictField(
            required=False, help_text="Municipal registration only: the registered address."
        )

    @extend_schema(
        operation_id="partner_reports_create",
        tags=["partner-reports"],
        summary="Report a registration, an arrival or an issued mvv",
        request=PartnerReportInput,
        responses={202: None},
        examples=[
            OpenApiExample(
                "A municipal registration",
                value={
                    "v_number": "1234567890",
                    "report": "municipal-registration",
                    "on": "2026-02-28",
                    "address": {"postcode": "8011 AB", "house_number": "12", "city": "Zwolle"},
                },
                request_only=True,
            )
        ],
        description=(
            "For partner agencies: report a municipal registration (with the address), an "
            "arrival at the border, or an issued entry visa (mvv) for the person with this "
            "V-number. Recorded as an event on their latest application. An unknown "
            "V-number is a 404 that says no more."
        ),
    )
    def post(self, request):
        data = self.PartnerReportInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        if "address" in values:
            address = self.AddressInput(data=values["address"])
            if not address.is_valid():
                raise serializers.ValidationError({"address": address.errors})
            values["address"] = dict(address.validated_data)
        try:
            partner_report_record(actor=request.user, **values)
        except ReportedPersonNotFound:
            raise NotFound(_("Not found.")) from None
        return Response(status=status.HTTP_202_ACCEPTED)


class ChainFiguresApi(APIView):
    class PartnerFiguresOutput(serializers.Serializer):
        partner = serializers.CharField()
        label = serializers.CharField()
        asked = serializers.IntegerField()
        answered = serializers.IntegerField()
        waiting = serializers.IntegerField()
        attempts = serializers.IntegerField()
        failures = serializers.IntegerField()
        failure_share = serializers.FloatField()
        median_seconds = serializers.FloatField(allow_null=True)
        mean_seconds = serializers.FloatField(allow_null=True)

    class ProductFiguresOutput(serializers.Serializer):
        product = serializers.CharField()
        facts = serializers.IntegerField()
        from_partners = serializers.IntegerField()
        partner_share = serializers.FloatField()

    class ChainFiguresOutput(serializers.Serializer):
        since = serializers.DateField()
        partners = serializers.ListField(child=serializers.DictField())
        products = serializers.ListField(child=serializers.DictField())

    @extend_schema(
        operation_id="chain_figures",
        tags=["partners"],
        summary="Chain figures",
        examples=[
            OpenApiExample(
                "Figures",
                value={
                    "since": "2026-09-05",
                    "partners": [{"partner": "brp", "asked": 120, "answered": 118}],
                    "products": [{"product": "family-partner", "partner_share": 0.6}],
                },
                response_only=True,
            )
        ],
        parameters=[
            OpenApiParameter("since", OpenApiTypes.DATE, description="Default: 90 days ago.")
        ],
        responses=ChainFiguresOutput,
        description=(
            "For managers: per partner agency the questions asked, answered and waiting, "
            "the waiting time from request to answer, and failed attempts; per product the "
            "share of facts that came from a partner."
        ),
    )
    def get(self, request):
        if not has_role(request.user, Role.MANAGER, Role.ADMIN):
            raise PermissionDenied(_("Only managers see the chain figures."))
        raw = request.query_params.get("since")
        try:
            since = date.fromisoformat(raw) if raw else clock.today() - timedelta(days=DEFAULT_DAYS)
        except ValueError:
            raise InvalidInput(_("since must be a date (YYYY-MM-DD)."), field="since") from None
        return Response(
            {
                "since": since.isoformat(),
                "partners": self.PartnerFiguresOutput(partner_figures(since=since), many=True).data,
                "products": self.ProductFiguresOutput(product_figures(since=since), many=True).data,
            }
        )
