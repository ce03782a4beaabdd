import pytest

from indigo.desks.validators import CODE_ALPHABET, new_appointment_code, validate_card_number
from indigo.errors import InvalidInput


@pytest.mark.parametrize("number", ["V123AL568", "VZZZZZZZZ", "V99999999", "VABCDEFGH"])
def test_valid_card_numbers(number):
    assert validate_card_number(number) == number


@pytest.mark.parametrize(
    "number", ["V00000000", "VOOOOOOOO", "123AL5689", "V123AL56", "V123AL5678"]
)
def test_invalid_card_numbers(number):
    with pytest.raises(InvalidInput):
        validate_card_number(number)


def test_the_message_explains_the_format():
    with pytest.raises(InvalidInput) as refusal:
        validate_card_number("V1230L568")

    assert refusal.value.message == (
        "“V1230L568” is not a residence card number. It is the letter V and 8 letters or "
        "digits, without the digit 0 or the letter O, for example V123AL568."
    )


def test_appointment_codes_differ_and_avoid_characters_that_look_alike():
    codes = {new_appointment_code() for _ in range(1000)}

    assert len(codes) == 1000
    assert all(len(code) == 8 and set(code) <= set(CODE_ALPHABET) for code in codes)
    assert not set(CODE_ALPHABET) & set("0O1I")
