"""REST API of recognised sponsors (erkend referenten): their applications, applying for
one or many migrants, vouching, and reporting changes.

Thin: the same services as the sponsor portal (`indigo.sponsors.services`,
`indigo.sponsors.bulk_import`); who may call what: `indigo.api.permissions`.
"""

from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from indigo.api import permissions
from indigo.api.base import FilterInput, StrictInput, parse
from indigo.api.pagination import LinkCursorPagination
from indigo.cases.access import applications_seen
from indigo.cases.services import ApplicantData
from indigo.errors import InvalidInput
from indigo.sponsors import bulk_import, selectors, services
from indigo.sponsors.application_input import (
    APPLICANT_FIELDS,
    ApplicationInputInvalid,
    AuthorisationGiven,
)
from indigo.sponsors.categories import ChangeKind
from indigo.sponsors.statements import FieldError

REF = "IND-2026-000123"


class SponsoredApplicationOutput(serializers.Serializer):
    reference = serializers.CharField()
    product = serializers.CharField(source="product.code")
    status = serializers.CharField()
    received_on = serializers.DateField()
    decision_due = serializers.DateField()
    given_names = serializers.CharField(source="applicant.given_names")
    surname = serializers.CharField(source="applicant.surname")
    sponsor = serializers.CharField(source="sponsorship.sponsor.kvk_number")
    vouched = serializers.SerializerMethodField()

    def get_vouched(self, application) -> bool:
        return application.pk in self.context["vouched"]


SPONSORED_EXAMPLE = {
    "reference": REF,
    "product": "study",
    "status": "received",
    "received_on": "2026-09-01",
    "decision_due": "2026-10-31",
    "given_names": "Valentina",
    "surname": "Restrepo Gómez",
    "sponsor": "30000001",
    "vouched": True,
}


class SponsorApplicantInput(StrictInput):
    given_names = serializers.CharField(max_length=200)
    surname = serializers.CharField(max_length=200)
    date_of_birth = serializers.DateField()
    nationality = serializers.CharField(min_length=3, max_length=3, help_text="ISO alpha-3.")
    v_number = serializers.CharField(required=False, allow_blank=True, max_length=10)


class AuthorisationInput(StrictInput):
    given_on = serializers.DateField(help_text="When the migrant authorised the sponsor.")
    how = serializers.CharField(max_length=200, help_text="e.g. `signed form`.")


class SponsorApplicationInput(StrictInput):
    sponsor = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=8,
        help_text="KvK number of the organisation; needed only if you work for several.",
    )
    product = serializers.SlugField()
    applicant = SponsorApplicantInput()
    facts = serializers.DictField(
        required=False, default=dict, help_text="The sponsor's statements for the product."
    )
    vouch = serializers.BooleanField(
        default=False, help_text="The sponsor declares the migrant meets the conditions."
    )
    authorisation = AuthorisationInput(
        required=False, help_text="The migrant's authorisation, unless already on record."
    )


class SponsorFilterInput(FilterInput):
    pass


def _nested(errors: list[FieldError]) -> ApplicationInputInvalid:
    """The portal's field names as the API's (dotted) names."""
    names = {f: f"applicant.{f}" for f in APPLICANT_FIELDS} | {
        "authorisation_given_on": "authorisation.given_on",
        "authorisation_how": "authorisation.how",
        "product": "product",
        "": "",
    }
    return ApplicationInputInvalid(
        [FieldError(names.get(e.field, f"facts.{e.field}"), e.message, e.code) for e in errors]
    )


