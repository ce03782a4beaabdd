"""Helpers of the API tests: clients acting as a user, and problem+json checks."""

import pytest
from rest_framework.test import APIClient

from indigo.accounts.tests.factories import user_with_role


def client_as(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    client.user = user
    return client


def client_for(role, **kwargs) -> APIClient:
    return client_as(user_with_role(role, **kwargs))


def is_problem(response, status: int) -> dict:
    """The response is a problem+json with `status`; returns its body."""
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


def invalid_names(response) -> set[str]:
    return {p["name"] for p in is_problem(response, 400)["invalidParams"]}


@pytest.fixture
def caseworker(catalog):
    return client_for("caseworker")


@pytest.fixture
def colleague(catalog):
    return client_for("caseworker")
