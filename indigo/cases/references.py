"""Application references: short, unguessable, free of personal data."""

import secrets

# Crockford base32 without I, L, O, U: easy to read out on the phone.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_reference(year: int) -> str:
    return f"{year}-" + "".join(secrets.choice(_ALPHABET) for _ in range(8))
