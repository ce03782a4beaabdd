"""The day a step on an application happened."""

from datetime import date

from django.utils.translation import gettext as _

from indigo import limits
from indigo.accounts.roles import is_staff_member
from indigo.cases.models import Application, ApplicationEvent
from indigo.errors import InvalidInput, day


def effective_on_for(
    *, actor, on: date | None, application: Application, today: date, trusted: bool = False
) -> date:
    """The day a step happened: today, or for staff an earlier day recorded from paper,
    never in the future and never before the application's last recorded step."""
    if on is None:
        return today
    if not (trusted or is_staff_member(actor)):
        raise InvalidInput(_("Only staff can record an action on an earlier date."), field="on")
    if on > today:
        raise InvalidInput(
            _("The date cannot be in the future (today is %(today)s).") % {"today": day(today)},
            field="on",
        )
    limits.date_check(on, field="on", today=today)
    if trusted:  # e.g. a repair period's legal end, recorded by a late sweep
        return on
    last = (
        ApplicationEvent.objects.filter(application=application)
        .order_by("-effective_on")
        .values_list("effective_on", flat=True)
        .first()
    )
    if last is not None and on < last:
        raise InvalidInput(
            _("The date cannot be before the last recorded step (%(date)s).") % {"date": day(last)},
            field="on",
        )
    return on
