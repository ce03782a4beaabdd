"""Applying for many migrants at once from a CSV file (format: `csv_format`).

Every row is checked before anything is written, exactly as the apply form would check
it. Rows without problems are then filed, each in its own transaction through
`sponsor_apply`, so a row is filed whole or not at all. Rows with problems are reported
(row, column, message) and not filed: the issue asks for row-level errors and no row
half-imported, so the good rows of a file are not held back by its broken ones; the
sponsor corrects the broken rows and uploads them again.
"""

from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _

from indigo import clock
from indigo.cases.services import ApplicantData
from indigo.errors import DomainError
from indigo.sponsors import csv_format
from indigo.sponsors.application_input import (
    APPLICANT_FIELDS,
    ApplicationInputInvalid,
    AuthorisationGiven,
    application_input_check,
    sponsor_may_act,
)
from indigo.sponsors.models import Sponsor
from indigo.sponsors.selectors import products_open_to
from indigo.sponsors.services import sponsor_apply
from indigo.sponsors.statements import FieldError

DOB = "date_of_birth"


@dataclass
class RowResult:
    row: int
    name: str = ""
    product: str = ""
    reference: str = ""  # the application made from this row
    already: str = ""  # the running application this row duplicates (not imported)
    errors: list[FieldError] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.reference:
            return "imported"
        return "already-applied" if self.already else "failed"


@dataclass
class ImportReport:
    rows: list[RowResult]

    def _with(self, status: str) -> list[RowResult]:
        return [r for r in self.rows if r.status == status]

    @property
    def imported(self) -> list[RowResult]:
        return self._with("imported")

    @property
    def failed(self) -> list[RowResult]:
        return self._with("failed")

    @property
    def already_applied(self) -> list[RowResult]:
        return self._with("already-applied")

    def as_data(self) -> list[dict]:
        """The report as JSON-able data (kept with a background upload)."""
        return [asdict(row) for row in self.rows]

    @classmethod
    def from_data(cls, rows: list[dict]) -> "ImportReport":
        return cls(
            rows=[
                RowResult(**{**row, "errors": [FieldError(**e) for e in row["errors"]]})
                for row in rows
            ]
        )


def sponsor_bulk_import(
    *, actor, sponsor: Sponsor, csv_file, progress: Callable[[int, int], None] | None = None
) -> ImportReport:
    """Apply for many migrants from a CSV file (format: `indigo.sponsors.csv_format`).

    Every row is checked before anything is written. Rows without problems are then
    imported, each in its own transaction through `sponsor_apply`, so a row is either
    imported whole or not at all; rows with problems are reported (row, column,
    message) and not imported, and the sponsor uploads them again once corrected. A
    row for a person this sponsor already has a running application for (the same
    product) is skipped and named, so uploading a corrected file twice creates no
    duplicates. A problem with the file itself (not UTF-8, unknown columns, too big)
    raises InvalidInput and nothing is imported. `progress(done, total)` hears how many
    rows are handled, after the check and after each filed row.
    """
    today = clock.today()
    sponsor_may_act(actor=actor, sponsor=sponsor, today=today)
    rows = csv_format.csv_read(csv_file)
    open_products = products_open_to(sponsor=sponsor, on=today)
    plans, results, seen = [], [], {}
    for row in rows:
        values = row.values
        result = RowResult(
            row=row.number,
            name=" ".join(str(values.get(k) or "") for k in ("given_names", "surname")).strip(),
            product=str(values.get("product") or ""),
            errors=list(row.errors),
        )
        results.append(result)
        kwargs = _apply_arguments(values)
        checked = application_input_check(
            sponsor=sponsor,
            product_code=kwargs["product_code"],
            applicant=kwargs["applicant_data"],
            facts=kwargs["facts"],
            authorisation=kwargs["authorisation"],
            today=today,
            open_products=open_products,
        )
        # A cell that could not be read is reported once, not again as "missing".
        unreadable = {e.field for e in result.errors}
        result.errors += [e for e in checked.errors if e.field not in unreadable]
        person = (result.product, checked.applicant) if checked.applicant else None
        if person is not None and person in seen:
            result.errors.append(
                FieldError(
                    "",
                    _("The same person and product as row %(row)d.") % {"row": seen[person]},
                    "duplicate-row",
                )
            )
        elif person is not None:
            seen[person] = row.number
        if result.errors and all(e.code == "already-applied" for e in result.errors):
            result.already = checked.duplicate_of.reference
            result.errors = []
        elif not result.errors:
            plans.append((result, kwargs))
    done = len(results) - len(plans)
    if progress:
        progress(done, len(results))
    for result, kwargs in plans:
        try:
            application = sponsor_apply(
                actor=actor, sponsor=sponsor, open_products=open_products, **kwargs
            )
        except ApplicationInputInvalid as exc:
            result.errors = exc.errors  # changed since the check (e.g. a second upload)
        except DomainError as exc:
            result.errors = [FieldError(exc.field or "", exc.message, exc.code)]
        else:
            result.reference = application.reference
        done += 1
        if progress:
            progress(done, len(results))
    return ImportReport(rows=results)


def _apply_arguments(values: dict) -> dict:
    given_on, how = values.get("authorisation_given_on"), values.get("authorisation_how")
    authorisation = None
    if given_on is not None or how:
        authorisation = AuthorisationGiven(given_on=given_on, how=how or "")
    return {
        "product_code": values.get("product") or "",
        "applicant_data": ApplicantData(
            **{name: values.get(name) or "" for name in APPLICANT_FIELDS if name != DOB},
            date_of_birth=values.get(DOB),
        ),
        "facts": {name: values.get(name) for name in csv_format.ALL_STATED},
        "vouch": values.get("vouch") is True,
        "authorisation": authorisation,
    }
