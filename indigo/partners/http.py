"""The one way partner clients talk HTTP: JSON in, JSON out, a time-out, and the
request id with every request. Network trouble becomes PartnerDown/PartnerTimeout."""

import json
import socket
import urllib.error
import urllib.request

from django.conf import settings

from indigo.partners.adapters import PartnerAnswerInvalid, PartnerDown, PartnerTimeout


def post_json(
    *, url: str, body: dict, request_id: str, headers: dict | None = None, timeout=None
) -> dict:
    data = json.dumps(body).encode()
    request = urllib.request.Request(
        url,
        data=data,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "Accept": "application/json",
            "X-Request-ID": request_id,
            **(headers or {}),
        },
    )
    timeout = timeout or settings.INDIGO_PARTNER_TIMEOUT_SECONDS
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
    except urllib.error.HTTPError as exc:
        # A 4xx is our question being wrong or refused; it will not get better by
        # itself, but the call stays visible and can be retried by a person.
        raise PartnerDown(f"{url}: HTTP {exc.code}") from exc
    except TimeoutError as exc:
        raise PartnerTimeout(f"{url}: no answer within {timeout} s") from exc
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError | socket.timeout):
            raise PartnerTimeout(f"{url}: no answer within {timeout} s") from exc
        raise PartnerDown(f"{url}: {reason}") from exc
    try:
        answer = json.loads(raw)
    except ValueError as exc:
        raise PartnerAnswerInvalid(f"{url}: the answer is not JSON") from exc
    if not isinstance(answer, dict):
        raise PartnerAnswerInvalid(f"{url}: the answer is not a JSON object")
    return answer
