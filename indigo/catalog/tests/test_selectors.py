"""Which version's law applies on a date, and until when a version is in force."""

from datetime import date
from decimal import Decimal

import pytest

from indigo.catalog.models import Product, ProductVersion
from indigo.catalog.selectors import NoVersionInForce, version_in_force


@pytest.fixture
def hsm(catalog):
    return Product.objects.get(code="highly-skilled-migrant")


def test_the_2025_version_is_in_force_on_the_last_day_of_2025(hsm):
    version = version_in_force(product=hsm, on=date(2025, 12, 31))

    assert version.valid_from == date(2025, 1, 1)
    assert version.fee_eur == Decimal("405.00")


def test_the_2026_version_is_in_force_from_1_january_2026(hsm):
    version = version_in_force(product=hsm, on=date(2026, 1, 1))

    assert version.valid_from == date(2026, 1, 1)
    assert version.fee_eur == Decimal("423.00")


def test_no_version_is_in_force_before_the_first_version(hsm):
    with pytest.raises(NoVersionInForce, match="highly-skilled-migrant"):
        version_in_force(product=hsm, on=date(2024, 12, 31))


def test_a_version_is_valid_until_the_day_before_the_next_version_starts(hsm):
    version = ProductVersion.objects.get(product=hsm, valid_from=date(2025, 1, 1))

    assert version.valid_to == date(2025, 12, 31)


def test_the_latest_version_is_open_ended(hsm):
    version = ProductVersion.objects.get(product=hsm, valid_from=date(2026, 1, 1))

    assert version.valid_to is None
