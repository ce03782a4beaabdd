"""Remedies as law-dated data: the kind, the period and the last day per product."""

from datetime import date

import pytest
import yaml
from django.core.management import call_command

from indigo.catalog.models import Product, ProductVersion
from indigo.catalog.remedies import DEFAULT_REMEDIES_PATH, NoRemedy, remedies_read, remedy_for
from indigo.catalog.services import catalog_load
from indigo.catalog.tests.conftest import minimal_catalog, remedies_file_for
from indigo.lawdata.loader import LawDataError

pytestmark = pytest.mark.django_db

REGULAR = [
    "study",
    "highly-skilled-migrant",
    "eu-blue-card",
    "paid-employment",
    "au-pair",
    "exchange",
    "family-partner",
    "family-child",
    "permanent-residence-eu",
]


def version(code: str, on: date = date(2026, 6, 1)) -> ProductVersion:
    return ProductVersion.objects.filter(product__code=code).in_force_on(on)


class FakeApplication:
    def __init__(self, code: str, *, asylum_procedure: str = "", objection_period_ends=None):
        self.product_version = version(code)
        self.asylum_procedure = asylum_procedure
        self.objection_period_ends = objection_period_ends


@pytest.mark.parametrize("code", REGULAR)
def test_a_regular_refusal_is_open_to_objection_to_the_ind_within_four_weeks(code):
    remedy = remedy_for(version(code), "refuse", on=date(2026, 6, 1))
    assert remedy.kind == "objection"
    assert str(remedy.period) == "4 weeks"
    assert "69" in remedy.citation.nl and "Vreemdelingenwet 2000" in remedy.citation.nl
    assert "Ter Apel" in remedy.address.nl


def test_a_naturalisation_decision_is_open_to_objection_within_six_weeks():
    remedy = remedy_for(version("naturalisation"), "refuse", on=date(2026, 6, 1))
    assert remedy.kind == "objection"
    assert str(remedy.period) == "6 weeks"
    assert "6:7" in remedy.citation.nl


def test_an_asylum_refusal_has_no_objection_but_an_appeal_to_the_court():
    remedy = remedy_for(version("asylum"), "refuse", on=date(2026, 6, 1))
    assert remedy.kind == "appeal"
    assert remedy.to.nl == "de rechtbank"
    # Unknown procedure: the shortest period, so no letter gives more time than the law.
    assert str(remedy.period) == "1 week"


def test_an_asylum_refusal_in_the_extended_procedure_gives_four_weeks():
    application = FakeApplication("asylum", asylum_procedure="extended")
    remedy = remedy_for(application, "refuse", on=date(2026, 6, 1))
    assert (remedy.kind, str(remedy.period), remedy.procedure) == ("appeal", "4 weeks", "extended")


def test_asylum_has_no_decision_on_objection():
    with pytest.raises(NoRemedy):
        remedy_for(version("asylum"), "on-objection", on=date(2026, 6, 1))


def test_after_an_objection_the_remedy_is_an_appeal_to_the_court():
    application = FakeApplication("study", objection_period_ends=date(2026, 5, 1))
    remedy = remedy_for(application, "refuse", on=date(2026, 6, 1))
    assert (remedy.kind, str(remedy.period)) == ("appeal", "4 weeks")


# Worked examples of the last day (Awb 6:8 and the Algemene termijnenwet).
@pytest.mark.parametrize(
    ("code", "notified_on", "last_day"),
    [
        # Fri 4 Dec 2026 + 4 weeks = Fri 1 Jan 2027, New Year's Day: Mon 4 Jan 2027.
        ("study", date(2026, 12, 4), date(2027, 1, 4)),
        # Wed 3 Jun 2026 + 4 weeks = Wed 1 Jul 2026, a working day.
        ("family-partner", date(2026, 6, 3), date(2026, 7, 1)),
        # Tue 24 Mar 2026 + 6 weeks = Tue 5 May 2026, Liberation Day: Wed 6 May 2026.
        ("naturalisation", date(2026, 3, 24), date(2026, 5, 6)),
        # Asylum, general procedure: Sat 30 May 2026 + 1 week = Sat 6 Jun: Mon 8 Jun 2026.
        ("asylum", date(2026, 5, 30), date(2026, 6, 8)),
        # Asylum, 1 week ending on Whit Monday (25 May 2026): Tue 26 May 2026.
        ("asylum", date(2026, 5, 18), date(2026, 5, 26)),
    ],
)
def test_the_last_day_of_each_remedy(code, notified_on, last_day):
    remedy = remedy_for(version(code), "refuse", on=notified_on)
    assert remedy.last_day(notified_on=notified_on) == last_day


def test_every_shipped_product_has_a_remedy_for_every_outcome():
    for product in Product.objects.all():
        for outcome in ("grant", "grant-differently", "refuse"):
            assert remedy_for(product.versions.last(), outcome, on=date(2026, 6, 1)).citation.en


def test_the_catalog_loader_refuses_a_product_without_remedies(write_catalog, tmp_path):
    other = remedies_file_for(["another-product"])
    path = write_catalog(minimal_catalog(), remedies=other)
    with pytest.raises(LawDataError) as raised:
        catalog_load(path=path)
    assert "product 'test-study': remedies: missing" in str(raised.value)


def test_the_remedies_reader_names_product_and_field(tmp_path):
    data = yaml.safe_load(DEFAULT_REMEDIES_PATH.read_text(encoding="utf-8"))
    del data["remedies"][1]["versions"][0]["outcomes"]["refuse"]["citation"]
    path = tmp_path / "remedies.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(LawDataError) as raised:
        remedies_read(path=path)
    assert "remedies for naturalisation, version 2001-04-01: outcomes.refuse.citation: missing" in (
        str(raised.value)
    )


def test_indigo_check_reports_a_product_without_remedies(capsys):
    Product.objects.create(code="unheard-of", process="asylum", name_en="X", name_nl="X")
    with pytest.raises(Exception) as raised:
        call_command("check", "--database", "default", "--tag", "catalog")
    assert "product 'unheard-of': remedies: missing" in str(raised.value)


def test_the_catalog_loader_refuses_a_product_without_a_citation(write_catalog):
    path = write_catalog(
        minimal_catalog(), citations={"citations": {"other": {"nl": "x", "en": "y"}}}
    )
    with pytest.raises(LawDataError) as raised:
        catalog_load(path=path)
    assert "product 'test-study': citation: missing" in str(raised.value)


def test_citations_carry_no_research_notes():
    from indigo.catalog.citations import citations_read

    for code, words in citations_read().items():
        for text in (words.nl, words.en):
            for marker in ("[V]", "UNVERIFIED", "?", "ind-facts", "RFC-"):
                assert marker not in text, (code, text)
