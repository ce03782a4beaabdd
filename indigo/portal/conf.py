"""Settings of the portal's OpenID Connect login, read from the environment.

Imported by `indigo.settings`, so it imports nothing from Django's app registry.
National eID brokers (DigiD via a broker, eHerkenning, eIDAS) speak OIDC or SAML; this
configures mozilla-django-oidc for an OIDC provider. Nothing is switched on unless
every required variable is set: a half-configured login must not appear at all.
"""

from collections.abc import Mapping

# Environment variable → Django setting read by mozilla-django-oidc.
REQUIRED = {
    "INDIGO_OIDC_RP_CLIENT_ID": "OIDC_RP_CLIENT_ID",
    "INDIGO_OIDC_RP_CLIENT_SECRET": "OIDC_RP_CLIENT_SECRET",
    "INDIGO_OIDC_OP_AUTHORIZATION_ENDPOINT": "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "INDIGO_OIDC_OP_TOKEN_ENDPOINT": "OIDC_OP_TOKEN_ENDPOINT",
    "INDIGO_OIDC_OP_USER_ENDPOINT": "OIDC_OP_USER_ENDPOINT",
    "INDIGO_OIDC_OP_JWKS_ENDPOINT": "OIDC_OP_JWKS_ENDPOINT",
}
OPTIONAL = {
    "INDIGO_OIDC_RP_SIGN_ALGO": ("OIDC_RP_SIGN_ALGO", "RS256"),
    "INDIGO_OIDC_RP_SCOPES": ("OIDC_RP_SCOPES", "openid email"),
    "INDIGO_OIDC_OP_LOGOUT_ENDPOINT": ("OIDC_OP_LOGOUT_ENDPOINT", ""),
}
BACKEND = "indigo.portal.oidc.ApplicantOIDCBackend"


def oidc_enabled(environ: Mapping[str, str]) -> bool:
    return all(environ.get(name) for name in REQUIRED)


def oidc_settings(environ: Mapping[str, str]) -> dict:
    """The settings to add when OIDC is configured; an empty dict when it is not."""
    if not oidc_enabled(environ):
        return {}
    values = {setting: environ[name] for name, setting in REQUIRED.items()}
    for name, (setting, default) in OPTIONAL.items():
        values[setting] = environ.get(name) or default
    return {
        **values,
        "INDIGO_OIDC_ENABLED": True,
        "AUTHENTICATION_BACKENDS": ["django.contrib.auth.backends.ModelBackend", BACKEND],
        # The callback lives in the portal's namespace (indigo.portal.urls).
        "OIDC_AUTHENTICATION_CALLBACK_URL": "portal:oidc_authentication_callback",
        "OIDC_USE_PKCE": True,
        "OIDC_STORE_ID_TOKEN": True,  # needed to end the session at the provider too
        "LOGIN_REDIRECT_URL_FAILURE": "/portal/login?failed=1",
        # Re-check the login at the provider after this many seconds.
        "OIDC_RENEW_ID_TOKEN_EXPIRY_SECONDS": 15 * 60,
    }
