from datetime import date

import pytest
import time_machine
from django.core.management import call_command

from indigo.accounts.tests.factories import user_with_role
from indigo.audit.tests.tampering import triggers_off
from indigo.audit.verify import audit_verify
from indigo.cases.models import Applicant, ApplicationEvent
from indigo.cases.services import application_act
from indigo.cases.tests.factories import make_application
from indigo.catalog.models import Product
from indigo.dossier.tests.factories import make_document, stored_files
from indigo.privacy.retention import retention_due, retention_rules, retention_years

pytestmark = pytest.mark.django_db


def withdrawn(caseworker, **person):
    application = make_application(actor=caseworker, **person)
    return application_act(
        actor=caseworker, application=application, action="withdraw", reason="On request."
    )


@pytest.fixture
def caseworker(catalog):
    return user_with_role("caseworker")


def test_every_product_of_the_catalog_has_a_period_for_every_outcome(catalog):
    for product in Product.objects.values_list("code", flat=True):
        for outcome in ("grant", "refuse", "withdrawn", "none"):
            years = retention_years(product=product, outcome=outcome)
            assert years is None or 1 <= years <= 100, (product, outcome)
    assert retention_rules()["source"]  # every figure names where it comes from


def test_a_withdrawn_application_is_due_five_years_after_the_end_of_its_year(caseworker):
    with time_machine.travel("2026-03-02 10:00 +01:00"):
        application = withdrawn(caseworker)

    assert retention_due(today=date(2031, 12, 31)) == []
    (due,) = retention_due(today=date(2032, 1, 1))
    assert due.references == [application.reference]


def test_a_person_with_an_open_application_is_not_due(caseworker):
    with time_machine.travel("2026-03-02 10:00 +01:00"):
        old = withdrawn(caseworker, v_number="1234567890")
        make_application(actor=caseworker, v_number="1234567890")
    assert old.applicant.applications.count() == 2

    assert retention_due(today=date(2040, 1, 1)) == []


def test_apply_anonymises_the_person_redacts_events_deletes_files_and_keeps_the_chain(
    caseworker, settings, tmp_path, capsys
):
    settings.STORAGES = {
        **settings.STORAGES,
        "dossier": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path},
        },
    }
    with time_machine.travel("2026-03-02 10:00 +01:00"):
        application = make_application(actor=caseworker, surname="Forgotten")
        make_document(actor=caseworker, application=application)
        application = application_act(
            actor=caseworker, application=application, action="withdraw", reason="Moved abroad."
        )
        kept = make_application(actor=caseworker, surname="Kept")
    assert len(stored_files(tmp_path)) == 1

    with time_machine.travel("2032-01-02 10:00 +01:00"):
        call_command("retention", "--dry-run")
        assert f"would anonymise person {application.applicant_id}" in capsys.readouterr().out
        assert Applicant.objects.get(pk=application.applicant_id).surname == "Forgotten"

        call_command("retention", "--apply")

    out = capsys.readouterr().out
    assert f"anonymised person {application.applicant_id}" in out
    person = Applicant.objects.get(pk=application.applicant_id)
    assert (person.surname, person.v_number, person.nationality) == ("(anonymised)", "", "XXX")
    events = ApplicationEvent.objects.filter(application=application)
    assert all(e.redacted_at and e.reason == "" and e.payload == {} for e in events)
    assert stored_files(tmp_path) == []
    assert Applicant.objects.get(pk=kept.applicant_id).surname == "Kept"
    assert [r.broken for r in audit_verify() if r.broken] == []


def test_a_redaction_without_a_retention_record_is_a_broken_link(caseworker):
    application = withdrawn(caseworker)
    event = application.events.first()
    with triggers_off() as cursor:
        cursor.execute(
            "UPDATE cases_applicationevent SET reason = '', redacted_at = %s WHERE id = %s",
            ["2030-01-01 00:00:00+00:00", event.pk],
        )

    (broken,) = [r.broken for r in audit_verify() if r.broken]
    assert broken.row_id == event.pk
    assert "without a retention record" in broken.problem
