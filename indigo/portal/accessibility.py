"""The facts of the accessibility statement (toegankelijkheidsverklaring), as data.

The statement follows the national model (toegankelijkheidsverklaring.nl): scope,
compliance status, sign-off by an authorised official with job title and date,
feedback and contact route, enforcement procedure, and the measures taken. The
page (`portal/accessibility_statement.html`) renders these facts; a new audit or a
signature is a change here, reviewed like code.

Status, honestly: C ("first measures taken"). There is no audit by an independent
expert yet (WCAG-EM, all 50 criteria, pages behind the login and PDFs included), so
neither A nor B may be claimed; an audit is planned within six months, which is what
C requires. Automated tests (axe-core on every portal page in both languages) are a
measure, not an audit: they find only part of the problems.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext_lazy as _

STATUSES = {
    "A": _("A – meets all requirements"),  # noqa: RUF001 (a typographic dash)
    "B": _("B – partly meets the requirements"),  # noqa: RUF001 (a typographic dash)
    "C": _("C – first measures taken"),  # noqa: RUF001 (a typographic dash)
    "D": _("D – first measures not yet taken"),  # noqa: RUF001 (a typographic dash)
    "E": _("E – does not meet the requirements"),  # noqa: RUF001 (a typographic dash)
}


@dataclass(frozen=True)
class Statement:
    status: str
    drawn_up_on: date
    last_reviewed_on: date
    audit_planned_by: date
    # Sign-off by an authorised official: job title and date; empty until signed.
    signed_by_title: str = ""
    signed_on: date | None = None
    # Working days within which a report of a problem is confirmed, and answered.
    confirm_within_days: int = 5
    answer_within_weeks: int = 2
    scope: tuple[str, ...] = field(default_factory=tuple)

    @property
    def status_label(self) -> str:
        return str(STATUSES[self.status])

    @property
    def signed(self) -> bool:
        return bool(self.signed_by_title and self.signed_on)


STATEMENT = Statement(
    status="C",
    drawn_up_on=date(2026, 11, 28),
    last_reviewed_on=date(2026, 11, 28),
    audit_planned_by=date(2027, 5, 28),
    scope=("/portal/", "/toegankelijkheid"),
)
