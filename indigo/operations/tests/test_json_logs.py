"""Structured logs (issue 16): a server error is one JSON line with its request id and
traceback, the id the person is shown."""

import io
import json
import logging

import pytest
from django.test import Client
from django.urls import path

from indigo.operations.logs import JsonFormatter
from indigo.operations.request_id import REQUEST_ID_HEADER, RequestIdFilter
from indigo.urls import handler404, handler500  # noqa: F401
from indigo.urls import urlpatterns as indigo_urlpatterns


def _boom(request):
    raise RuntimeError("the boom of the json test")


urlpatterns = [*indigo_urlpatterns, path("boom", _boom)]


@pytest.fixture
def json_lines():
    """The django.request logger writing JSON into a buffer, as in production."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)


@pytest.mark.urls("indigo.operations.tests.test_json_logs")
def test_a_server_error_is_one_json_line_with_the_request_id_and_traceback(db, json_lines):
    response = Client(raise_request_exception=False).get("/boom")

    request_id = response[REQUEST_ID_HEADER]
    entries = [json.loads(line) for line in json_lines.getvalue().splitlines()]
    error = next(e for e in entries if e["level"] == "ERROR")
    assert response.status_code == 500
    assert error["request_id"] == request_id
    assert "the boom of the json test" in error["exception"]
    assert error["logger"] == "django.request"
    assert request_id in response.content.decode()  # what the person quotes to us


def test_outside_a_request_the_id_is_a_dash():
    record = logging.LogRecord("indigo", logging.INFO, __file__, 1, "started %s", ("x",), None)
    RequestIdFilter().filter(record)

    entry = json.loads(JsonFormatter().format(record))

    assert entry["message"] == "started x" and entry["request_id"] == "-"
