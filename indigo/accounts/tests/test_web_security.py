"""Web security (issue 9): lock-out after wrong passwords, throttled API tokens,
argon2, a content security policy, no-store on personal pages, an idle timeout for
staff, the admin at its own path and `check --deploy` clean in production."""

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.contrib.auth.hashers import identify_hasher
from django.test import Client, override_settings
from rest_framework.test import APIClient

from indigo import clock
from indigo.accounts.tests.factories import user_with_role

ROOT = Path(__file__).resolve().parents[3]
PASSWORD = "correct horse battery"


def login(client, username, password):
    return client.post("/login/", {"username": username, "password": password})


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_login_even_for_the_right_one():
    user = user_with_role("caseworker")
    client = Client()

    for _ in range(5):
        assert login(client, user.username, "wrong").status_code in (200, 403, 429)
    response = login(client, user.username, PASSWORD)

    assert response.status_code in (403, 429)
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_few_wrong_passwords_do_not_lock_the_right_one_out():
    user = user_with_role("caseworker")
    client = Client()
    for _ in range(3):
        login(client, user.username, "wrong")

    response = login(client, user.username, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_wrong_api_tokens_are_throttled(settings):
    settings.INDIGO_BAD_TOKENS_PER_MINUTE = 3
    client = APIClient()
    answers = [
        client.get("/api/v1/applications", HTTP_AUTHORIZATION=f"Token wrong{n}").status_code
        for n in range(5)
    ]

    assert answers == [401, 401, 401, 429, 429]


@pytest.mark.django_db
def test_new_passwords_are_hashed_with_argon2(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    user = user_with_role("caseworker")
    user.set_password("a new long passphrase")

    assert identify_hasher(user.password).algorithm == "argon2"


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_without_inline_scripts():
    user = user_with_role("caseworker")
    client = Client()
    client.force_login(user)

    response = client.get("/staff/applications")

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "<script>" not in response.content.decode()


@pytest.mark.django_db
def test_pages_with_personal_data_are_not_stored():
    client = Client()
    client.force_login(user_with_role("caseworker"))

    assert "no-store" in client.get("/staff/applications")["Cache-Control"]


@pytest.mark.django_db
def test_staff_are_logged_out_after_the_idle_time(settings):
    settings.INDIGO_STAFF_IDLE_MINUTES = 30
    client = Client()
    client.force_login(user_with_role("caseworker"))
    start = clock.now()
    with time_machine.travel(start, tick=False):
        assert client.get("/staff/applications").status_code == 200
    with time_machine.travel(start + timedelta(minutes=20), tick=False):
        assert client.get("/staff/applications").status_code == 200
    with time_machine.travel(start + timedelta(minutes=51), tick=False):
        response = client.get("/staff/applications")

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
    assert "_auth_user_id" not in client.session


def test_the_admin_lives_at_the_configured_path():
    from django.urls import clear_url_caches, resolve

    import indigo.urls

    with override_settings(INDIGO_ADMIN_PATH="beheer-7f3a/"):
        import importlib

        importlib.reload(indigo.urls)
        clear_url_caches()
        try:
            assert resolve("/beheer-7f3a/").app_name == "admin"
        finally:
            pass
    importlib.reload(indigo.urls)
    clear_url_caches()


def production(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("INDIGO_")}
    env.pop("PYTEST_XDIST_WORKER", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # the browser tests' switch
    return env | {
        "INDIGO_PAYMENT_PROVIDER": "indigo.accounts.tests.payment_stand_in.ContractedProvider",
        "INDIGO_SECRET_KEY": "p" * 20 + "-a-long-random-production-secret-0123456789",
        "INDIGO_ALLOWED_HOSTS": "indigo.example.org",
        **extra,
    }


def test_check_deploy_is_clean_for_the_production_settings(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "indigo", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production(INDIGO_VAR_DIR=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_production_cookies_are_secure_and_hsts_is_on_by_default(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=production(INDIGO_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="indigo.settings"),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.stdout.split() == ["True", "True", "True"], result.stderr


# --- optional second factor (django-otp, TOTP) --------------------------------------------


def totp_now(device) -> str:
    from django_otp.oath import totp

    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.mark.django_db
def test_staff_with_a_second_factor_need_the_code_to_log_in():
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = user_with_role("caseworker")
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client = Client()

    without = login(client, user.username, PASSWORD)
    assert without.status_code == 200
    assert "_auth_user_id" not in client.session

    with_code = client.post(
        "/login/",
        {"username": user.username, "password": PASSWORD, "otp_token": totp_now(device)},
    )
    assert with_code.status_code == 302, with_code.context["form"].errors
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_staff_with_a_second_factor_are_refused_with_a_wrong_code():
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = user_with_role("caseworker")
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client = Client()

    response = client.post(
        "/login/", {"username": user.username, "password": PASSWORD, "otp_token": "000000"}
    )

    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 403)
