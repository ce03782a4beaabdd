"""Schemathesis over the published OpenAPI document, with a bounded number of examples.

Every operation is called with generated input, valid and invalid, by an authenticated
caseworker (who may see an application of the regular processes). Two promises:

- no generated request gets a server error (5xx);
- every response conforms to the document: a documented status code, the documented
  content type and headers, and a body that matches the schema.

Where the document and the API still disagree (issue 9: the list's shape, error
responses left undocumented), the operation's conformance test is marked
xfail(strict=True), so the fix makes it fail until the mark is removed.
"""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error

from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.cases.tests.factories import make_application

EXAMPLES = 15  # per operation: enough to find a crash, small enough for `make test`
NOT_YET = (
    "known: the document does not yet describe every response or request of this "
    "operation (schemathesis; to fix, then remove it from NOT_YET_CONFORMING)"
)


def _load_schema():
    from indigo.wsgi import application

    # Loaded once, at collection: the document needs no database.
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


SCHEMA = _load_schema()
OPERATIONS = sorted(result.ok().label for result in SCHEMA.get_all_operations())
# Operations whose responses do not all match the document yet (schemathesis reports).
NOT_YET_CONFORMING = {
    "GET /applications",
    "POST /applications",
    "POST /applications/{reference}/actions/{action}",
    "POST /applications/{reference}/documents",
    # Merged from issues 11-14 on 4 December: requests the schema allows but the
    # service refuses (ST202).
    "GET /tasks",  # a 404 for an `application` filter it cannot see is undocumented
    "POST /appointments",
    "POST /complaints",
    "POST /persons/search",
}


# Known, and depending on the examples drawn: the documented `url` admits schemes the
# service refuses (it takes http and https only), so a schema-valid body is sometimes a 400.
SOMETIMES_CONFORMING = {"POST /subscriptions"}
SOMETIMES = "known: the subscription's url is documented wider than it is accepted"


@pytest.fixture(autouse=True)
def _keep_the_test_transaction():
    # As Django's test client does: the test's transaction outlives each request.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def token(catalog):
    unit = make_unit("regular-st", processes=["regular-economic", "regular-social"])
    caseworker = user_with_role("caseworker", units=[unit])
    make_application(actor=caseworker, product="study")
    return Token.objects.create(user=caseworker).key


def _run(label: str, token: str, **checks) -> None:
    operation = SCHEMA.find_operation_by_label(label)

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def call(case):
        case.call_and_validate(headers={"Authorization": f"Token {token}"}, **checks)

    call()


def test_every_operation_of_the_document_is_exercised():
    assert len(OPERATIONS) >= 9
    assert set(NOT_YET_CONFORMING) <= set(OPERATIONS)


@pytest.mark.django_db
@pytest.mark.parametrize("label", OPERATIONS)
def test_no_generated_request_gets_a_server_error(label, token):
    _run(label, token, checks=[not_a_server_error])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "label",
    [
        pytest.param(
            label,
            marks=[pytest.mark.xfail(strict=True, reason=NOT_YET)]
            if label in NOT_YET_CONFORMING
            else [pytest.mark.xfail(strict=False, reason=SOMETIMES)]
            if label in SOMETIMES_CONFORMING
            else [],
        )
        for label in OPERATIONS
    ],
)
def test_every_response_matches_the_document(label, token):
    _run(label, token)
