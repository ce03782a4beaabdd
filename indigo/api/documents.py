"""REST API of an application's dossier (thin: parse, call a service, present)."""

from django.http import FileResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from indigo.api.applications import get_visible_application
from indigo.api.base import StrictInput
from indigo.api.idempotency import idempotent
from indigo.cases.access import application_view_record
from indigo.dossier import selectors, services, sniffing
from indigo.dossier.access import may_open
from indigo.dossier.models import Document, DocumentAccess, Source


class DocumentUploadInput(StrictInput):
    type = serializers.SlugField(max_length=60, help_text="Document type code, e.g. `passport`.")
    # Empty files pass here so the service can say what to do about them.
    file = serializers.FileField(
        allow_empty_file=True, use_url=False, help_text="PDF, JPEG or PNG; judged by content."
    )
    source = serializers.ChoiceField(
        choices=Source.choices,
        required=False,
        help_text="Staff only: who supplied the document. Default: from the uploader's role.",
    )


class DocumentOutput(serializers.Serializer):
    id = serializers.IntegerField()
    type = serializers.CharField(source="document_type.code")
    version = serializers.IntegerField()
    latest = serializers.BooleanField(source="is_latest")
    content_type = serializers.CharField()
    size_bytes = serializers.IntegerField()
    sha256 = serializers.CharField()
    uploaded_at = serializers.DateTimeField()
    uploaded_by = serializers.CharField(source="uploaded_by.username")
    source = serializers.CharField()
    download = serializers.SerializerMethodField()

    def get_download(self, document) -> str:
        path = reverse(
            "application-document-content",
            kwargs={"reference": self.context["reference"], "document_id": document.pk},
        )
        return self.context["request"].build_absolute_uri(path)


DOCUMENT_EXAMPLE = {
    "id": 12,
    "type": "passport",
    "version": 1,
    "latest": True,
    "content_type": "application/pdf",
    "size_bytes": 48213,
    "sha256": "9f2c…",
    "uploaded_at": "2026-03-01T10:05:00+01:00",
    "uploaded_by": "valentina",
    "source": "applicant",
    "download": "https://indigo.example/api/v1/applications/IND-2026-000123/documents/12/content",
}


class DocumentListApi(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        operation_id="documents_list",
        tags=["dossier"],
        summary="List the dossier's documents",
        description="Every document of the application, each version, with its checksum.",
        responses=DocumentOutput(many=True),
        examples=[OpenApiExample("Documents", value=[DOCUMENT_EXAMPLE], response_only=True)],
    )
    def get(self, request, reference: str):
        application = get_visible_application(request, reference)
        if not may_open(request.user, application):
            # A sponsor follows the application, not the migrant's documents.
            raise PermissionDenied(_("You cannot open the documents of this application."))
        documents = selectors.documents_of(application=application)
        application_view_record(
            user=request.user, application=application, context="api:documents_list"
        )
        context = {"request": request, "reference": application.reference}
        return Response(DocumentOutput(documents, many=True, context=context).data)

    @extend_schema(
        operation_id="documents_create",
        tags=["dossier"],
        request={"multipart/form-data": DocumentUploadInput},
        responses={201: DocumentOutput},
        summary="Add a document",
        examples=[
            OpenApiExample(
                "Added", value=DOCUMENT_EXAMPLE, response_only=True, status_codes=["201"]
            )
        ],
        description=(
            "Add a document to the dossier. A second upload of the same type is its next "
            "version; earlier versions are kept. The type of file is judged by its content."
        ),
    )
    @idempotent
    def post(self, request, reference: str):
        application = get_visible_application(request, reference)
        data = DocumentUploadInput(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        document = services.document_upload(
            actor=request.user,
            application=application,
            document_type_code=v["type"],
            file=v["file"],
            source=v.get("source"),
        )
        document = selectors.document_get(application=application, document_id=document.pk)
        application_view_record(
            user=request.user, application=application, context="api:documents_create"
        )
        context = {"request": request, "reference": application.reference}
        return Response(DocumentOutput(document, context=context).data, status=201)


class _AlwaysJson(BaseContentNegotiation):
    """The file itself ignores Accept; errors are always problem+json."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class DocumentContentApi(APIView):
    content_negotiation_class = _AlwaysJson

    @extend_schema(
        operation_id="documents_content",
        tags=["dossier"],
        responses={
            (200, media_type): OpenApiResponse(OpenApiTypes.BINARY)
            for media_type in sniffing.ALLOWED
        },
        summary="Download a document",
        examples=[
            OpenApiExample(
                "A PDF", value="%PDF-1.7 …", response_only=True, media_type="application/pdf"
            )
        ],
        description=(
            "The file, checked against its SHA-256 before it is sent (500 if it does not "
            "match). Every download is recorded."
        ),
    )
    def get(self, request, reference: str, document_id: int):
        application = get_visible_application(request, reference)
        try:
            document = selectors.document_get(application=application, document_id=document_id)
        except Document.DoesNotExist:
            raise NotFound(
                _("Application %(reference)s has no document %(document)s.")
                % {"reference": reference, "document": document_id}
            ) from None
        content = services.document_open(
            actor=request.user,
            document=document,
            kind=DocumentAccess.Kind.DOWNLOAD,
            context="api",
        )
        extension = sniffing.EXTENSIONS.get(document.content_type, "bin")
        # Reference, type and version only: the uploader's file name may hold personal data.
        filename = (
            f"{application.reference}-{document.document_type.code}-v{document.version}.{extension}"
        )
        response = FileResponse(
            content, as_attachment=True, filename=filename, content_type=document.content_type
        )
        response["Cache-Control"] = "private, no-store"
        return response
