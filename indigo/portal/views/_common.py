"""Helpers shared by the portal's views."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from indigo import clock
from indigo.portal import selectors, services, wizard
from indigo.portal.models import Draft
from indigo.portal.selectors import Offer


def safe_next(request, default: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


def offer_or_404(product_code: str) -> Offer:
    offer = selectors.offer_for(product_code=product_code, on=clock.today())
    if offer is None:
        raise Http404
    return offer


def offer_and_draft(request, product_code: str) -> tuple[Offer, Draft]:
    offer = offer_or_404(product_code)
    return offer, services.draft_open(user=request.user, offer=offer)


def oidc_enabled() -> bool:
    return getattr(settings, "INDIGO_OIDC_ENABLED", False)


def step_url(offer: Offer, code: str) -> str:
    return reverse("portal:apply-step", args=[offer.product.code, code])


def render_step(request, offer, draft, code: str, context: dict, *, status=200):
    steps = wizard.steps(offer, draft)
    number = next(s.number for s in steps if s.code == code)
    return render(
        request,
        f"portal/step_{code}.html",
        {
            "offer": offer,
            "draft": draft,
            "steps": steps,
            "current": code,
            "step_number": number,
            "step_count": len(steps),
            "step_title": wizard.TITLES[code],
            "nav": "apply",
            **context,
        },
        status=status,
    )
