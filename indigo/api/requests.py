"""REST API of requests to the applicant (hersteltermijn) and the applicant's replies.

Thin: the same services as the staff page (`information_request_create`) and the
portal (`information_request_reply`); who may call what: `indigo.api.permissions`.
"""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from indigo.accounts.roles import is_staff_member
from indigo.api import permissions
from indigo.api.base import StrictInput, parse, with_lifecycle_actions
from indigo.cases.information_requests import information_request_create
from indigo.errors import Conflict
from indigo.portal.services import information_request_reply

REQUEST_EXAMPLE = {
    "id": 5,
    "what": "A readable copy of your passport.",
    "until": "2026-08-31",
    "language": "en",
    "message": "Dear applicant, …",
    "requested_at": "2026-08-03T12:00:00+02:00",
    "requested_by": "anna",
    "open": True,
    "answered_at": None,
    "answer": "",
    "expired_on": None,
}


class InformationRequestOutput(serializers.Serializer):
    id = serializers.IntegerField()
    what = serializers.CharField()
    until = serializers.DateField(help_text="Last day of the repair period (hersteltermijn).")
    language = serializers.CharField()
    message = serializers.CharField(help_text="The message as the applicant received it.")
    requested_at = serializers.DateTimeField()
    requested_by = serializers.SerializerMethodField()
    open = serializers.BooleanField(source="is_open")
    answered_at = serializers.DateTimeField()
    answer = serializers.CharField()
    expired_on = serializers.DateField()

    def get_requested_by(self, request) -> str | None:
        # Staff see who asked; the applicant hears from the agency.
        if is_staff_member(self.context["request"].user):
            return request.requested_by.get_username()
        return None


class InformationRequestInput(StrictInput):
    what = serializers.CharField(max_length=4000, help_text="What the applicant must send.")
    until = serializers.DateField(help_text="Last day of the repair period; after today.")


class ReplyInput(StrictInput):
    answer = serializers.CharField(required=False, allow_blank=True, max_length=4000)
    document_type = serializers.SlugField(
        required=False, allow_blank=True, help_text="With a file: its type, e.g. `passport`."
    )
    file = serializers.FileField(
        required=False, allow_empty_file=True, use_url=False, help_text="PDF, JPEG or PNG."
    )


class InformationRequestListApi(APIView):
    @extend_schema(
        operation_id="information_requests_list",
        tags=["requests"],
        summary="List the requests to the applicant",
        description="Every request for missing documents or information, newest first.",
        responses=InformationRequestOutput(many=True),
        examples=[OpenApiExample("Requests", value=[REQUEST_EXAMPLE], response_only=True)],
    )
    def get(self, request, reference: str):
        permissions.require(request.user, "information_requests_list")
        application = permissions.application_for(request.user, reference)
        requests = application.information_requests.select_related("requested_by").order_by(
            "-requested_at", "-id"
        )
        return Response(
            InformationRequestOutput(requests, many=True, context={"request": request}).data
        )

    @extend_schema(
        operation_id="information_requests_create",
        tags=["requests"],
        summary="Ask the applicant for what is missing",
        description=(
            "Sends the applicant a request in their language, with a repair period "
            "(hersteltermijn) until `until`; the decision period is suspended from today "
            "(Awb 4:15). 409 when the application cannot be suspended now."
        ),
        request=InformationRequestInput,
        responses={201: InformationRequestOutput},
        examples=[
            OpenApiExample(
                "Ask",
                value={"what": "A readable copy of your passport.", "until": "2026-08-31"},
                request_only=True,
            ),
            OpenApiExample("Sent", value=REQUEST_EXAMPLE, response_only=True, status_codes=["201"]),
        ],
    )
    def post(self, request, reference: str):
        permissions.require(request.user, "information_requests_create")
        application = permissions.application_for(request.user, reference)
        v = parse(InformationRequestInput, request.data)
        try:
            info = information_request_create(
                actor=request.user, application=application, what=v["what"], until=v["until"]
            )
        except Conflict as exc:
            raise with_lifecycle_actions(exc, application) from None
        return Response(
            InformationRequestOutput(info, context={"request": request}).data, status=201
        )


class InformationRequestReplyApi(APIView):
    parser_classes = [JSONParser, MultiPartParser]

    @extend_schema(
        operation_id="information_requests_reply",
        tags=["requests"],
        summary="Reply to a request",
        description=(
            "The applicant's answer (or staff's, for a reply on paper), optionally with a "
            "document (multipart/form-data): the document goes into the dossier and the "
            "decision period runs again. All or nothing. 409 when the request is already "
            "answered or its period ended."
        ),
        request={
            "application/json": ReplyInput,
            "multipart/form-data": ReplyInput,
        },
        responses=InformationRequestOutput,
        examples=[
            OpenApiExample(
                "An answer", value={"answer": "Attached: my new passport."}, request_only=True
            ),
            OpenApiExample(
                "Answered",
                value=REQUEST_EXAMPLE
                | {
                    "open": False,
                    "answered_at": "2026-08-05T09:00:00+02:00",
                    "answer": "Attached: my new passport.",
                },
                response_only=True,
            ),
        ],
    )
    def post(self, request, reference: str, request_id: int):
        permissions.require(request.user, "information_requests_reply")
        application = permissions.application_for(request.user, reference)
        info = permissions.information_request_for(application, request_id)
        v = parse(ReplyInput, request.data)
        info = information_request_reply(
            user=request.user,
            application=application,
            request=info,
            answer=v.get("answer", ""),
            document_type_code=v.get("document_type", ""),
            file=v.get("file"),
        )
        return Response(InformationRequestOutput(info, context={"request": request}).data)
