"""Foreign Affairs (BZ): an approved entry visa (mvv) sent to the embassy.

When a grant is notified for an application of a product that is applied for from
abroad (the entry and residence procedure, TEV; `settings.INDIGO_MVV_PRODUCTS`) and
no partner has reported the applicant as arrived or registered here, Indigo sends the
mvv authorisation to Foreign Affairs, which passes it to the embassy where the
applicant collects the visa. The embassy's issuance comes back as a partner report
(`mvv-issued`, `POST /api/v1/partner-reports`). Which nationalities need no mvv
(Vb 2000 art. 3.71) is not weighed here: the caseworker's grant of a TEV product is
what is sent.

There is no public standard API for this exchange; the real client POSTs
`{reference, product, valid_from, valid_until, applicant: {given_names, surname,
date_of_birth, nationality, travel_document_number}}` to
`{INDIGO_FOREIGN_AFFAIRS_URL}/mvv-authorisations` and expects `{"received": true}`.
"""

from django.conf import settings

from indigo.cases.event_kinds import EventKind
from indigo.cases.models import Status
from indigo.decisions.models import Decision
from indigo.partners.adapters import (
    Answer,
    PartnerAdapter,
    PartnerAnswerInvalid,
    raise_simulated_fault,
    simulator_fault,
)
from indigo.partners.http import post_json
from indigo.partners.selectors import latest_fact_value

SOURCE = "Ministry of Foreign Affairs (BZ): mvv authorisation sent to the embassy"
ARRIVED = ("border-arrival", "municipal-registration")
NOTIFIED = frozenset({Status.NOTIFIED, Status.CLOSED})


def _accepted(body) -> Answer:
    if not isinstance(body, dict) or body.get("received") is not True:
        raise PartnerAnswerInvalid("Foreign Affairs answer: 'received' is not true")
    return Answer(facts={}, source_detail=SOURCE)


class ForeignAffairs(PartnerAdapter):
    name = "foreign-affairs"
    label = "Foreign Affairs (mvv)"

    def subject_for(self, application) -> dict | None:
        if application.product.code not in settings.INDIGO_MVV_PRODUCTS:
            return None
        # Asked when the decision is notified (the event comes before the decision's
        # own bookkeeping of the notification, so the status says it).
        if application.status not in NOTIFIED:
            return None
        decision = (
            Decision.objects.filter(application=application, set_aside_at__isnull=True)
            .order_by("-decided_at", "-id")
            .first()
        )
        if decision is None or decision.outcome == Decision.Outcome.REFUSE:
            return None
        arrived = application.events.filter(
            action=EventKind.PARTNER_REPORTED, payload__report__in=ARRIVED
        ).exists()
        if arrived:
            return None
        person = application.applicant
        return {
            "reference": application.reference,
            "product": application.product.code,
            "valid_from": decision.valid_from.isoformat() if decision.valid_from else None,
            "valid_until": decision.valid_until.isoformat() if decision.valid_until else None,
            "applicant": {
                "given_names": person.given_names,
                "surname": person.surname,
                "date_of_birth": person.date_of_birth.isoformat(),
                "nationality": person.nationality,
                "travel_document_number": latest_fact_value(
                    application=application, name="travel_document_number"
                ),
            },
        }


class ForeignAffairsClient(ForeignAffairs):
    def ask(self, *, application, subject: dict, request_id: str) -> Answer:
        body = post_json(
            url=settings.INDIGO_FOREIGN_AFFAIRS_URL.rstrip("/") + "/mvv-authorisations",
            body=subject,
            request_id=request_id,
        )
        return _accepted(body)


class ForeignAffairsSimulator(ForeignAffairs):
    def ask(self, *, application, subject: dict, request_id: str) -> Answer:
        fault = simulator_fault(self.name)
        raise_simulated_fault(self.name, fault)
        return _accepted({"received": fault != "schema"})
