"""Which remedy a decision on an application has: objection (bezwaar) or appeal.

The objections and appeals apps ask only here. Where the catalog's remedies are present
(`indigo.catalog.remedies.remedy_for`, issue 10), they answer; without them (or when the
data has no remedy for the product) asylum decisions go straight to the court and every
other decision first to objection.

TODO(issue 10): once `indigo.catalog.remedies` is on every branch, drop the fallback
and import `remedy_for` directly.
"""

from indigo import clock
from indigo.catalog.models import Process

OBJECTION = "objection"
APPEAL = "appeal"


def _by_process(application) -> str:
    # Asylum: no objection phase, appeal to the court (Vw 2000 art. 80, 69(2)); other
    # decisions: objection first (Vw 2000 art. 69(1), Awb 7:1).
    return APPEAL if application.product.process == Process.ASYLUM else OBJECTION


def remedy_kind(application) -> str:
    try:
        from indigo.catalog.remedies import NoRemedy, remedy_for
    except ImportError:  # a branch without issue 10's remedies
        return _by_process(application)
    on = application.notified_on or clock.today()
    try:
        kind = remedy_for(application, "refuse", on=on).kind
    except NoRemedy:
        return _by_process(application)
    return APPEAL if kind == APPEAL else OBJECTION
