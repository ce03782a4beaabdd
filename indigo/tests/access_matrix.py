"""Who may reach which page and API operation (the spec of test_access_matrix).

EXPECTED[url name][method] is the set of user kinds (indigo.tests.world.USER_KINDS)
that are let through; everyone else must be refused. Objects in URLs belong to the
first of each pair: applicant A's application (regular economic, handled by the
regular unit), sponsor A's application, applicant A's appointment.
"""

from django.urls import reverse

ANYONE = frozenset(
    {
        "anonymous",
        "applicant_a",
        "applicant_b",
        "sponsor_a",
        "sponsor_b",
        "caseworker_regular",
        "caseworker_asylum",
        "specialist",
        "desk",
        "contact",
        "manager",
        "privacy",
        "superuser",
    }
)
LOGGED_IN = ANYONE - {"anonymous"}
NOBODY = frozenset()
STAFF = frozenset(
    {"caseworker_regular", "caseworker_asylum", "specialist", "desk", "contact", "manager"}
) | {"privacy", "superuser"}


# Who sees applicant A's application (regular economic): the units handling its process
# (the regular unit's caseworker and manager, the desk and the contact centre).
REGULAR_CASE = frozenset({"caseworker_regular", "desk", "contact", "manager", "superuser"})


def _k(world, name):
    own, w = world.own, world
    by_name = {
        "product": {"code": "study"},
        "application": {"reference": own.reference},
        "application-action": {"reference": own.reference, "action": "withdraw"},
        "application-documents": {"reference": own.reference},
        "application-document-content": {
            "reference": own.reference,
            "document_id": w.document.pk,
        },
        "staff:privacy-export": {"applicant_id": own.applicant_id},
        "work:task": {"task_id": w.task.pk},
        "work:unit": {"code": w.regular_unit.code},
        "work:unit-lend": {"code": w.regular_unit.code},
        "contacts:person-detail": {"applicant_id": own.applicant_id},
        "portal:apply": {"product": "family-partner"},
        "portal:discard": {"product": "family-partner"},
        "portal:apply-step": {"product": "family-partner", "code": "fee"},
        "portal:reply": {"reference": own.reference, "request_pk": w.info_request.pk},
        "admin:cases_applicant_change": {"object_id": own.applicant_id},
    }
    if name in by_name:
        return by_name[name]
    if name.startswith("sponsors:") and name not in (
        "sponsors:dashboard",
        "sponsors:apply",
        "sponsors:upload",
        "sponsors:csv-example",
    ):
        return {"reference": w.sponsored.reference}
    if name.startswith("staff:") and name not in (
        "staff:application-list",
        "staff:privacy-access-log",
    ):
        return {"reference": own.reference}
    if name.startswith("portal:") and name in (
        "portal:payment-return",
        "portal:simulated-payment",
        "portal:application",
        "portal:letter",
    ):
        return {"reference": own.reference}
    if name.startswith("desks:") and name not in (
        "desks:my-appointments",
        "desks:book",
        "desks:book-confirm",
        "desks:desk-day",
    ):
        return {"pk": w.appointment.pk}
    return {}


