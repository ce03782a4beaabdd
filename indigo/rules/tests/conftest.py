"""Fixtures of the rules tests: the shipped parameters, and applications with facts.

Until the root conftest loads the parameters with the catalog, every test here loads
them (inside its own transaction) through `ensure_parameters`.
"""

import pytest

from indigo.accounts.tests.factories import user_with_role
from indigo.rules.services import ensure_parameters
from indigo.rules.tests.factories import application_with_facts


@pytest.fixture(autouse=True)
def parameters(db):
    ensure_parameters()


@pytest.fixture
def caseworker(db):
    return user_with_role("caseworker")


@pytest.fixture
def apply(caseworker):
    """`apply("highly-skilled-migrant", received_on=date(2026, 3, 1), gross_monthly_salary=5942)`"""

    def make(product: str, **kwargs):
        return application_with_facts(actor=caseworker, product=product, **kwargs)

    return make
