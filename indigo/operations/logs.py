"""Structured logs: one JSON object per line, with the request id (docs/deployment.md).

Chosen with `INDIGO_LOG_FORMAT=json` (production: a log collector parses the lines);
the plain format stays the default on a developer's machine. Hand-written rather than
a dependency: it is a dozen lines of the standard library.
"""

import json
import logging
from datetime import UTC, datetime


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        return json.dumps(entry, ensure_ascii=False, default=str)
