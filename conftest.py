"""Test-suite wiring shared by every app."""

import os
import shutil

import pytest
from django.core.management.commands import flush

from indigo import append_only

_original_flush = flush.Command.handle


def _flush_allowing_purge(self, *args, **options):
    # Transactional tests empty the database between tests; the append-only triggers
    # must let the suite do that (and only the suite). The catalog and the rule
    # parameters are the base data every test stands on: they are put back at once.
    with append_only.purge_allowed():
        result = _original_flush(self, *args, **options)
    _ensure_catalog()
    return result


flush.Command.handle = _flush_allowing_purge


def _ensure_catalog():
    from indigo.audit.chain import chain_heads_ensure
    from indigo.catalog.models import Product
    from indigo.catalog.services import catalog_load
    from indigo.rules.services import ensure_parameters

    chain_heads_ensure()  # the processing log's chains, as the migration made them
    if not Product.objects.exists():
        catalog_load()
    ensure_parameters()  # the rule parameters (law as data) go with the catalog


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        _ensure_catalog()


@pytest.fixture
def catalog(db):
    """The shipped product catalog (loaded once per test database)."""
    _ensure_catalog()


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Throttles and lock-outs count in the cache; every test starts with none.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Real hashing costs ~0.3 s per user; the suite makes hundreds of users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _test_delivery(settings):
    # Outbox messages are delivered right after their commit (the task runs at once
    # instead of in the worker); tests in one rolled-back transaction never commit, and
    # call `deliver_outbox` to play the worker. Letters are rendered by a cheap PDF
    # writer unless a test asks for the real one (`real_pdf`): WeasyPrint takes ~1 s.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.INDIGO_PDF_RENDERER = "indigo.decisions.pdf.text_pdf"


@pytest.fixture
def real_pdf(settings):
    settings.INDIGO_PDF_RENDERER = "indigo.decisions.pdf.weasyprint_pdf"


@pytest.fixture
def deliver_outbox():
    """Play the worker: deliver every message that is due now; returns the counts."""
    from indigo.outbox.services import outbox_deliver_due

    return outbox_deliver_due


# Browser tests: Playwright drives Debian's chromium (Playwright's own browser download
# does not work here). Its sync API runs an event loop, hence the async-unsafe switch.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(autouse=True)
def _default_language():
    # LocaleMiddleware leaves the last request's language active in the thread; every
    # test starts in the default language.
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
