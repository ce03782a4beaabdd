"""Thresholds of the misuse signals, and where they come from.

These numbers are operational choices of the agency, not law: no statute says how
many refused applications make a sponsor worth a second look. They decide only when a
specialist is asked to review an application (R16); they never decide an application.

A functional administrator sets them as rule parameters (`indigo.rules.Parameter`,
by date, with a source such as the decision of the integrity board that chose them).
Until a parameter is set, the defaults below apply; a deployment may override them in
Django settings (`INDIGO_MISUSE_*`).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

SPONSOR_REFUSAL_SHARE = "misuse-sponsor-refusal-share"
SPONSOR_MINIMUM_APPLICATIONS = "misuse-sponsor-minimum-applications"
ADDRESS_REGISTRATIONS = "misuse-address-registrations"
LOOKBACK_DAYS = "misuse-lookback-days"

# parameter key: (setting name, default, meaning)
DEFAULTS = {
    # Half of a sponsor's applications refused or withdrawn is far above what the
    # agency sees for ordinary sponsors; below that, a review would mostly find nothing.
    SPONSOR_REFUSAL_SHARE: (
        "INDIGO_MISUSE_SPONSOR_REFUSAL_SHARE",
        "0.5",
        "share (0-1) of a sponsor's applications refused or withdrawn",
    ),
    # A share over fewer applications says nothing: one withdrawal of two is 50%.
    SPONSOR_MINIMUM_APPLICATIONS: (
        "INDIGO_MISUSE_SPONSOR_MINIMUM_APPLICATIONS",
        10,
        "applications of the sponsor before its share counts",
    ),
    # A large family fits in one house; eight different people registering one address
    # within the window is unusual enough to look at.
    ADDRESS_REGISTRATIONS: (
        "INDIGO_MISUSE_ADDRESS_REGISTRATIONS",
        8,
        "different persons registering one address",
    ),
    LOOKBACK_DAYS: ("INDIGO_MISUSE_LOOKBACK_DAYS", 365, "days looked back"),
}

# The specialist review a signal routes the application to.
REVIEW_TASK = "integrity-review"
REVIEW_QUEUE = f"specialism:{REVIEW_TASK}"
REVIEW_EXPECTED_DAYS = 5
REVIEW_DUE_DAYS = 14

# Task codes whose outcome "concerns" means document examination doubts a document.
DOCUMENT_EXAMINATION_TASKS_SETTING = "INDIGO_MISUSE_DOCUMENT_EXAMINATION_TASKS"
DOCUMENT_EXAMINATION_TASKS = ("document-examination",)

# Which applications ended in a refusal: the decisions app knows (a setting may point
# elsewhere; indigo.misuse.outcomes has a provider that counts none).
REFUSED_APPLICATIONS_SETTING = "INDIGO_MISUSE_REFUSED_APPLICATIONS"
REFUSED_APPLICATIONS = "indigo.decisions.selectors.refused_application_ids"


@dataclass(frozen=True)
class Thresholds:
    sponsor_refusal_share: Decimal
    sponsor_minimum_applications: int
    address_registrations: int
    lookback_days: int


def _validated(key: str, raw, origin: str):
    try:
        if key == SPONSOR_REFUSAL_SHARE:
            value = Decimal(str(raw))
            ok = Decimal(0) < value <= Decimal(1)
        else:
            value = int(raw)
            ok = value >= 1 and str(value) == str(raw).strip()
    except (InvalidOperation, TypeError, ValueError):
        ok = False
    if not ok:
        meaning = DEFAULTS[key][2]
        raise ImproperlyConfigured(f"{origin} {key} = {raw!r} is not a valid {meaning}.")
    return value


def setting_value(key: str):
    name, default, _meaning = DEFAULTS[key]
    return _validated(key, getattr(settings, name, default), f"Setting {name} for")


def thresholds_on(day: date) -> Thresholds:
    """The thresholds in force on `day`: the parameter if set, else the setting."""
    from indigo.rules.models import Parameter

    newest = {
        row.key: row for row in Parameter.objects.filter(key__in=DEFAULTS).all_in_force_on(day)
    }
    values = {}
    for key in DEFAULTS:
        row = newest.get(key)
        if row is None or row.value is None:  # not set (yet): the operational default
            values[key] = setting_value(key)
        else:
            values[key] = _validated(key, row.value, f"Parameter (from {row.valid_from:%Y-%m-%d})")
    return Thresholds(
        sponsor_refusal_share=values[SPONSOR_REFUSAL_SHARE],
        sponsor_minimum_applications=values[SPONSOR_MINIMUM_APPLICATIONS],
        address_registrations=values[ADDRESS_REGISTRATIONS],
        lookback_days=values[LOOKBACK_DAYS],
    )


def document_examination_tasks() -> tuple[str, ...]:
    return tuple(getattr(settings, DOCUMENT_EXAMINATION_TASKS_SETTING, DOCUMENT_EXAMINATION_TASKS))


def refused_applications_provider():
    return import_string(getattr(settings, REFUSED_APPLICATIONS_SETTING, REFUSED_APPLICATIONS))
