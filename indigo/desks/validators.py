"""The identifiers the desks hand out and read: appointment codes and card numbers."""

import re
import secrets

from django.utils.translation import gettext as _

from indigo.errors import InvalidInput

# No 0/O and 1/I: the code is read aloud and typed over from an e-mail.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8  # 32**8: about 10**12 codes, so a code cannot be guessed

# Residence card number (documentnummer verblijfsdocument) since October 2019: the letter
# V and 8 letters or digits, never the digit 0 or the letter O [V rvig.nl 2019-12-10].
CARD_NUMBER = re.compile(r"V[1-9A-NP-Z]{8}")


def new_appointment_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(value: str) -> str:
    return "".join(str(value or "").split()).upper()


def validate_card_number(value: str) -> str:
    number = "".join(str(value or "").split()).upper()
    if not number:
        raise InvalidInput(_("Give the number of the residence card."), field="card_number")
    if not CARD_NUMBER.fullmatch(number):
        raise InvalidInput(
            _(
                "“%(number)s” is not a residence card number. It is the letter V and 8 "
                "letters or digits, without the digit 0 or the letter O, for example "
                "V123AL568."
            )
            % {"number": number},
            field="card_number",
        )
    return number
