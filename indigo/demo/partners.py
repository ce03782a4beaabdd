"""The chain in the demo: a family application whose facts came from partner agencies.

A made-up applicant applies online today to join her partner in the Netherlands and
gives only the partner's (made-up) BSN; the worker then asks the BRP and the income
simulators (`indigo.partners`), whose answers are recorded as facts with source
"partner", the register and the request id. The caseworker sees them, with the calls,
on the application's page. The `partner` login (the public prosecutor) asks about the
applicant's residence through the API (`POST /api/v1/residence-status`).
"""

from datetime import date

from indigo import clock
from indigo.accounts.roles import Role
from indigo.cases.models import Application
from indigo.cases.services import ApplicantData, application_create
from indigo.catalog.models import Channel
from indigo.outbox.services import outbox_deliver_due
from indigo.rules.services import fact_record

# Made-up numbers: a BSN that passes the 11-test and a V-number; no real person.
SPONSOR_BSN = "999993653"
APPLICANT = ApplicantData(
    given_names="Amira",
    surname="Haddad",
    date_of_birth=date(1996, 9, 3),
    nationality="MAR",
    v_number="4100220301",
)


def demo_partner_application(*, users: dict) -> Application:
    """The family application whose sponsor facts the BRP and income simulators gave."""
    desk = users[Role.DESK]
    application = application_create(
        actor=desk,
        product_code="family-partner",
        applicant=APPLICANT,
        channel=Channel.DESK,
        received_on=clock.today(),
    )
    # The form's answers are entered by a caseworker: desk staff register, they do not
    # record facts (indigo.organisation.permissions).
    caseworker = users[Role.CASEWORKER]
    for name, value in (
        ("sponsor_bsn", SPONSOR_BSN),
        ("relationship_registered", True),
        ("travel_document_number", "MA7712345"),
    ):
        fact_record(
            actor=caseworker,
            application=application,
            name=name,
            value=value,
            source="applicant",
            source_detail="application form",
        )
    # The worker, as it runs after the commit: the simulators answer at once.
    outbox_deliver_due()
    return application
