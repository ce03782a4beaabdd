"""Paying the fee: the wizard's fee step, the return from the payment provider and
the simulated provider's payment page (demo only)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from indigo.errors import DomainError
from indigo.portal import selectors, services, wizard
from indigo.portal.models import Payment
from indigo.portal.payments import payment_provider, simulated_payments_on
from indigo.portal.sessions import portal_login_required
from indigo.portal.views._common import render_step


def _own_payment(request, reference: str) -> Payment:
    payment = (
        Payment.objects.filter(reference=reference, user=request.user)
        .select_related("draft__product", "product")
        .first()
    )
    if payment is None:
        raise Http404
    return payment


def fee_step(request, offer, draft):
    """The fee step of the wizard (called by `indigo.portal.views.apply.step`)."""
    if request.method == "POST":

        def return_url_for(reference: str) -> str:
            path = reverse("portal:payment-return", args=[reference])
            return request.build_absolute_uri(path)

        try:
            _payment, url = services.payment_start(
                user=request.user, draft=draft, offer=offer, return_url_for=return_url_for
            )
        except DomainError as exc:
            messages.error(request, exc.message)
            return redirect("portal:apply-step", offer.product.code, wizard.FEE)
        return redirect(url)
    return render_step(
        request,
        offer,
        draft,
        wizard.FEE,
        {
            "paid": selectors.paid_payment(draft),
            "latest": selectors.latest_payment(draft),
            "provider_name": payment_provider().name,
        },
    )


@portal_login_required
@require_GET
def payment_return(request, reference: str):
    """Back from the provider: ask the provider what happened, then go on."""
    payment = services.payment_refresh(payment=_own_payment(request, reference))
    draft = payment.draft
    if draft is None:
        return redirect("portal:home")
    code = draft.product.code
    if payment.state == Payment.State.PAID:
        services.draft_step_save(draft=draft, step=wizard.FEE)
        messages.success(request, _("Thank you. You have paid the fee."))
        return redirect("portal:apply-step", code, wizard.CHECK)
    if payment.state == Payment.State.OPEN:
        messages.info(
            request,
            _("We have not received your payment yet. Wait a moment and reload this page."),
        )
    else:
        messages.error(request, _("The payment did not go through. Nothing was paid. Try again."))
    return redirect("portal:apply-step", code, wizard.FEE)


@portal_login_required
@require_http_methods(["GET", "POST"])
def simulated_payment(request, reference: str):
    """The simulated provider's payment page: "pay" or "cancel". Demo and tests only."""
    if not simulated_payments_on():
        raise Http404
    payment = _own_payment(request, reference)
    if request.method == "POST":
        outcome = request.POST.get("outcome")
        state = {"pay": Payment.State.PAID, "cancel": Payment.State.CANCELLED}.get(outcome)
        if state is None:
            raise Http404
        try:
            services.payment_settle(payment=payment, state=state)
        except DomainError as exc:
            messages.error(request, exc.message)
        return redirect("portal:payment-return", reference=payment.reference)
    return render(
        request,
        "portal/simulated_payment.html",
        {"payment": payment, "hide_nav": True},
    )
