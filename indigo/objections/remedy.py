"""Which remedy a decision on an application has: objection (bezwaar) or appeal.

TODO(issue 10): replace with `indigo.catalog.remedies.remedy_for(application, outcome,
on=...)` once that is merged; this adapter is the only place the objections and
appeals apps ask, so the rewiring is here.
"""

from indigo.catalog.models import Process

OBJECTION = "objection"
APPEAL = "appeal"


def remedy_kind(application) -> str:
    """Asylum decisions go straight to the court (no objection phase, Vw 2000 art. 80
    and 69(2)); a decision on an objection too; every other decision first to objection
    (Vw 2000 art. 69(1), Awb 7:1)."""
    if application.product.process == Process.ASYLUM:
        return APPEAL
    return OBJECTION
