"""The intended refusal through the API: refusals (the success path, with the written
view and the decision answering it, is in decisions/tests/test_intention_screens_and_api)."""

import pytest

from indigo.accounts.tests.factories import make_unit
from indigo.api.tests.conftest import client_for, is_problem
from indigo.cases.tests.factories import make_application

pytestmark = pytest.mark.usefixtures("catalog")


@pytest.fixture
def caseworker():
    return client_for("caseworker", units=[make_unit("eco", processes=["regular-economic"])])


def test_an_application_without_an_intended_refusal_has_none_to_show_or_answer(caseworker):
    application = make_application(product="highly-skilled-migrant", actor=caseworker.user)
    reference = application.reference

    shown = caseworker.get(f"/api/v1/applications/{reference}/intention")
    view = caseworker.post(
        f"/api/v1/applications/{reference}/intention/view", {"text": "No."}, format="json"
    )

    assert "intended refusal" in is_problem(shown, 404)["detail"]
    assert "intended refusal" in is_problem(view, 404)["detail"]


def test_an_applicant_may_not_send_an_intended_refusal(caseworker):
    application = make_application(product="highly-skilled-migrant", actor=caseworker.user)
    applicant = client_for("applicant")

    sent = applicant.post(
        f"/api/v1/applications/{application.reference}/intention",
        {"grounds": "No."},
        format="json",
    )

    assert sent.status_code in (403, 404)