def _parameters(name: str) -> list[str]:
    """The names of the URL's parameters (from its pattern)."""
    from django.urls import URLPattern, URLResolver, get_resolver

    def walk(patterns, namespace=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(
                    p.url_patterns, namespace + (f"{p.namespace}:" if p.namespace else "")
                )
            elif isinstance(p, URLPattern) and namespace + (p.name or "") == name:
                yield list(getattr(p.pattern, "converters", {}))

    return next(walk(get_resolver().url_patterns), [])


def _generic(world, name) -> dict:
    """Arguments for a page the table above does not name: the world's first object of
    each kind (an unknown action or token answers like a missing object)."""
    own, w = world.own, world
    values = {
        "reference": own.reference,
        "applicant_id": own.applicant_id,
        "person_id": own.applicant_id,
        "document_id": w.document.pk,
        "task_id": w.task.pk,
        "appointment_id": w.appointment.pk,
        "pk": w.appointment.pk,
        "request_id": w.info_request.pk,
        "code": w.regular_unit.code,
        "product": "family-partner",
        "subscription_id": "00000000-0000-4000-8000-000000000000",
        "year": 2026,
        "month": 1,
    }
    return {p: values.get(p, 1 if p.endswith("_id") else "x") for p in _parameters(name)}


def route_kwargs(world, name) -> str:
    name, _, variant = name.partition("@")
    kwargs = _k(world, name)
    if set(kwargs) != set(_parameters(name)):  # a page the rules above do not fit
        kwargs = _generic(world, name)
    if variant == "asylum":  # the same page about the asylum application
        target = world.asylum
        kwargs = {
            k: (target.reference if k == "reference" else target.applicant_id)
            for k in kwargs
            if k in ("reference", "applicant_id")
        }
    return reverse(name, kwargs=kwargs)


# The admin is for the technical superuser only; these pages stand for all of it.
ADMIN_CHECKED = frozenset(
    {
        "admin:index",
        "admin:cases_applicant_changelist",
        "admin:cases_applicant_change",
        "admin:cases_application_changelist",
        "admin:cases_applicationevent_changelist",
        "admin:dossier_document_changelist",
        "admin:audit_processingrecord_changelist",
    }
)

EXPECTED: dict[str, dict[str, frozenset]] = {
    # Pages and operations of issues 10-16, recorded from the running system on
    # 4 December 2026 (INDIGO_MATRIX_RECORD) and reviewed: nothing for anonymous,
    # applicants only on their own application, sponsors only on their own pages.
    "application-advice-requests": {
        "GET": NOBODY,
        "POST": frozenset({"caseworker_regular", "superuser"}),
    },
    "application-appeal": {"GET": NOBODY, "POST": NOBODY},
    "application-appeal-action": {"GET": NOBODY, "POST": NOBODY},
    "application-appeals": {
        "GET": frozenset(
            {"applicant_a", "caseworker_regular", "desk", "contact", "manager", "superuser"}
        ),
        "POST": frozenset({"caseworker_regular", "desk", "contact", "manager", "superuser"}),
    },
    "application-decision": {
        "GET": frozenset({"caseworker_regular", "desk", "contact", "manager", "superuser"}),
        "POST": frozenset({"caseworker_regular", "superuser"}),
    },
    "application-decision-approval": {
        "GET": NOBODY,
        "POST": frozenset({"caseworker_regular", "superuser"}),
    },
    "application-decision-fast-track": {
        "GET": NOBODY,
        "POST": frozenset({"caseworker_regular", "superuser"}),
    },
    "application-facts": {
        "GET": frozenset({"caseworker_regular", "desk", "contact", "manager", "superuser"}),
        "POST": frozenset(
            {"applicant_a", "caseworker_regular", "desk", "contact", "manager", "superuser"}
        ),
    },
    "application-findings": {
        "GET": frozenset({"caseworker_regular", "desk", "contact", "manager", "superuser"}),
        "POST": NOBODY,
    },
    "application-information-request-reply": {
        "GET": NOBODY,
        "POST": frozenset(
            {"applicant_a", "caseworker_regular", "desk", "contact", "manager", "superuser"}
        ),
    },
    "application-information-requests": {
        "GET": frozenset(
            {"applicant_a", "caseworker_regular", "desk", "contact", "manager", "superuser"}
        ),
        "POST": frozenset({"caseworker_regular", "manager", "superuser"}),
    },
    "application-intention": {
        "GET": NOBODY,
        "POST": frozenset({"caseworker_regular", "superuser"}),
    },
    "application-intention-view": {"GET": NOBODY, "POST": NOBODY},
    "application-notices-of-default": {
        "GET": frozenset({"caseworker_regular", "desk", "contact", "manager", "superuser"}),
        "POST": frozenset({"caseworker_regular", "desk", "contact", "manager", "superuser"}),
    },
    "application-objection": {"GET": NOBODY, "POST": NOBODY},
    "application-objection-action": {"GET": NOBODY, "POST": NOBODY},
    "application-objections": {
        "GET": frozenset(
            {"applicant_a", "caseworker_regular", "desk", "contact", "manager", "superuser"}
        ),
        "POST": frozenset({"caseworker_regular", "desk", "contact", "manager", "superuser"}),
    },
    "application-penalty": {
        "GET": frozenset({"caseworker_regular", "desk", "contact", "manager", "superuser"}),
        "POST": NOBODY,
    },
    "application-vouch": {"GET": NOBODY, "POST": NOBODY},
    "appointment": {
        "GET": frozenset(
            {"applicant_a", "caseworker_regular", "desk", "contact", "manager", "superuser"}
        ),
        "POST": NOBODY,
    },
    "appointment-action": {"GET": NOBODY, "POST": NOBODY},
    "appointments": {
        "GET": NOBODY,
        "POST": frozenset(
            {
                "applicant_a",
                "applicant_b",
                "caseworker_regular",
                "caseworker_asylum",
                "specialist",
                "desk",
                "contact",
                "manager",
                "superuser",
            }
        ),
    },
    "chain-figures": {"GET": frozenset({"manager", "superuser"}), "POST": NOBODY},
    "complaint": {"GET": NOBODY, "POST": NOBODY},
    "complaint-action": {"GET": NOBODY, "POST": NOBODY},
    "complaints": {
        "GET": NOBODY,
        "POST": frozenset(
            {
                "applicant_a",
                "applicant_b",
                "sponsor_a",
                "sponsor_b",
                "caseworker_regular",
                "caseworker_asylum",
                "specialist",
                "desk",
                "contact",
                "manager",
                "privacy",
                "superuser",
            }
        ),
    },
    "desk-slots": {"GET": NOBODY, "POST": NOBODY},
    "desks": {
        "GET": frozenset(
            {
                "applicant_a",
                "applicant_b",
                "sponsor_a",
                "sponsor_b",
                "caseworker_regular",
                "caseworker_asylum",
                "specialist",
                "desk",
                "contact",
                "manager",
                "privacy",
                "superuser",
            }
        ),
        "POST": NOBODY,
    },
    "knowledge:answer": {"GET": NOBODY, "POST": NOBODY},
    "knowledge:search": {
        "GET": frozenset(
            {
                "caseworker_regular",
                "caseworker_asylum",
                "specialist",
                "desk",
                "contact",
                "manager",
                "privacy",
                "superuser",
            }
        ),
        "POST": frozenset(
            {
                "caseworker_regular",
                "caseworker_asylum",
                "specialist",
                "desk",
                "contact",
                "manager",
                "privacy",
                "superuser",
            }
        ),
    },
    "measures": {"GET": frozenset({"manager", "superuser"}), "POST": NOBODY},
    "partner-reports": {"GET": NOBODY, "POST": frozenset({"superuser"})},
    "person": {
        "GET": frozenset({"caseworker_regular", "desk", "contact", "manager", "superuser"}),
        "POST": NOBODY,
    },
    "person-contacts": {
        "GET": NOBODY,
        "POST": frozenset({"caseworker_regular", "desk", "contact", "manager", "superuser"}),
    },
    "persons-search": {
        "GET": NOBODY,
        "POST": frozenset(
            {"caseworker_regular", "caseworker_asylum", "desk", "contact", "manager", "superuser"}
        ),
    },
    "planning:planning": {
        "GET": frozenset({"manager", "superuser"}),
        "POST": frozenset({"manager", "superuser"}),
    },
    "planning:run": {"GET": NOBODY, "POST": NOBODY},
    "portal:complaint": {"GET": NOBODY, "POST": NOBODY},
    "portal:complaint-new": {
        "GET": frozenset({"applicant_a", "applicant_b"}),
        "POST": frozenset({"applicant_a", "applicant_b"}),
    },
    "portal:survey": {"GET": NOBODY, "POST": NOBODY},
    "quality:chain": {
        "GET": frozenset({"manager", "superuser"}),
        "POST": frozenset({"manager", "superuser"}),
    },
    "quality:dashboard": {
        "GET": frozenset({"manager", "superuser"}),
        "POST": frozenset({"manager", "superuser"}),
    },
    "quality:dashboard-csv": {
        "GET": frozenset({"manager", "superuser"}),
        "POST": frozenset({"manager", "superuser"}),
    },
    "quality:monthly-report": {
        "GET": frozenset({"manager", "superuser"}),
        "POST": frozenset({"manager", "superuser"}),
    },
    "quality:pulse": {
        "GET": frozenset(
            {
                "caseworker_regular",
                "caseworker_asylum",
                "specialist",
                "desk",
                "contact",
                "manager",
                "privacy",
                "superuser",
            }
        ),
        "POST": frozenset(
            {
                "caseworker_regular",
                "caseworker_asylum",
                "specialist",
                "desk",
                "contact",
                "manager",
                "privacy",
                "superuser",
            }
        ),
    },
    "residence-status": {"GET": NOBODY, "POST": frozenset({"superuser"})},
    "sponsor-applications": {
        "GET": frozenset({"sponsor_a", "sponsor_b", "superuser"}),
        "POST": frozenset({"sponsor_a", "sponsor_b", "superuser"}),
    },
    "sponsor-applications-bulk": {
        "GET": NOBODY,
        "POST": frozenset({"sponsor_a", "sponsor_b", "superuser"}),
    },
    "sponsor-change-reports": {
        "GET": NOBODY,
        "POST": frozenset({"sponsor_a", "sponsor_b", "superuser"}),
    },
    "sponsors:upload-status": {"GET": NOBODY, "POST": NOBODY},
    "staff:appeal-act": {"GET": NOBODY, "POST": NOBODY},
    "staff:appeals": {
        "GET": frozenset({"caseworker_regular", "desk", "contact", "manager", "superuser"}),
        "POST": frozenset({"caseworker_regular", "desk", "contact", "manager", "superuser"}),
    },
    "staff:application-advice": {
        "GET": NOBODY,
        "POST": frozenset({"caseworker_regular", "desk", "contact", "manager", "superuser"}),
    },
    "staff:chain": {
        "GET": frozenset({"manager", "superuser"}),
        "POST": frozenset({"manager", "superuser"}),
    },
    "staff:complaint": {"GET": NOBODY, "POST": NOBODY},
    "staff:complaint-act": {"GET": NOBODY, "POST": NOBODY},
    "staff:complaint-new": {
        "GET": frozenset(
            {
                "caseworker_regular",
                "caseworker_asylum",
                "specialist",
                "desk",
                "contact",
                "manager",
                "privacy",
                "superuser",
            }
        ),
        "POST": frozenset(
            {
                "caseworker_regular",
                "caseworker_asylum",
                "specialist",
                "desk",
                "contact",
                "manager",
                "privacy",
                "superuser",
            }
        ),
    },
    "staff:complaints": {
        "GET": frozenset(
            {
                "caseworker_regular",
                "caseworker_asylum",
                "specialist",
                "desk",
                "contact",
                "manager",
                "privacy",
                "superuser",
            }
        ),
        "POST": frozenset(
            {
                "caseworker_regular",
                "caseworker_asylum",
                "specialist",
                "desk",
                "contact",
                "manager",
                "privacy",
                "superuser",
            }
        ),
    },
    "staff:document": {
        "GET": frozenset({"caseworker_regular", "desk", "contact", "manager", "superuser"}),
        "POST": NOBODY,
    },
    "staff:document-content": {
        "GET": frozenset({"caseworker_regular", "desk", "contact", "manager", "superuser"}),
        "POST": NOBODY,
    },
    "staff:intention-letter": {"GET": NOBODY, "POST": NOBODY},
    "staff:intention-send": {
        "GET": NOBODY,
        "POST": frozenset({"caseworker_regular", "desk", "contact", "manager", "superuser"}),
    },
    "staff:intention-view": {"GET": NOBODY, "POST": NOBODY},
    "staff:notice-of-default": {
        "GET": NOBODY,
        "POST": frozenset({"caseworker_regular", "desk", "contact", "manager", "superuser"}),
    },
    "staff:objection-act": {"GET": NOBODY, "POST": NOBODY},
    "staff:objections": {
        "GET": frozenset({"caseworker_regular", "desk", "contact", "manager", "superuser"}),
        "POST": frozenset({"caseworker_regular", "desk", "contact", "manager", "superuser"}),
    },
    "subscription": {"GET": NOBODY, "POST": NOBODY, "DELETE": NOBODY},
    "subscriptions": {"GET": NOBODY, "POST": frozenset({"superuser"})},
    "task": {
        "GET": frozenset({"caseworker_regular", "desk", "contact", "manager", "superuser"}),
        "POST": NOBODY,
    },
    "task-action": {"GET": NOBODY, "POST": NOBODY},
    "tasks": {
        "GET": frozenset(
            {
                "caseworker_regular",
                "caseworker_asylum",
                "specialist",
                "desk",
                "contact",
                "manager",
                "superuser",
            }
        ),
        "POST": NOBODY,
    },
    "tasks-next": {
        "GET": NOBODY,
        "POST": frozenset({"caseworker_regular", "caseworker_asylum", "specialist"}),
    },
    "unit": {"GET": frozenset({"manager", "superuser"}), "POST": NOBODY},
    "units": {"GET": frozenset({"manager", "superuser"}), "POST": NOBODY},
    "work:task-assign": {
        "GET": NOBODY,
        "POST": frozenset({"caseworker_regular", "desk", "contact", "manager", "superuser"}),
    },
    "work:task-return": {
        "GET": NOBODY,
        "POST": frozenset({"caseworker_regular", "desk", "contact", "manager", "superuser"}),
    },
    "work:task-take": {
        "GET": NOBODY,
        "POST": frozenset({"caseworker_regular", "desk", "contact", "manager", "superuser"}),
    },
    # Pages of the first four capabilities and issue 9.
    "accessibility-statement": {"GET": ANYONE, "POST": NOBODY},
    "api-docs": {"GET": ANYONE, "POST": NOBODY},
    "api-redoc": {"GET": ANYONE, "POST": NOBODY},
    "application": {"GET": REGULAR_CASE | {"applicant_a"}, "POST": NOBODY},
    "application-action": {
        "GET": NOBODY,
        "POST": frozenset({"applicant_a", "caseworker_regular", "desk", "manager", "superuser"}),
    },
    "application-document-content": {"GET": REGULAR_CASE | {"applicant_a"}, "POST": NOBODY},
    "application-documents": {
        "GET": REGULAR_CASE | {"applicant_a"},
        "POST": REGULAR_CASE | {"applicant_a"},
    },
    # The privacy officer reads the log of who saw what; they file nothing.
    "applications": {
        "GET": LOGGED_IN,
        "POST": (STAFF - {"privacy"}) | {"applicant_a", "applicant_b"},
    },
    "contacts:person-detail": {"GET": REGULAR_CASE, "POST": REGULAR_CASE},
    # Specialists and the privacy officer do not look people up (issue 11's table).
    "contacts:person-search": {"GET": STAFF - {"specialist", "privacy"}, "POST": NOBODY},
    "desks:appointment": {"GET": frozenset({"applicant_a"}), "POST": NOBODY},
    "desks:biometrics": {"GET": NOBODY, "POST": frozenset({"desk", "superuser"})},
    "desks:book": {"GET": frozenset({"applicant_a", "applicant_b"}), "POST": NOBODY},
    "desks:book-confirm": {
        "GET": frozenset({"applicant_a", "applicant_b"}),
        "POST": frozenset({"applicant_a", "applicant_b"}),
    },
    "desks:cancel": {"GET": frozenset({"applicant_a"}), "POST": frozenset({"applicant_a"})},
    "desks:desk-appointment": {"GET": frozenset({"desk", "superuser"}), "POST": NOBODY},
    "desks:desk-day": {"GET": frozenset({"desk", "superuser"}), "POST": NOBODY},
    "desks:identify": {"GET": NOBODY, "POST": frozenset({"desk", "superuser"})},
    "desks:issue": {"GET": NOBODY, "POST": frozenset({"desk", "superuser"})},
    "desks:move": {"GET": frozenset({"applicant_a"}), "POST": NOBODY},
    "desks:move-confirm": {"GET": frozenset({"applicant_a"}), "POST": frozenset({"applicant_a"})},
    "desks:my-appointments": {"GET": frozenset({"applicant_a", "applicant_b"}), "POST": NOBODY},
    "desks:no-show": {"GET": NOBODY, "POST": frozenset({"desk", "superuser"})},
    "health-live": {"GET": ANYONE, "POST": NOBODY},
    "health-ready": {"GET": ANYONE, "POST": NOBODY},
    "home": {"GET": LOGGED_IN, "POST": LOGGED_IN},
    "login": {"GET": ANYONE, "POST": ANYONE},
    "logout": {"GET": NOBODY, "POST": NOBODY},
    "openapi": {"GET": ANYONE, "POST": NOBODY},
    "portal:accessibility-report": {"GET": ANYONE, "POST": ANYONE},
    "portal:accessibility-report-sent": {"GET": ANYONE, "POST": NOBODY},
    "portal:application": {"GET": frozenset({"applicant_a"}), "POST": NOBODY},
    "portal:apply": {"GET": frozenset({"applicant_a", "applicant_b"}), "POST": NOBODY},
    "portal:apply-step": {
        "GET": frozenset({"applicant_a", "applicant_b"}),
        "POST": frozenset({"applicant_a", "applicant_b"}),
    },
    "portal:discard": {"GET": NOBODY, "POST": frozenset({"applicant_a", "applicant_b"})},
    "portal:home": {"GET": frozenset({"applicant_a", "applicant_b"}), "POST": NOBODY},
    "portal:letter": {"GET": NOBODY, "POST": NOBODY},
    "portal:login": {"GET": ANYONE, "POST": NOBODY},
    "portal:logout": {"GET": NOBODY, "POST": NOBODY},
    "portal:payment-return": {"GET": NOBODY, "POST": NOBODY},
    "portal:reply": {"GET": NOBODY, "POST": frozenset({"applicant_a"})},
    "portal:simulated-payment": {"GET": NOBODY, "POST": NOBODY},
    "portal:start": {"GET": frozenset({"applicant_a", "applicant_b"}), "POST": NOBODY},
    "product": {"GET": ANYONE, "POST": NOBODY},
    "products": {"GET": ANYONE, "POST": NOBODY},
    "set_language": {"GET": ANYONE, "POST": ANYONE},
    "sponsors:application-detail": {"GET": frozenset({"sponsor_a"}), "POST": NOBODY},
    "sponsors:apply": {
        "GET": frozenset({"sponsor_a", "sponsor_b"}),
        "POST": frozenset({"sponsor_a", "sponsor_b"}),
    },
    "sponsors:csv-example": {"GET": frozenset({"sponsor_a", "sponsor_b"}), "POST": NOBODY},
    "sponsors:dashboard": {"GET": frozenset({"sponsor_a", "sponsor_b"}), "POST": NOBODY},
    "sponsors:report-change": {"GET": frozenset({"sponsor_a"}), "POST": frozenset({"sponsor_a"})},
    "sponsors:statements": {"GET": NOBODY, "POST": frozenset({"sponsor_a"})},
    "sponsors:upload": {
        "GET": frozenset({"sponsor_a", "sponsor_b"}),
        "POST": frozenset({"sponsor_a", "sponsor_b"}),
    },
    "sponsors:vouch": {"GET": NOBODY, "POST": frozenset({"sponsor_a"})},
    "staff:application-action": {"GET": NOBODY, "POST": REGULAR_CASE},
    "staff:application-detail": {"GET": REGULAR_CASE, "POST": REGULAR_CASE},
    "staff:application-list": {"GET": STAFF - {"privacy"}, "POST": STAFF - {"privacy"}},
    "staff:application-request": {"GET": NOBODY, "POST": REGULAR_CASE},
    "staff:decision-approve": {"GET": NOBODY, "POST": REGULAR_CASE},
    "staff:decision-fast-track": {"GET": NOBODY, "POST": REGULAR_CASE},
    "staff:decision-letter": {"GET": REGULAR_CASE, "POST": NOBODY},
    "staff:decision-letter-pdf": {"GET": NOBODY, "POST": NOBODY},
    "staff:decision-record": {"GET": NOBODY, "POST": REGULAR_CASE},
    "staff:fact-record": {"GET": NOBODY, "POST": REGULAR_CASE},
    "staff:privacy-access-log": {"GET": frozenset({"privacy", "superuser"}), "POST": NOBODY},
    "staff:privacy-export": {"GET": frozenset({"privacy", "superuser"}), "POST": NOBODY},
    # Only who does casework gets work handed out (issue 11: not desk, contact centre,
    # managers, the privacy officer or the superuser unless a membership says so).
    "work:get-next": {
        "GET": NOBODY,
        "POST": frozenset({"caseworker_regular", "caseworker_asylum", "specialist"}),
    },
    "work:task": {"GET": REGULAR_CASE, "POST": REGULAR_CASE},
    "work:unit": {
        "GET": frozenset({"manager", "superuser"}),
        "POST": frozenset({"manager", "superuser"}),
    },
    "work:unit-lend": {"GET": NOBODY, "POST": frozenset({"manager", "superuser"})},
    "work:units": {
        "GET": frozenset({"manager", "superuser"}),
        "POST": frozenset({"manager", "superuser"}),
    },
    "work:worklist": {"GET": STAFF, "POST": STAFF},
}

# The same pages about an asylum application: its own unit only (and the superuser).
# Checked for GET only; the URL names are already covered above.
ASYLUM_ONLY = frozenset({"caseworker_asylum", "superuser"})
ASYLUM_EXPECTED = {
    f"{name}@asylum": {"GET": ASYLUM_ONLY}
    for name in (
        "staff:application-detail",
        "application",
        "application-documents",
        "contacts:person-detail",
    )
}
