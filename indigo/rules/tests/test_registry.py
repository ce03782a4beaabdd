"""Every product of the catalog has a rule set, and each finding is well formed."""

from datetime import date

import pytest

from indigo.catalog.models import Product
from indigo.rules.findings import Outcome
from indigo.rules.registry import registered_products
from indigo.rules.tests.factories import findings_of

RECEIVED = date(2026, 3, 2)


def test_every_catalog_product_has_a_rule_set(db):
    assert set(Product.objects.values_list("code", flat=True)) <= registered_products()


@pytest.mark.parametrize("product", sorted(registered_products()))
def test_an_application_without_facts_is_refused_on_nothing_it_lacks(apply, product):
    findings = findings_of(apply(product, received_on=RECEIVED)).values()

    assert findings
    for finding in findings:
        if finding.outcome is Outcome.NOT_MET:  # only on what the application itself says
            assert {u.kind for u in finding.facts} <= {"application", "parameter"}
        assert finding.legal_basis.strip()
        assert finding.explanation_en.strip() and finding.explanation_nl.strip()
        assert finding.explanation_en != finding.explanation_nl
        if finding.outcome is Outcome.MISSING:
            assert finding.missing
