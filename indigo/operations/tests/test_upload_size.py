"""An upload larger than the dossier accepts is refused before its body is read whole
(issue 9: a 200 MB upload was read, then refused)."""

import io

import pytest
from django.core.handlers.wsgi import WSGIRequest
from django.test import Client

from indigo.accounts.tests.factories import user_with_role
from indigo.dossier.models import Document
from indigo.operations.input_guard import InputGuardMiddleware

pytestmark = pytest.mark.usefixtures("catalog")


class CountingInput(io.BytesIO):
    def __init__(self, data):
        super().__init__(data)
        self.read_bytes = 0

    def read(self, size=-1):
        chunk = super().read(size)
        self.read_bytes += len(chunk)
        return chunk

    def readline(self, size=-1):
        line = super().readline(size)
        self.read_bytes += len(line)
        return line


def multipart(size: int) -> tuple[bytes, str]:
    boundary = "BOUNDARY"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + b"%PDF-1.4\n"
        + b"x" * size
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


def request_with(body: bytes, content_type: str, *, length: int | None) -> tuple:
    stream = CountingInput(body)
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/api/v1/applications/X/documents",
        "CONTENT_TYPE": content_type,
        "wsgi.input": stream,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "http",
    }
    if length is not None:
        environ["CONTENT_LENGTH"] = str(length)
    return WSGIRequest(environ), stream


def test_a_body_announced_larger_than_the_limit_is_refused_unread(settings):
    settings.INDIGO_DOSSIER_MAX_UPLOAD_BYTES = 1000
    body, content_type = multipart(3 * 1024 * 1024)
    request, stream = request_with(body, content_type, length=len(body))
    reached = []

    response = InputGuardMiddleware(lambda r: reached.append(r) or None)(request)

    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/problem+json")
    assert stream.read_bytes == 0
    assert not reached


def test_a_streamed_file_is_cut_off_at_the_limit(settings):
    settings.INDIGO_DOSSIER_MAX_UPLOAD_BYTES = 100_000
    body, content_type = multipart(3 * 1024 * 1024)
    # The length is stated (as WSGI needs it) but within the form allowance, so the
    # upload handler decides while reading.
    request, stream = request_with(body, content_type, length=len(body))
    settings.INDIGO_DOSSIER_MAX_UPLOAD_BYTES = 100_000
    from indigo.operations import input_guard

    guard = InputGuardMiddleware(lambda r: None)
    original = input_guard.upload_limit
    input_guard.upload_limit = lambda: 10 * 1024 * 1024
    try:
        response = guard.process_view(request, None, (), {})
    finally:
        input_guard.upload_limit = original

    assert response is not None and response.status_code == 413
    assert "file" not in request.FILES
    assert stream.read_bytes < 1024 * 1024  # stopped early: the rest was never read


def test_an_upload_over_the_limit_through_the_api_stores_nothing(settings):
    settings.INDIGO_DOSSIER_MAX_UPLOAD_BYTES = 1000
    client = Client()
    client.force_login(user_with_role("caseworker"))

    response = client.post(
        "/api/v1/applications/2026-ABCDEFGH/documents",
        {"document_type": "passport", "file": io.BytesIO(b"%PDF-1.4\n" + b"x" * 3 * 1024 * 1024)},
    )

    assert response.status_code == 413
    assert not Document.objects.exists()
