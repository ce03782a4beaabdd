"""No published default secret in production (issue 9): with it, a forged `messages`
cookie ran a script on /work/."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRINT_KEY = (
    "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)"
)
PRINT_KEY = (
    "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)"
)


def start(tmp_path, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("INDIGO_") and k != "PYTEST_XDIST_WORKER"
    }
    environment |= {"DJANGO_SETTINGS_MODULE": "indigo.settings", "INDIGO_VAR_DIR": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-c", PRINT_KEY],
        cwd=ROOT,
        env=environment | env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_indigo_refuses_to_start_with_debug_off_and_no_secret_key(tmp_path):
    started = start(tmp_path)

    assert started.returncode != 0
    assert "INDIGO_SECRET_KEY is not set" in started.stderr


def test_indigo_starts_with_its_own_secret_key(tmp_path):
    started = start(tmp_path, INDIGO_SECRET_KEY="a-long-random-production-secret")

    assert started.returncode == 0, started.stderr
    assert started.stdout.strip() == "a-long-random-production-secret"


def test_a_development_run_makes_a_random_key_once_and_keeps_it(tmp_path):
    first = start(tmp_path, INDIGO_DEBUG="1")
    second = start(tmp_path, INDIGO_DEBUG="1")

    assert first.returncode == 0, first.stderr
    key = first.stdout.strip()
    assert len(key) >= 50 and key == second.stdout.strip()
    assert "insecure" not in key
    assert (tmp_path / "secret_key").read_text().strip() == key
