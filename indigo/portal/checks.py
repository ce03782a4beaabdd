"""System checks of the portal: misconfiguration shows at start-up, not at a payment."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.utils.module_loading import import_string


@register(Tags.security, deploy=True)
def dev_login_off_in_production(app_configs, **kwargs):
    if settings.INDIGO_DEV_LOGIN and not settings.DEBUG:
        return [
            Warning(
                "The portal's development login is on: anyone can log in as any applicant.",
                hint="Unset INDIGO_DEV_LOGIN (it is meant for DEBUG and `indigo demo` only).",
                id="portal.W001",
            )
        ]
    return []


@register()
def payment_provider_importable(app_configs, **kwargs):
    from indigo.portal.payments import PaymentProvider

    path = settings.INDIGO_PAYMENT_PROVIDER
    try:
        provider = import_string(path)
    except ImportError as exc:
        return [
            Error(f"INDIGO_PAYMENT_PROVIDER {path!r} cannot be imported: {exc}", id="portal.E001")
        ]
    if not (isinstance(provider, type) and issubclass(provider, PaymentProvider)):
        return [
            Error(
                f"INDIGO_PAYMENT_PROVIDER {path!r} is not a PaymentProvider subclass.",
                id="portal.E002",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def simulated_payments_off_in_production(app_configs, **kwargs):
    if (
        settings.INDIGO_PAYMENT_PROVIDER.endswith(".SimulatedPaymentProvider")
        and not settings.DEBUG
    ):
        return [
            Warning(
                "The portal uses the simulated payment provider: fees are not really paid.",
                hint="Set INDIGO_PAYMENT_PROVIDER to a real provider's class.",
                id="portal.W002",
            )
        ]
    return []
