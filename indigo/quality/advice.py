"""The municipality's advice form on a naturalisation application (adviesblad).

A naturalisation request is lodged at the municipality; the mayor checks it, completes
it and sends it to the agency with an advice (Rijkswet op het Nederlanderschap art. 11
and the Handleiding RWN 2003 on the mayor's advice, wetten.overheid.nl BWBW33099: the
request is complete when the fees are paid, all required data given and all requested
documents supplied). The form is recorded as data, part by part, with what it lacked
at delivery, so that the share of forms complete at first delivery can be measured per
municipality and guidance improved where they fall short (the seed's Condor example).
"""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from indigo import clock
from indigo.cases.models import Application
from indigo.catalog.models import Process
from indigo.errors import InvalidInput
from indigo.quality.models import AdviceForm

# The parts the agency needs from the municipality (key: what the part establishes).
ADVICE_FORM_PARTS = {
    "identity": gettext_lazy("Identity and nationality established"),
    "residence": gettext_lazy("Lawful residence and registration in the BRP checked"),
    "integration": gettext_lazy("Integration exam (inburgering) or exemption shown"),
    "public_order": gettext_lazy("Public order screening done"),
    "renunciation": gettext_lazy("Statement on giving up the other nationality"),
    "fee_paid": gettext_lazy("Fee paid"),
    "advice": gettext_lazy("The mayor's advice with its reasons"),
}


def advice_form_missing(parts: dict) -> list[str]:
    """The parts a form lacks: absent, empty or only spaces."""
    return [key for key in ADVICE_FORM_PARTS if not str(parts.get(key) or "").strip()]


def advice_form_record(
    *,
    actor,
    application: Application,
    municipality_code: str,
    municipality_name: str,
    delivered_on: date,
    parts: dict,
) -> AdviceForm:
    """Record a delivery of the advice form; the first delivery is what the measure counts."""
    if application.product.process != Process.NATURALISATION:
        raise InvalidInput(
            _("Only a naturalisation application comes with a municipality's advice form."),
            field="application",
        )
    code = (municipality_code or "").strip().upper()
    if not code or len(code) > 6:
        raise InvalidInput(
            _("Give the municipality's CBS code, e.g. GM0363."), field="municipality_code"
        )
    if not (municipality_name or "").strip():
        raise InvalidInput(_("Give the municipality's name."), field="municipality_name")
    if delivered_on > clock.today():
        raise InvalidInput(_("The delivery date cannot be in the future."), field="delivered_on")
    unknown = sorted(set(parts) - set(ADVICE_FORM_PARTS))
    if unknown:
        raise InvalidInput(
            _("The advice form has no part(s) %(parts)s.") % {"parts": ", ".join(unknown)},
            field="parts",
        )
    missing = advice_form_missing(parts)
    with transaction.atomic():
        Application.objects.select_for_update().filter(pk=application.pk).first()
        first = not AdviceForm.objects.filter(application=application).exists()
        return AdviceForm.objects.create(
            application=application,
            municipality_code=code,
            municipality_name=municipality_name.strip(),
            delivered_on=delivered_on,
            first=first,
            parts={k: str(v) for k, v in parts.items()},
            missing=missing,
            complete=not missing,
            recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
            recorded_at=clock.now(),
        )