class SponsorApplicationListApi(APIView):
    @extend_schema(
        operation_id="sponsor_applications_list",
        tags=["sponsors"],
        summary="The applications of your organisations",
        description="Every application the organisations you work for filed, newest first.",
        parameters=[OpenApiParameter("page_size", int), OpenApiParameter("cursor", str)],
        responses=SponsoredApplicationOutput(many=True),
        examples=[
            OpenApiExample(
                "Applications",
                value={"_links": {"next": None, "prev": None}, "results": [SPONSORED_EXAMPLE]},
                response_only=True,
            )
        ],
    )
    def get(self, request):
        permissions.require(request.user, "sponsor_applications_list")
        parse(SponsorFilterInput, request.query_params)
        applications = selectors.sponsor_applications(user=request.user).select_related(
            "product", "applicant", "sponsorship__sponsor"
        )
        paginator = LinkCursorPagination()
        page = paginator.paginate_queryset(applications, request, view=self)
        # Who saw whose data: the sponsor's employee sees these migrants (issue 9).
        applications_seen(
            user=request.user, applications=page, context="api:sponsor_applications_list"
        )
        vouched = selectors.vouched_ids(application_ids=[a.pk for a in page])
        return paginator.get_paginated_response(
            SponsoredApplicationOutput(page, many=True, context={"vouched": vouched}).data
        )

    @extend_schema(
        operation_id="sponsor_applications_create",
        tags=["sponsors"],
        summary="Apply for a migrant",
        description=(
            "Apply for one migrant who authorised your organisation, optionally vouching "
            "for them. Every problem is reported at once, each at its field "
            "(`applicant.surname`, `facts.programme_end_date`, …); nothing is filed then."
        ),
        request=SponsorApplicationInput,
        responses={201: SponsoredApplicationOutput},
        examples=[
            OpenApiExample(
                "The seed's student",
                value={
                    "product": "study",
                    "applicant": {
                        "given_names": "Valentina",
                        "surname": "Restrepo Gómez",
                        "date_of_birth": "2001-03-14",
                        "nationality": "COL",
                    },
                    "facts": {
                        "programme_name": "MSc Water Management",
                        "programme_end_date": "2028-08-31",
                        "admitted_to_programme": True,
                    },
                    "vouch": True,
                    "authorisation": {"given_on": "2026-08-20", "how": "signed form"},
                },
                request_only=True,
            ),
            OpenApiExample(
                "Filed", value=SPONSORED_EXAMPLE, response_only=True, status_codes=["201"]
            ),
        ],
    )
    def post(self, request):
        permissions.require(request.user, "sponsor_applications_create")
        v = parse(SponsorApplicationInput, request.data)
        sponsor = selectors.sponsor_chosen(user=request.user, kvk_number=v.get("sponsor", ""))
        given = v.get("authorisation")
        try:
            application = services.sponsor_apply(
                actor=request.user,
                sponsor=sponsor,
                product_code=v["product"],
                applicant_data=ApplicantData(**v["applicant"]),
                facts=v["facts"],
                vouch=v["vouch"],
                authorisation=AuthorisationGiven(given_on=given["given_on"], how=given["how"])
                if given
                else None,
            )
        except ApplicationInputInvalid as exc:
            raise _nested(exc.errors) from None
        application = permissions.sponsored_application_for(request.user, application.reference)
        vouched = selectors.vouched_ids(application_ids=[application.pk])
        return Response(
            SponsoredApplicationOutput(application, context={"vouched": vouched}).data,
            status=201,
        )


class BulkInput(StrictInput):
    file = serializers.FileField(help_text="The CSV file (UTF-8, `;` or `,`).")
    sponsor = serializers.CharField(required=False, allow_blank=True, max_length=8)


class RowErrorOutput(serializers.Serializer):
    field = serializers.CharField(help_text="The column; empty for the row as a whole.")
    code = serializers.CharField()
    message = serializers.CharField()


class RowOutput(serializers.Serializer):
    row = serializers.IntegerField(help_text="The line in the file (the header is line 1).")
    status = serializers.ChoiceField(choices=["imported", "failed", "already-applied"])
    name = serializers.CharField()
    product = serializers.CharField()
    reference = serializers.CharField(help_text="The application made from this row.")
    already = serializers.CharField(help_text="The running application this row duplicates.")
    errors = RowErrorOutput(many=True)


class BulkReportOutput(serializers.Serializer):
    imported = serializers.IntegerField()
    failed = serializers.IntegerField()
    already_applied = serializers.IntegerField()
    rows = RowOutput(many=True)


