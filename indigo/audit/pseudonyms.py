"""Pseudonymised data subject ids for the processing log.

The log never holds a name, V-number or database id of a person, only a keyed hash
(HMAC-SHA256) of the applicant id. Whoever holds the key (the application) can find
the lines about one person; whoever reads only the log cannot tell who they are about.
The key is INDIGO_PSEUDONYM_KEY; it must not change, or older lines can no longer be
found by person (see docs/security.md, "Audit trail").
"""

import hashlib
import hmac

from django.conf import settings

APPLICANT = "indigo:applicant"


def _key() -> bytes:
    configured = getattr(settings, "INDIGO_PSEUDONYM_KEY", "")
    if configured:
        return configured.encode()
    return hashlib.sha256(f"indigo-pseudonym:{settings.SECRET_KEY}".encode()).digest()


def applicant_pseudonym(applicant_id: int) -> str:
    return hmac.new(_key(), f"applicant:{applicant_id}".encode(), hashlib.sha256).hexdigest()
