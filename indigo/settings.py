"""Django settings for Indigo.

Configuration comes from the environment (twelve-factor): DATABASE_URL selects the
database (unset: an embedded SQLite file for the one-command demo).
"""

import os
import secrets
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from indigo.portal.conf import oidc_settings

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent
VAR_DIR = Path(os.environ.get("INDIGO_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = os.environ.get("INDIGO_DEBUG", "0") == "1"
# A development run: DEBUG, the one-command demo (`indigo demo`) or the test suite.
DEVELOPMENT = DEBUG or sys.argv[1:2] == ["demo"] or "pytest" in sys.modules


def _development_secret_key(var_dir: Path) -> str:
    """A random key made once per machine (var/secret_key, as `make serve` makes it):
    never a published default, with which anyone could forge a signed cookie."""
    path = var_dir / "secret_key"
    if not path.exists():
        temporary = path.with_name(f"secret_key.{os.getpid()}")
        temporary.write_text(secrets.token_urlsafe(50) + "\n")
        temporary.chmod(0o600)
        os.replace(temporary, path)
    return path.read_text().strip()


SECRET_KEY = os.environ.get("INDIGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEVELOPMENT:
        raise ImproperlyConfigured(
            "INDIGO_SECRET_KEY is not set. Indigo does not start without its own secret "
            "key when DEBUG is off: set INDIGO_SECRET_KEY to a long random value "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), or run with "
            "INDIGO_DEBUG=1 on a development machine."
        )
    SECRET_KEY = _development_secret_key(VAR_DIR)
ALLOWED_HOSTS = os.environ.get("INDIGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",  # the widget templates, for FORM_RENDERER
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "django_countries",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "indigo.accounts",
    "indigo.organisation",
    "indigo.catalog",
    "indigo.deadlines",
    "indigo.audit",
    "indigo.cases",
    "indigo.penalties",
    "indigo.outbox",
    "indigo.dossier",
    "indigo.work",
    "indigo.rules",
    "indigo.misuse",
    "indigo.decisions",
    "indigo.objections",
    "indigo.appeals",
    "indigo.complaints",
    "indigo.knowledge",
    "indigo.contacts",
    "indigo.notifications",
    "indigo.quality",
    "indigo.planning",
    "indigo.portal",
    "indigo.sponsors",
    "indigo.desks",
    "indigo.partners",
    "indigo.transfer",
    "indigo.api",
    "indigo.staff",
    "indigo.privacy",
    "indigo.operations",
    "indigo.demo",
]

MIDDLEWARE = [
    "indigo.operations.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "indigo.audit.middleware.TraceMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "indigo.operations.input_guard.InputGuardMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "indigo.api.middleware.ApiHeadersMiddleware",
    "indigo.staff.admin_audit.AdminProcessingLogMiddleware",
    "csp.middleware.CSPMiddleware",
    "indigo.accounts.middleware.StaffIdleTimeoutMiddleware",
    "indigo.accounts.middleware.NoStoreMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "indigo.urls"
FORM_RENDERER = "indigo.forms.FormRenderer"  # one field template: forms/field.html
WSGI_APPLICATION = "indigo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'indigo.sqlite3'}",
        conn_max_age=int(os.environ.get("INDIGO_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the demo server read while a background job writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Tests use a file too: an in-memory database shared between threads locks whole
    # tables instead of waiting, unlike the file the demo runs on.
    # On Linux the file lives in memory (/dev/shm), which keeps the suite fast.
    _test_dir = Path("/dev/shm") if Path("/dev/shm").is_dir() else VAR_DIR
    DATABASES["default"]["TEST"] = {"NAME": str(_test_dir / f"indigo-test-{os.getpid()}.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2id for new and changed passwords (OWASP's first choice); older hashes still
# verify and are upgraded at the next login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"  # each role its own start page (accounts.views)
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # The electronic dossier. Any Django storage works here, e.g. an S3-compatible one.
    "dossier": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": VAR_DIR / "dossier"},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# The dossier accepts files up to this size (bytes); configurable per deployment.
INDIGO_DOSSIER_MAX_UPLOAD_BYTES = int(
    os.environ.get("INDIGO_DOSSIER_MAX_UPLOAD_BYTES", str(20 * 1024 * 1024))
)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Uploads larger than the dossier accepts are refused while they stream in, before the
# body is read whole (indigo.operations.input_guard).
FILE_UPLOAD_HANDLERS = [
    "indigo.operations.input_guard.SizeLimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

API_VERSION = "1.0.0"
# Wrong API tokens from one address per minute before it is answered 429.
INDIGO_BAD_TOKENS_PER_MINUTE = int(os.environ.get("INDIGO_BAD_TOKENS_PER_MINUTE", "10"))
# How long the answer to a POST with an Idempotency-Key is kept (indigo.api.idempotency).
INDIGO_IDEMPOTENCY_HOURS = int(os.environ.get("INDIGO_IDEMPOTENCY_HOURS", "24"))
APPEND_SLASH = False

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "indigo.api.authentication.ThrottledTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "indigo.api.problems.problem_exception_handler",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": [
        "indigo.api.parsers.BoundedJSONParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    # Per token (user) and per address without one; wrong tokens: see INDIGO_BAD_TOKENS_*.
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.UserRateThrottle",
        "rest_framework.throttling.AnonRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "user": os.environ.get("INDIGO_API_RATE_USER", "1200/minute"),
        "anon": os.environ.get("INDIGO_API_RATE_ANON", "300/minute"),
    },
    "DATE_INPUT_FORMATS": ["iso-8601"],
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Indigo API",
    "DESCRIPTION": (
        "Case handling for immigration and naturalisation: products, applications, "
        "their lifecycle, legal deadlines and electronic dossier. Follows the NL GOV "
        "API Design Rules: no trailing slashes, API-Version header, problem+json errors."
    ),
    "VERSION": API_VERSION,
    "CONTACT": {"name": "Indigo maintainers", "url": "https://github.com/indigo-case-handling"},
    "SERVERS": [{"url": "/api/v1", "description": "This server"}],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "TaskStateEnum": "indigo.work.models.Task.State",
        "AppointmentStateEnum": "indigo.desks.models.Appointment.State",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "indigo.api.schema.add_problem_responses",
        "indigo.api.schema.add_api_version_header",
    ],
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

EMAIL_BACKEND = os.environ.get(
    "INDIGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
# SMTP by configuration: INDIGO_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend;
# the demo writes e-mails as files (django.core.mail.backends.filebased.EmailBackend).
EMAIL_FILE_PATH = os.environ.get("INDIGO_EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
EMAIL_HOST = os.environ.get("INDIGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("INDIGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("INDIGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("INDIGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("INDIGO_EMAIL_USE_TLS") == "1"
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("INDIGO_DEFAULT_FROM_EMAIL", "noreply@indigo.invalid")
# Where applicants reach the portal; e-mails link here (they carry no personal data).
# The key of the pseudonyms in the processing log (indigo.audit.pseudonyms). Set it once
# and keep it: with another key, older log lines can no longer be found by person.
INDIGO_PSEUDONYM_KEY = os.environ.get("INDIGO_PSEUDONYM_KEY", "")
INDIGO_PUBLIC_URL = os.environ.get("INDIGO_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")

# Who sees which application: each rule returns the applications it lets a user see
# (indigo.cases.access); an application is visible when any rule lets it be.
INDIGO_VISIBILITY_RULES = [
    "indigo.cases.visibility.processes_of_my_units",
    "indigo.work.visibility.tasks_assigned_to_me",
    "indigo.work.visibility.open_tasks_in_my_specialisms",
    "indigo.cases.visibility.my_own_applications",
    "indigo.sponsors.visibility.filed_by_my_organisations",
]

# The outbox (indigo.outbox): a message is tried this often, waiting the first delay
# after the first failure and doubling it after each next one, before it is dead.
INDIGO_OUTBOX_MAX_ATTEMPTS = int(os.environ.get("INDIGO_OUTBOX_MAX_ATTEMPTS", "8"))
INDIGO_OUTBOX_RETRY_SECONDS = int(os.environ.get("INDIGO_OUTBOX_RETRY_SECONDS", "30"))
# The worker's periodic jobs (`indigo worker`; see indigo.outbox.schedule). Each job is
# idempotent; an administrator may change the interval or pause a job in the admin.
INDIGO_SCHEDULE = {
    "outbox-deliver-due": {
        "function": "indigo.outbox.services.outbox_deliver_due",
        "every_seconds": 30,
    },
    "deadlines-refresh": {"function": "indigo.cases.jobs.deadlines_daily", "every_seconds": 3600},
    "misuse-sweep": {"function": "indigo.misuse.services.signals_sweep", "every_seconds": 86400},
    "quality-facts": {"function": "indigo.quality.facts.facts_job", "every_seconds": 300},
    "telephony-import": {
        "function": "indigo.quality.telephony.telephony_import_due",
        "every_seconds": 3600,
    },
}
# Where the telephony system drops its daily CSV export (docs/telephony-csv.md).
INDIGO_TELEPHONY_DIR = os.environ.get("INDIGO_TELEPHONY_DIR", "")
# Providers of quality measures (indigo.quality.measures): an app adds its measures
# (complaints, objections, penalties, partner waiting times) by naming its provider here.
INDIGO_MEASURE_PROVIDERS = [
    "indigo.quality.measures.core.EventMeasures",
    "indigo.quality.measures.partners.AdviceFormMeasures",
    "indigo.quality.measures.satisfaction.SatisfactionMeasures",
    "indigo.quality.measures.contact.ReachabilityMeasures",
    "indigo.planning.measures.ForecastAccuracy",
]
# Decision letters are rendered to PDF by this function (HTML in, PDF bytes out).
# Partner agencies (indigo.partners.adapters): one adapter class per partner, like
# Django's authentication backends. The simulator is the default; an URL selects the
# real client.
INDIGO_BRP_URL = os.environ.get("INDIGO_BRP_URL", "")
INDIGO_BRP_API_KEY = os.environ.get("INDIGO_BRP_API_KEY", "")
INDIGO_INCOME_URL = os.environ.get("INDIGO_INCOME_URL", "")
INDIGO_FOREIGN_AFFAIRS_URL = os.environ.get("INDIGO_FOREIGN_AFFAIRS_URL", "")
INDIGO_PARTNERS = {
    "brp": (
        "indigo.partners.brp.HaalCentraalBrp"
        if INDIGO_BRP_URL
        else "indigo.partners.brp.BrpSimulator"
    ),
    "income": (
        "indigo.partners.income.IncomeClient"
        if INDIGO_INCOME_URL
        else "indigo.partners.income.IncomeSimulator"
    ),
    # The recognised-sponsor register is Indigo's own sponsor records.
    "sponsor-register": "indigo.sponsors.register.RecognisedSponsorRegister",
    "foreign-affairs": (
        "indigo.partners.foreign_affairs.ForeignAffairsClient"
        if INDIGO_FOREIGN_AFFAIRS_URL
        else "indigo.partners.foreign_affairs.ForeignAffairsSimulator"
    ),
}
# Products applied for from abroad (entry and residence procedure, TEV): a notified
# grant sends the mvv authorisation to Foreign Affairs for the embassy.
INDIGO_MVV_PRODUCTS = [
    "study",
    "exchange",
    "au-pair",
    "highly-skilled-migrant",
    "eu-blue-card",
    "paid-employment",
    "family-partner",
    "family-child",
]
INDIGO_PARTNER_TIMEOUT_SECONDS = float(os.environ.get("INDIGO_PARTNER_TIMEOUT_SECONDS", "10"))
# A partner call keeps trying through a long outage (back-off doubles to 6 hours).
INDIGO_PARTNER_MAX_ATTEMPTS = int(os.environ.get("INDIGO_PARTNER_MAX_ATTEMPTS", "30"))
# Simulators only: a fault to show per partner ("down", "timeout", "schema").
INDIGO_PARTNER_FAULTS: dict[str, str] = {}

# Subscriptions (indigo.partners.subscriptions): CloudEvents NL GOV profile, signed per
# Standard Webhooks. The source names the organisation by its OIN, then the system.
INDIGO_CLOUDEVENTS_SOURCE = os.environ.get(
    "INDIGO_CLOUDEVENTS_SOURCE", "urn:nld:oin:00000000000000000000:systeem:indigo"
)
INDIGO_CLOUDEVENTS_ID_PREFIX = os.environ.get("INDIGO_CLOUDEVENTS_ID_PREFIX", "indigo-event-")
INDIGO_WEBHOOK_TIMEOUT_SECONDS = float(os.environ.get("INDIGO_WEBHOOK_TIMEOUT_SECONDS", "5"))
INDIGO_WEBHOOK_MAX_ATTEMPTS = int(os.environ.get("INDIGO_WEBHOOK_MAX_ATTEMPTS", "12"))

INDIGO_PDF_RENDERER = os.environ.get("INDIGO_PDF_RENDERER", "indigo.decisions.pdf.weasyprint_pdf")

# Staff idle this long are logged out (indigo.accounts.middleware); applicants have
# INDIGO_PORTAL_IDLE_MINUTES.
INDIGO_STAFF_IDLE_MINUTES = int(os.environ.get("INDIGO_STAFF_IDLE_MINUTES", "30"))
# An optional second factor for staff (django-otp, TOTP): set up in the admin
# ("TOTP devices"); a confirmed device makes the code part of the login.
OTP_TOTP_ISSUER = "Indigo"
# The Django admin lives here (not at the well-known /admin/ every scanner tries).
INDIGO_ADMIN_PATH = os.environ.get("INDIGO_ADMIN_PATH", "admin/").strip("/") + "/"

# Login throttling and lock-out (django-axes) for every password login: staff, sponsors
# and the admin. Five wrong passwords for one username from one address lock that
# pair out for 15 minutes; the right password then does not log in either.
AXES_FAILURE_LIMIT = int(os.environ.get("INDIGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("INDIGO_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("INDIGO_PROXY_COUNT", "0"))

# Content security policy (django-csp): scripts and styles only from Indigo's own static
# files, never inline. The API keeps its own `frame-ancestors 'none'` header.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Applicant portal. The development login lets anyone log in as any applicant: only for
# DEBUG and the demo (`indigo demo`), never on by accident in production.
INDIGO_DEV_LOGIN = (
    os.environ.get("INDIGO_DEV_LOGIN", "1" if DEBUG or sys.argv[1:2] == ["demo"] else "0") == "1"
)
# Accessibility reports without logging in: at most this many per hour (all together).
INDIGO_ACCESSIBILITY_ANONYMOUS_PER_HOUR = int(
    os.environ.get("INDIGO_ACCESSIBILITY_ANONYMOUS_PER_HOUR", "30")
)
# An applicant idle this long is logged out of the portal (their draft is kept).
INDIGO_PORTAL_IDLE_MINUTES = int(os.environ.get("INDIGO_PORTAL_IDLE_MINUTES", "15"))
INDIGO_PAYMENT_PROVIDER = os.environ.get(
    "INDIGO_PAYMENT_PROVIDER", "indigo.portal.payments.SimulatedPaymentProvider"
)
# OpenID Connect login for applicants (national eID brokers speak OIDC): on only when the
# INDIGO_OIDC_* variables are set (see indigo.portal.conf).
globals().update(oidc_settings(os.environ))
# django-axes checks every password login first (the OIDC login has no password here).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    *globals().get("AUTHENTICATION_BACKENDS", ["django.contrib.auth.backends.ModelBackend"]),
]

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Every line carries the request id (indigo.operations.request_id); every server error
# is written with its traceback by `django.request`, whatever DEBUG says.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "indigo.operations.request_id.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "indigo.operations.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            # INDIGO_LOG_FORMAT=json in production: one JSON object per line.
            "formatter": "json" if os.environ.get("INDIGO_LOG_FORMAT") == "json" else "plain",
        }
    },
    "loggers": {
        "indigo": {"handlers": ["console"], "level": "INFO"},
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}

# Behind TLS in production (ADR /core/transport/tls): on by default when DEBUG is off
# outside the demo and the tests; INDIGO_HTTPS=0 only for a local production-like run
# over plain http (`make serve`).
HTTPS = os.environ.get("INDIGO_HTTPS", "0" if DEVELOPMENT else "1") == "1"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
if HTTPS:
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_SSL_REDIRECT = True
    # The load balancer's health checks come over plain http inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^health/"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The longest a manager may lend an employee to their unit in one go (flexible
# deployment); a longer need is a new lending, decided again.
INDIGO_LENDING_MAX_DAYS = int(os.environ.get("INDIGO_LENDING_MAX_DAYS", "92"))

# Days the owning caseworker needs after the last assessment task to decide and notify
# (an operational planning figure, not law; see indigo.work.urgency).
INDIGO_DECISION_RESERVE_DAYS = int(os.environ.get("INDIGO_DECISION_RESERVE_DAYS", "7"))

# --- Production: several processes, object storage, a read replica ----------------
# (docs/deployment.md). Each is off unless its environment variable is set.

# Documents on S3-compatible object storage (django-storages), instead of var/dossier.
if os.environ.get("INDIGO_DOSSIER_S3_BUCKET"):
    STORAGES["dossier"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["INDIGO_DOSSIER_S3_BUCKET"],
            "endpoint_url": os.environ.get("INDIGO_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("INDIGO_S3_REGION") or None,
            "access_key": os.environ.get("INDIGO_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("INDIGO_S3_SECRET_ACCESS_KEY") or None,
            # Names are random: an existing one is never overwritten; objects are private.
            "file_overwrite": False,
            "default_acl": None,
        },
    }

# Static files built once (`indigo collectstatic`) into INDIGO_STATIC_ROOT, with hashed
# names, compressed, served by WhiteNoise; without it they come from the apps (demo).
if os.environ.get("INDIGO_STATIC_ROOT"):
    STATIC_ROOT = os.environ["INDIGO_STATIC_ROOT"]
    STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    WHITENOISE_USE_FINDERS = False

# A streaming replica for read-only pages and API lists (indigo.operations.routers).
INDIGO_REPLICA_MAX_LAG_SECONDS = float(os.environ.get("INDIGO_REPLICA_MAX_LAG_SECONDS", "5"))
INDIGO_READ_YOUR_WRITES_SECONDS = int(os.environ.get("INDIGO_READ_YOUR_WRITES_SECONDS", "30"))
# Read-only pages and API lists whose reads may come from the replica (full-path regexes).
INDIGO_REPLICA_PATHS = [
    r"/api/v1/applications",
    r"/staff/applications",
    r"/work/units(/[\w-]+)?",
    r"/api/v1/units(/[\w-]+)?",
]
if os.environ.get("INDIGO_REPLICA_DATABASE_URL"):
    DATABASES["replica"] = dj_database_url.parse(os.environ["INDIGO_REPLICA_DATABASE_URL"])
    # Tests: the replica receives the test database from the primary by replication.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["indigo.operations.routers.ReplicaRouter"]
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
        "indigo.operations.middleware.ReadRoutingMiddleware",
    )
    INDIGO_SCHEDULE["recent-writers-forget"] = {
        "function": "indigo.operations.middleware.recent_writers_forget",
        "every_seconds": 3600,
    }
