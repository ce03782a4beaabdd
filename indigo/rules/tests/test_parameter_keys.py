"""Other apps declare the parameters they read, so the file and the admin accept them."""

import pytest

from indigo.rules.parameter_keys import PARAMETER_KEYS, parameter_key_declare


@pytest.fixture
def declared():
    before = dict(PARAMETER_KEYS)
    yield
    PARAMETER_KEYS.clear()
    PARAMETER_KEYS.update(before)


def test_an_app_declares_a_key_with_its_unit(declared):
    parameter_key_declare("desk-queue-days", unit="days", label_en="d", label_nl="d", owner="desks")

    assert PARAMETER_KEYS["desk-queue-days"].owner == "desks"


def test_declaring_a_key_again_with_another_unit_is_refused(declared):
    with pytest.raises(ValueError, match="already declared"):
        parameter_key_declare("hsm-age-boundary", unit="days", label_en="", label_nl="", owner="x")


def test_an_unknown_unit_is_refused(declared):
    with pytest.raises(ValueError, match="Unknown unit"):
        parameter_key_declare("x-y", unit="parsecs", label_en="", label_nl="", owner="x")
