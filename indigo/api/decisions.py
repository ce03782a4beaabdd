"""REST API of assessing and deciding: facts, findings, the decision, four eyes, fast track.

Thin: the same services as the staff application page (`indigo.rules.services`,
`indigo.decisions.services`); who may call what is asked of `indigo.api.permissions`.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from indigo.api import permissions
from indigo.api.base import StrictInput, parse
from indigo.decisions.models import Decision
from indigo.decisions.panel import decision_actions
from indigo.decisions.selectors import (
    assessment_of,
    decision_shown,
    finding_snapshot,
)
from indigo.decisions.services import (
    decision_approve_open,
    decision_fast_track,
    decision_record,
)
from indigo.errors import Conflict, InvalidInput
from indigo.rules.findings import Outcome
from indigo.rules.models import Fact
from indigo.rules.selectors import facts_of
from indigo.rules.services import fact_record
from indigo.rules.vocabulary import FACT_NAMES

REF = "IND-2026-000123"


def _with_decision_actions(exc: Conflict, *, user, application) -> Conflict:
    application.refresh_from_db()
    exc.possible_actions = decision_actions(user=user, application=application)
    return exc


# --- facts ---------------------------------------------------------------------------


class FactValueOutput(serializers.Serializer):
    value = serializers.JSONField()
    source = serializers.ChoiceField(choices=Fact.Source.choices)
    source_detail = serializers.CharField()
    recorded_at = serializers.DateTimeField()
    recorded_by = serializers.CharField(source="recorded_by.username", default=None)


class FactOutput(serializers.Serializer):
    name = serializers.CharField()
    kind = serializers.SerializerMethodField()
    label_en = serializers.CharField()
    label_nl = serializers.CharField()
    current = FactValueOutput(help_text="The value that counts: the newest.")
    earlier = FactValueOutput(many=True, help_text="Earlier values, newest first.")

    def get_kind(self, entry) -> str | None:
        declared = FACT_NAMES.get(entry.name)
        return str(declared.kind) if declared else None


FACT_EXAMPLE = {
    "name": "admitted_to_programme",
    "kind": "bool",
    "label_en": "whether the applicant is admitted to the programme",
    "label_nl": "of de aanvrager is toegelaten tot de opleiding",
    "current": {
        "value": True,
        "source": "sponsor",
        "source_detail": "Universiteit van Zwolle (KvK 30000001)",
        "recorded_at": "2026-08-03T10:00:00+02:00",
        "recorded_by": "officer",
    },
    "earlier": [],
}


class FactInput(StrictInput):
    name = serializers.ChoiceField(
        choices=sorted(FACT_NAMES), help_text="A fact of the rules' vocabulary."
    )
    value = serializers.JSONField(help_text="Typed by the fact's kind (bool, money, date, …).")
    source = serializers.ChoiceField(choices=Fact.Source.values)
    source_detail = serializers.CharField(
        required=False, allow_blank=True, max_length=200, help_text="e.g. BRP, UWV."
    )


class FactListApi(APIView):
    @extend_schema(
        operation_id="facts_list",
        tags=["assessment"],
        summary="List the facts of an application",
        description="Every fact known about the application, with its source; the newest "
        "value of each counts, earlier ones are kept.",
        responses=FactOutput(many=True),
        examples=[OpenApiExample("Facts", value=[FACT_EXAMPLE], response_only=True)],
    )
    def get(self, request, reference: str):
        permissions.require(request.user, "facts_list")
        application = permissions.application_for(request.user, reference)
        return Response(FactOutput(facts_of(application=application), many=True).data)

    @extend_schema(
        operation_id="facts_create",
        tags=["assessment"],
        summary="Record a fact",
        description=(
            "Record what is known about the application and where it came from. The value "
            "must fit the fact's kind in the rules' vocabulary; a correction is a newer "
            "fact with the same name. Applicants and sponsors record only their own "
            "statements."
        ),
        request=FactInput,
        responses={201: FactOutput},
        examples=[
            OpenApiExample(
                "A fact from a partner",
                value={
                    "name": "criminal_record",
                    "value": False,
                    "source": "partner",
                    "source_detail": "Justid",
                },
                request_only=True,
            ),
            OpenApiExample(
                "Recorded", value=FACT_EXAMPLE, response_only=True, status_codes=["201"]
            ),
        ],
    )
    def post(self, request, reference: str):
        permissions.require(request.user, "facts_create")
        application = permissions.application_for(request.user, reference)
        v = parse(FactInput, request.data)
        try:
            fact_record(
                actor=request.user,
                application=application,
                name=v["name"],
                value=v["value"],
                source=v["source"],
                source_detail=v.get("source_detail", ""),
            )
        except InvalidInput as exc:
            if exc.field == v["name"]:  # the value does not fit the fact
                raise InvalidInput(exc.message, field="value", code=exc.code) from None
            raise
        entry = next(e for e in facts_of(application=application) if e.name == v["name"])
        return Response(FactOutput(entry).data, status=201)


# --- findings ------------------------------------------------------------------------


class FactUseOutput(serializers.Serializer):
    name = serializers.CharField()
    value = serializers.JSONField()
    source = serializers.CharField()


class FindingOutput(serializers.Serializer):
    condition = serializers.CharField()
    outcome = serializers.ChoiceField(choices=[o.value for o in Outcome])
    outcome_label = serializers.SerializerMethodField()
    legal_basis = serializers.CharField(help_text="The legal citation.")
    explanation_nl = serializers.CharField(help_text="For the applicant, in Dutch.")
    explanation_en = serializers.CharField(help_text="For the applicant, in English.")
    facts = FactUseOutput(many=True)
    missing = serializers.ListField(child=serializers.CharField())

    def get_outcome_label(self, finding) -> str:
        return Outcome(finding["outcome"]).label


class FindingsOutput(serializers.Serializer):
    proposal = serializers.ChoiceField(
        choices=["grant", "judgement", "request-information"],
        help_text="The rules propose; a person decides. Never a refusal.",
    )
    all_met = serializers.BooleanField()
    has_rule_set = serializers.BooleanField()
    findings = FindingOutput(many=True)


FINDING_EXAMPLE = {
    "condition": "admission",
    "outcome": "met",
    "outcome_label": "Met",
    "legal_basis": "Vreemdelingenbesluit 2000, art. 3.41",
    "explanation_nl": "U bent toegelaten tot de opleiding.",
    "explanation_en": "You are admitted to the programme.",
    "facts": [{"name": "admitted_to_programme", "value": True, "source": "sponsor"}],
    "missing": [],
}


class FindingsApi(APIView):
    @extend_schema(
        operation_id="findings_retrieve",
        tags=["assessment"],
        summary="The findings and the proposal",
        description=(
            "What the rules say today: each condition with its outcome, the explanation "
            "for the applicant in Dutch and English and the legal citation, and the "
            "proposal (grant, judgement or request-information; never a refusal)."
        ),
        responses=FindingsOutput,
        examples=[
            OpenApiExample(
                "All met",
                value={
                    "proposal": "grant",
                    "all_met": True,
                    "has_rule_set": True,
                    "findings": [FINDING_EXAMPLE],
                },
                response_only=True,
            )
        ],
    )
    def get(self, request, reference: str):
        permissions.require(request.user, "findings_retrieve")
        application = permissions.application_for(request.user, reference)
        assessment = assessment_of(application=application)
        return Response(
            FindingsOutput(
                {
                    "proposal": assessment.proposal,
                    "all_met": assessment.all_met,
                    "has_rule_set": assessment.has_rule_set,
                    "findings": [finding_snapshot(f) for f in assessment.findings],
                }
            ).data
        )


# --- the decision ----------------------------------------------------------------------


class LetterOutput(serializers.Serializer):
    document = serializers.IntegerField(source="pk")
    href = serializers.SerializerMethodField()

    def get_href(self, document) -> str:
        path = reverse(
            "application-document-content",
            kwargs={"reference": document.application.reference, "document_id": document.pk},
        )
        return self.context["request"].build_absolute_uri(path)


class DecisionOutput(serializers.Serializer):
    id = serializers.IntegerField()
    outcome = serializers.ChoiceField(choices=Decision.Outcome.choices)
    proposal = serializers.CharField()
    deviates_from_proposal = serializers.SerializerMethodField()
    motivation = serializers.CharField()
    decided_by = serializers.CharField(source="decided_by.username")
    decided_at = serializers.DateTimeField()
    needs_approval = serializers.BooleanField()
    awaits_approval = serializers.BooleanField()
    approved_by = serializers.CharField(source="approved_by.username", default=None)
    approved_at = serializers.DateTimeField()
    valid_from = serializers.DateField()
    valid_until = serializers.DateField()
    fast_track = serializers.BooleanField()
    notified_on = serializers.DateField()
    intention = serializers.IntegerField(
        source="intention_id", allow_null=True, help_text="The intended refusal it follows."
    )
    findings = serializers.JSONField(help_text="The findings as they were when deciding.")
    letter = serializers.SerializerMethodField()
    possible_actions = serializers.SerializerMethodField()

    def get_deviates_from_proposal(self, decision) -> bool:
        return not (decision.proposal == "grant" and decision.outcome == "grant")

    def get_letter(self, decision) -> LetterOutput(allow_null=True):
        if decision.letter_id is None:
            return None
        return LetterOutput(decision.letter, context=self.context).data

    def get_possible_actions(self, decision) -> list[str]:
        return decision_actions(
            user=self.context["request"].user, application=decision.application, decision=decision
        )


DECISION_EXAMPLE = {
    "id": 41,
    "outcome": "grant",
    "proposal": "grant",
    "deviates_from_proposal": False,
    "motivation": "",
    "decided_by": "anna",
    "decided_at": "2026-08-03T12:00:00+02:00",
    "needs_approval": False,
    "awaits_approval": False,
    "approved_by": None,
    "approved_at": None,
    "valid_from": "2026-08-03",
    "valid_until": "2028-08-31",
    "fast_track": True,
    "notified_on": "2026-08-03",
    "findings": [FINDING_EXAMPLE],
    "letter": {
        "document": 77,
        "href": f"https://indigo.example/api/v1/applications/{REF}/documents/77/content",
    },
    "possible_actions": [],
}


class DecisionInput(StrictInput):
    outcome = serializers.ChoiceField(choices=Decision.Outcome.values)
    motivation = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=8000,
        help_text="Needed to refuse, grant differently or deviate from the proposal.",
    )
    valid_until = serializers.DateField(
        required=False, help_text="Only when granting differently: the permit's end."
    )
    view_answer = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=8000,
        help_text="After an intended refusal: how the decision answers the written view.",
    )


def _decision_response(request, application, *, status=200):
    decision = decision_shown(application=application)
    if decision is None:
        raise NotFound(
            _("Application %(reference)s has no decision yet.")
            % {"reference": application.reference}
        )
    return Response(DecisionOutput(decision, context={"request": request}).data, status=status)


class DecisionApi(APIView):
    @extend_schema(
        operation_id="decision_retrieve",
        tags=["decision"],
        summary="The decision and its letter",
        description=(
            "The open decision, else the last notified one; its letter (once sent) is a "
            "link to the document in the dossier. 404 while there is no decision."
        ),
        responses=DecisionOutput,
        examples=[OpenApiExample("Granted", value=DECISION_EXAMPLE, response_only=True)],
    )
    def get(self, request, reference: str):
        permissions.require(request.user, "decision_retrieve")
        application = permissions.application_for(request.user, reference)
        return _decision_response(request, application)

    @extend_schema(
        operation_id="decision_record",
        tags=["decision"],
        summary="Record the decision",
        description=(
            "The caseworker's decision (only in the status decision, by the owner): "
            "grant, refuse or grant differently, with a motivation where it refuses, "
            "grants differently or deviates from the proposal. A refusal awaits a second "
            "caseworker's approval; a refusal while information is missing is a 409."
        ),
        request=DecisionInput,
        responses={201: DecisionOutput},
        examples=[
            OpenApiExample(
                "Refuse",
                value={"outcome": "refuse", "motivation": "The programme is not accredited."},
                request_only=True,
            ),
            OpenApiExample(
                "Recorded", value=DECISION_EXAMPLE, response_only=True, status_codes=["201"]
            ),
        ],
    )
    def post(self, request, reference: str):
        permissions.require(request.user, "decision_record")
        application = permissions.application_for(request.user, reference)
        v = parse(DecisionInput, request.data)
        try:
            decision_record(
                actor=request.user,
                application=application,
                outcome=v["outcome"],
                motivation=v.get("motivation", ""),
                valid_until=v.get("valid_until"),
                view_answer=v.get("view_answer", ""),
            )
        except Conflict as exc:
            raise _with_decision_actions(exc, user=request.user, application=application) from None
        return _decision_response(request, application, status=201)


class ApprovalInput(StrictInput):
    decision = serializers.IntegerField(
        help_text="The id of the decision you approve (it must still be the open one)."
    )


class DecisionApprovalApi(APIView):
    @extend_schema(
        operation_id="decision_approve",
        tags=["decision"],
        summary="Approve a refusal (four eyes)",
        description=(
            "A second caseworker approves the open refusal (vier-ogenprincipe). Never the "
            "caseworker who made it (403). 409 when the decision is no longer open or "
            "needs no approval."
        ),
        request=ApprovalInput,
        responses=DecisionOutput,
        examples=[
            OpenApiExample("Approve", value={"decision": 41}, request_only=True),
            OpenApiExample(
                "Approved",
                value=DECISION_EXAMPLE
                | {"outcome": "refuse", "needs_approval": True, "approved_by": "bram"},
                response_only=True,
            ),
        ],
    )
    def post(self, request, reference: str):
        permissions.require(request.user, "decision_approve")
        application = permissions.application_for(request.user, reference)
        v = parse(ApprovalInput, request.data)
        try:
            decision_approve_open(
                actor=request.user, application=application, decision_id=v["decision"]
            )
        except Conflict as exc:
            raise _with_decision_actions(exc, user=request.user, application=application) from None
        return _decision_response(request, application)


class DecisionFastTrackApi(APIView):
    @extend_schema(
        operation_id="decision_fast_track",
        tags=["decision"],
        summary="Grant on the fast track",
        description=(
            "For an application a recognised sponsor filed and vouched for, with every "
            "condition met: propose, grant and notify in one step. The letter is made by "
            "the worker and appears in the dossier and in the decision shortly after. "
            "409 with the reason when the fast track is not possible."
        ),
        request=None,
        responses=DecisionOutput,
        examples=[OpenApiExample("Granted", value=DECISION_EXAMPLE, response_only=True)],
    )
    def post(self, request, reference: str):
        permissions.require(request.user, "decision_fast_track")
        application = permissions.application_for(request.user, reference)
        if request.data:
            parse(StrictInput, request.data)
        try:
            decision_fast_track(actor=request.user, application=application)
        except Conflict as exc:
            raise _with_decision_actions(exc, user=request.user, application=application) from None
        return _decision_response(request, application)