class SponsorBulkApi(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        operation_id="sponsor_applications_bulk",
        tags=["sponsors"],
        summary="Apply for many migrants from a CSV file",
        description=(
            "Every row is checked as the single application would be. Good rows are "
            "filed, each whole or not at all; broken rows are reported (row, column, "
            "message) and not filed: correct them and upload them again. A row for a "
            "person with a running application of yours is skipped and named. A problem "
            "with the file itself (not UTF-8, unknown column) is a 400 and nothing is filed."
        ),
        request={"multipart/form-data": BulkInput},
        responses=BulkReportOutput,
        examples=[
            OpenApiExample(
                "A report",
                value={
                    "imported": 1,
                    "failed": 1,
                    "already_applied": 0,
                    "rows": [
                        {
                            "row": 2,
                            "status": "imported",
                            "name": "Valentina Restrepo Gómez",
                            "product": "study",
                            "reference": REF,
                            "already": "",
                            "errors": [],
                        },
                        {
                            "row": 3,
                            "status": "failed",
                            "name": "Kofi Mensah",
                            "product": "study",
                            "reference": "",
                            "already": "",
                            "errors": [
                                {
                                    "field": "nationality",
                                    "code": "invalid",
                                    "message": "Give the nationality as ISO 3166-1 alpha-3.",
                                }
                            ],
                        },
                    ],
                },
                response_only=True,
            )
        ],
    )
    def post(self, request):
        permissions.require(request.user, "sponsor_applications_bulk")
        v = parse(BulkInput, request.data)
        sponsor = selectors.sponsor_chosen(user=request.user, kvk_number=v.get("sponsor", ""))
        try:
            report = bulk_import.sponsor_bulk_import(
                actor=request.user, sponsor=sponsor, csv_file=v["file"]
            )
        except InvalidInput as exc:
            if exc.field == "csv_file":
                raise InvalidInput(exc.message, field="file", code=exc.code) from None
            raise
        return Response(
            BulkReportOutput(
                {
                    "imported": len(report.imported),
                    "failed": len(report.failed),
                    "already_applied": len(report.already_applied),
                    "rows": report.rows,
                }
            ).data
        )


class VouchOutput(serializers.Serializer):
    reference = serializers.CharField()
    vouched = serializers.BooleanField()


class VouchApi(APIView):
    @extend_schema(
        operation_id="applications_vouch",
        tags=["sponsors"],
        summary="Vouch for the migrant",
        description=(
            "Your organisation declares that the migrant meets the conditions "
            "(garantstelling), which opens the fast track. 409 when already vouched or "
            "the application no longer runs."
        ),
        request=None,
        responses=VouchOutput,
        examples=[
            OpenApiExample("Vouched", value={"reference": REF, "vouched": True}, response_only=True)
        ],
    )
    def post(self, request, reference: str):
        permissions.require(request.user, "applications_vouch")
        application = permissions.sponsored_application_for(request.user, reference)
        if request.data:
            parse(StrictInput, request.data)
        services.sponsor_vouch(actor=request.user, application=application)
        return Response({"reference": application.reference, "vouched": True})


class ChangeReportInput(StrictInput):
    application = serializers.CharField(max_length=20, help_text="The application's reference.")
    kind = serializers.ChoiceField(choices=ChangeKind.values)
    on = serializers.DateField(help_text="The day of the change; not in the future.")
    details = serializers.CharField(max_length=2000)


class ChangeReportOutput(serializers.Serializer):
    id = serializers.IntegerField()
    application = serializers.CharField(source="application.reference")
    kind = serializers.ChoiceField(choices=ChangeKind.choices)
    on = serializers.DateField()
    details = serializers.CharField()
    reported_at = serializers.DateTimeField()
    report_by = serializers.DateField(help_text="The last day of the reporting duty.")
    within_duty = serializers.BooleanField(allow_null=True)


class ChangeReportApi(APIView):
    @extend_schema(
        operation_id="sponsor_change_reports_create",
        tags=["sponsors"],
        summary="Report a change",
        description=(
            "Report a change the sponsor must report (informatieplicht), such as a student "
            "who stopped studying; `within_duty` says whether it was reported in time."
        ),
        request=ChangeReportInput,
        responses={201: ChangeReportOutput},
        examples=[
            OpenApiExample(
                "Stopped studying",
                value={
                    "application": REF,
                    "kind": "stopped-studying",
                    "on": "2026-09-20",
                    "details": "Deregistered on her own request.",
                },
                request_only=True,
            ),
            OpenApiExample(
                "Reported",
                value={
                    "id": 4,
                    "application": REF,
                    "kind": "stopped-studying",
                    "on": "2026-09-20",
                    "details": "Deregistered on her own request.",
                    "reported_at": "2026-09-22T10:00:00+02:00",
                    "report_by": "2026-10-18",
                    "within_duty": True,
                },
                response_only=True,
                status_codes=["201"],
            ),
        ],
    )
    def post(self, request):
        permissions.require(request.user, "sponsor_change_reports_create")
        v = parse(ChangeReportInput, request.data)
        try:
            application = permissions.sponsored_application_for(request.user, v["application"])
        except NotFound as exc:
            raise InvalidInput(str(exc.detail), field="application") from None
        report = services.change_report(
            actor=request.user,
            application=application,
            kind=v["kind"],
            on=v["on"],
            details=v["details"],
        )
        return Response(ChangeReportOutput(report).data, status=201)
