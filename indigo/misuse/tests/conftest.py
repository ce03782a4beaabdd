import pytest

from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.cases.tests.factories import make_application
from indigo.misuse import conf


@pytest.fixture
def caseworker(catalog):
    return user_with_role("caseworker")


@pytest.fixture
def integrity_unit(catalog):
    return make_unit(
        "integrity", kind="specialist", specialisms=[conf.REVIEW_TASK], city="Rijswijk"
    )


@pytest.fixture
def specialist(integrity_unit):
    return user_with_role("specialist", units=[integrity_unit])


@pytest.fixture
def apply(caseworker):
    """A received application; applicant fields as keyword arguments."""

    def make(**kwargs):
        kwargs.setdefault("actor", caseworker)
        return make_application(**kwargs)

    return make


@pytest.fixture
def small_thresholds(settings):
    settings.INDIGO_MISUSE_SPONSOR_REFUSAL_SHARE = "0.5"
    settings.INDIGO_MISUSE_SPONSOR_MINIMUM_APPLICATIONS = 4
    settings.INDIGO_MISUSE_ADDRESS_REGISTRATIONS = 3
    settings.INDIGO_MISUSE_LOOKBACK_DAYS = 365
