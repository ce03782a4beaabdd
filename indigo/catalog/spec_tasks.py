"""Reading the ``tasks`` of a version in the catalog file (see ``spec.py``).

A version lists the assessment tasks that run in parallel once an application enters
assessment. They are operational configuration, not law: they need no source, and
they may change while applications are pinned to the version.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from indigo.catalog.models import TaskDefinition
from indigo.catalog.models.tasks import RESERVED_TASK_CODES

if TYPE_CHECKING:
    from indigo.catalog.spec import _Reader

QUEUES = TaskDefinition.QueueKind.values
_KEYS = {"code", "name_en", "name_nl", "queue", "blocking", "expected_days", "due_days"}


@dataclass(frozen=True)
class TaskSpec:
    code: str
    name_en: str
    name_nl: str
    queue_kind: str
    blocking: bool
    expected_days: int
    due_days: int
    notes: str

    def field_values(self) -> dict:
        return {
            "name_en": self.name_en,
            "name_nl": self.name_nl,
            "queue_kind": self.queue_kind,
            "blocking": self.blocking,
            "expected_days": self.expected_days,
            "due_days": self.due_days,
            "notes": self.notes,
        }


def task_specs_read(reader: _Reader, raw_list, where: str) -> list[TaskSpec]:
    """The tasks of the version at ``where``; problems go to ``reader.errors``."""
    if not isinstance(raw_list, list) or not raw_list:
        reader.error(where, "tasks", "must be a non-empty list")
        return []
    tasks, seen = [], set()
    for index, raw in enumerate(raw_list, start=1):
        field = f"tasks[{index}]"
        if reader.mapping(raw, where, field, _KEYS, {"notes"}) is None:
            continue
        code = reader.code(raw, where, field)
        if code:
            field = f"tasks[{code}]"
            if code in seen:
                reader.error(where, field, "appears more than once")
            elif code in RESERVED_TASK_CODES:
                reader.error(where, f"{field}.code", f"{code!r} is reserved for the owner's task")
            seen.add(code)
        before = len(reader.errors)
        names = reader.text(raw, "name_en", where, field), reader.text(raw, "name_nl", where, field)
        queue = raw.get("queue")
        if "queue" in raw and queue not in QUEUES:
            reader.error(
                where, f"{field}.queue", f"unknown queue {queue!r} (use {', '.join(QUEUES)})"
            )
        blocking = raw.get("blocking")
        if "blocking" in raw and not isinstance(blocking, bool):
            reader.error(where, f"{field}.blocking", f"{blocking!r} must be true or false")
        expected = _days(reader, raw, "expected_days", where, field)
        due = _days(reader, raw, "due_days", where, field)
        if expected and due and expected > due:
            reader.error(
                where,
                f"{field}.expected_days",
                f"{expected} is more than due_days ({due}); the expected work must fit "
                "before the task is due",
            )
        notes = raw.get("notes") or ""
        if not isinstance(notes, str):
            reader.error(where, f"{field}.notes", "must be a text")
        if code and len(reader.errors) == before and set(raw) >= _KEYS:
            tasks.append(TaskSpec(code, *names, queue, blocking, expected, due, notes.strip()))
    return tasks


def _days(reader: _Reader, raw: dict, key: str, where: str, field: str) -> int | None:
    value = raw.get(key)
    if key not in raw:
        return None  # reported as missing by mapping()
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        reader.error(where, f"{field}.{key}", f"{value!r} is not a whole number of at least 1")
        return None
    return value
