"""The trace a processing belongs to (W3C Trace Context, as the standard asks).

A request starts a trace (or continues the caller's, from its `traceparent` header);
a command starts its own with `trace_start`. The trace lives in a context variable so
that the code recording a processing needs no request object.
"""

import re
import secrets
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

_TRACEPARENT = re.compile(r"\A00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}\Z")


@dataclass
class Trace:
    trace_id: str
    span_id: str  # the span of this request or command
    parent_span_id: str = ""  # the caller's span, when continued from a traceparent
    operation: str = ""
    recorded: bool = False  # its AccessTrace row (the who) is written

    @property
    def traceparent(self) -> str:
        return f"00-{self.trace_id}-{self.span_id}-01"


_current: ContextVar[Trace | None] = ContextVar("indigo_trace", default=None)


def new_span_id() -> str:
    return secrets.token_hex(8)


def trace_from_header(header: str | None, *, operation: str = "") -> Trace:
    match = _TRACEPARENT.match(header or "")
    if match and match.group(1) != "0" * 32:
        return Trace(match.group(1), new_span_id(), match.group(2), operation)
    return Trace(secrets.token_hex(16), new_span_id(), "", operation)


def current_trace() -> Trace | None:
    return _current.get()


@contextmanager
def trace_start(*, operation: str, traceparent: str | None = None):
    trace = trace_from_header(traceparent, operation=operation)
    token = _current.set(trace)
    try:
        yield trace
    finally:
        _current.reset(token)
