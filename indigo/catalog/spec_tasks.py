"""Reading the ``tasks`` of a version in the catalog file (see ``spec.py``).

A version lists the assessment tasks that run in parallel once an application enters
assessment. They are operational configuration, not law: they need no source, and
they may change while applications are pinned to the version.
"""

from dataclasses import dataclass

from indigo.catalog.models import TaskDefinition
from indigo.catalog.models.tasks import RESERVED_TASK_CODES
from indigo.lawdata.loader import Reader

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


def task_specs_read(reader: Reader, raw: dict, where: str) -> list[TaskSpec]:
    """The ``tasks`` of the version ``raw`` at ``where``; problems go to ``reader``."""
    tasks, seen = [], set()
    for index, item in enumerate(reader.items(raw, "tasks", where), start=1):
        code = reader.code(item, where, f"tasks[{index}]") if isinstance(item, dict) else ""
        field = f"tasks[{code or index}]"
        if reader.mapping(item, where, field, required=_KEYS, optional={"notes"}) is None:
            continue
        if code in seen:
            reader.error(where, field, "appears more than once")
        elif code in RESERVED_TASK_CODES:
            reader.error(where, f"{field}.code", f"{code!r} is reserved for the owner's task")
        if code:
            seen.add(code)
        before = len(reader.errors)
        names = (
            reader.text(item, "name_en", where, field),
            reader.text(item, "name_nl", where, field),
        )
        queue = reader.choice(item, "queue", where, field, allowed=QUEUES)
        blocking = reader.flag(item, "blocking", where, field)
        expected = reader.whole_number(item, "expected_days", where, field)
        due = reader.whole_number(item, "due_days", where, field)
        if expected and due and expected > due:
            reader.error(
                where,
                f"{field}.expected_days",
                f"{expected} is more than due_days ({due}); the expected work must fit "
                "before the task is due",
            )
        notes = reader.text(item, "notes", where, field, blank=True)
        if code and len(reader.errors) == before and set(item) >= _KEYS:
            tasks.append(TaskSpec(code, *names, queue, blocking, expected, due, notes))
    return tasks
