"""Logging in: the development login (only when switched on) and OpenID Connect
(only when configured)."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.checks import run_checks
from django.urls import reverse

from indigo.accounts.roles import Role, has_role
from indigo.accounts.tests.factories import user_with_role
from indigo.portal.conf import BACKEND, oidc_settings
from indigo.portal.models import ExternalIdentity

OIDC_ENV = {
    "INDIGO_OIDC_RP_CLIENT_ID": "indigo",
    "INDIGO_OIDC_RP_CLIENT_SECRET": "secret",
    "INDIGO_OIDC_OP_AUTHORIZATION_ENDPOINT": "https://eid.example/authorize",
    "INDIGO_OIDC_OP_TOKEN_ENDPOINT": "https://eid.example/token",
    "INDIGO_OIDC_OP_USER_ENDPOINT": "https://eid.example/userinfo",
    "INDIGO_OIDC_OP_JWKS_ENDPOINT": "https://eid.example/jwks",
}


def test_the_development_login_makes_an_applicant_account(client, db):
    response = client.post(reverse("portal:login"), {"username": "nadia", "email": "n@example.org"})

    assert response["Location"] == reverse("portal:home")
    user = client.get(reverse("portal:home")).wsgi_request.user
    assert user.username == "nadia"
    assert has_role(user, Role.APPLICANT)
    assert not user.has_usable_password()


@pytest.mark.parametrize("role", ["caseworker", "sponsor", None])
def test_the_development_login_never_opens_another_kind_of_account(client, db, role):
    user_with_role(role, username="someone")

    response = client.post(reverse("portal:login"), {"username": "someone"})

    assert response.status_code == 400
    assert "_auth_user_id" not in client.session


def test_the_development_login_is_gone_when_switched_off(client, db, settings):
    settings.INDIGO_DEV_LOGIN = False

    page = client.get(reverse("portal:login")).content.decode()
    response = client.post(reverse("portal:login"), {"username": "nadia"})

    assert 'name="username"' not in page
    assert response.status_code == 404


def test_the_development_login_is_off_by_default_in_production():
    env = {k: v for k, v in os.environ.items() if not k.startswith("INDIGO_")}
    env["INDIGO_SECRET_KEY"] = "a-production-secret"  # production refuses to start without
    code = "import indigo.settings as s; print(s.INDIGO_DEV_LOGIN)"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_a_deploy_check_warns_while_the_development_login_is_on(settings):
    settings.DEBUG = False
    settings.INDIGO_DEV_LOGIN = True

    ids = {message.id for message in run_checks(include_deployment_checks=True)}

    assert "portal.W001" in ids


def test_oidc_is_off_without_configuration():
    assert oidc_settings({}) == {}
    # A half configuration switches nothing on either.
    assert oidc_settings({"INDIGO_OIDC_RP_CLIENT_ID": "indigo"}) == {}
    assert BACKEND not in settings.AUTHENTICATION_BACKENDS


def test_oidc_installs_its_backend_when_configured():
    values = oidc_settings(OIDC_ENV)

    assert values["AUTHENTICATION_BACKENDS"][-1] == BACKEND
    assert values["OIDC_RP_CLIENT_ID"] == "indigo"
    assert values["OIDC_RP_SIGN_ALGO"] == "RS256"
    assert values["OIDC_AUTHENTICATION_CALLBACK_URL"] == "portal:oidc_authentication_callback"


def test_the_settings_install_the_oidc_backend_only_when_the_environment_asks():
    code = "import indigo.settings as s; print(s.__dict__.get('AUTHENTICATION_BACKENDS'))"
    base = {k: v for k, v in os.environ.items() if not k.startswith("INDIGO_OIDC_")}
    base["INDIGO_SECRET_KEY"] = "a-production-secret"
    without = subprocess.run(
        [sys.executable, "-c", code], env=base, capture_output=True, text=True, check=True
    )
    with_oidc = subprocess.run(
        [sys.executable, "-c", code],
        env={**base, **OIDC_ENV},
        capture_output=True,
        text=True,
        check=True,
    )

    assert BACKEND not in without.stdout
    assert BACKEND in with_oidc.stdout


@pytest.fixture
def oidc(settings):
    for name, value in oidc_settings(OIDC_ENV).items():
        setattr(settings, name, value)


def test_an_oidc_person_is_recognised_by_subject_not_by_e_mail(db, oidc):
    from indigo.portal.oidc import ApplicantOIDCBackend

    backend = ApplicantOIDCBackend()
    staff = user_with_role("caseworker", email="shared@example.org")

    assert not backend.filter_users_by_claims({"sub": "abc-123", "email": staff.email}).exists()
    created = backend.create_user({"sub": "abc-123", "email": "shared@example.org"})
    assert created != staff
    assert has_role(created, Role.APPLICANT)
    assert ExternalIdentity.objects.get(user=created).subject == "abc-123"
    assert list(backend.filter_users_by_claims({"sub": "abc-123"})) == [created]
    assert backend.verify_claims({"email": "x@example.org"}) is False
