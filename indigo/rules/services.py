"""Writes of the rules app: loading the parameter file, and recording facts.

``parameters_load`` brings the database in line with the parameter file, all or
nothing: loading the same file twice changes nothing. Versions that are no longer in
the file are kept and reported, never deleted: applications may have been judged with
them. A value a functional administrator entered in the database is not wiped by a
file that still says null (no figure found): that is reported instead.
"""

from pathlib import Path

from django.db import transaction

from indigo import clock
from indigo.accounts.roles import Role, has_role, is_staff_member
from indigo.cases.access import applications_visible_to
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import event_record
from indigo.cases.models import Application
from indigo.errors import InvalidInput, NotAllowed
from indigo.lawdata.loader import LoadReport, all_or_nothing, fields_update
from indigo.organisation.permissions import Action, require
from indigo.rules.models import Fact, Parameter
from indigo.rules.parameter_file import parameter_file_read
from indigo.rules.vocabulary import FACT_NAMES

DEFAULT_PARAMETERS_PATH = Path(__file__).resolve().parent / "data" / "parameters.yaml"

__all__ = ["DEFAULT_PARAMETERS_PATH", "ensure_parameters", "fact_record", "parameters_load"]


def parameters_load(*, path: Path | None = None, stdout=None, dry_run: bool = False) -> LoadReport:
    """Load the parameter file (default: the shipped ``data/parameters.yaml``).

    Raises LawDataError, and writes nothing, when the file is invalid. With ``dry_run``
    the changes are made and reported, then rolled back.
    """
    specs = parameter_file_read(path=Path(path) if path else DEFAULT_PARAMETERS_PATH)
    report = LoadReport("the parameters", dry_run=dry_run)
    with all_or_nothing(report):
        existing = {(p.key, p.valid_from): p for p in Parameter.objects.select_for_update()}
        for spec in specs:
            label = f"parameter {spec.key} from {spec.valid_from:%Y-%m-%d}"
            row = existing.pop((spec.key, spec.valid_from), None)
            values = spec.field_values()
            if row is None:
                Parameter.objects.create(key=spec.key, valid_from=spec.valid_from, **values)
                report.record(label, created=True)
                continue
            if values["value"] is None and row.value is not None:
                # Entered by a functional administrator: the file's null means "not
                # found", not "remove".
                values.update(value=row.value, verified=row.verified, source=row.source)
                report.notes.append(
                    f"{label}: the file has no value; kept the value {row.value} entered in "
                    "the database. Put it in the file with its source."
                )
            report.record(label, changed=fields_update(row, values))
        report.kept += [
            f"parameter {key} from {valid_from:%Y-%m-%d}" for key, valid_from in sorted(existing)
        ]
    if stdout is not None:
        report.write(stdout)
    return report


def ensure_parameters() -> None:
    """Load the shipped parameters into an empty database (test suites, first start)."""
    if not Parameter.objects.exists():
        parameters_load()


def fact_record(
    *,
    actor,
    application: Application,
    name: str,
    value,
    source: str,
    source_detail: str = "",
) -> Fact:
    """Record what is known about an application, and where it came from.

    Facts are never changed: a correction is a newer fact with the same name.
    """
    fact_name = FACT_NAMES.get(name)
    if fact_name is None:
        raise InvalidInput(
            f"There is no fact '{name}'. Facts are declared in the rules vocabulary; "
            "check the spelling.",
            field="name",
        )
    stored = fact_name.clean(value)
    if source not in Fact.Source.values:
        raise InvalidInput(
            f"The source must be one of: {', '.join(Fact.Source.values)}; got {source!r}.",
            field="source",
        )
    source_detail = (source_detail or "").strip()
    if len(source_detail) > Fact._meta.get_field("source_detail").max_length:
        raise InvalidInput(
            "The source detail is too long (200 characters at most).", field="source_detail"
        )
    _check_may_record(actor=actor, application=application, source=source)
    with transaction.atomic():
        fact = Fact.objects.create(
            application=application,
            name=name,
            value=stored,
            source=source,
            source_detail=source_detail,
            recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
            recorded_at=clock.now(),
        )
        event_record(
            application=application,
            actor=actor,
            action=EventKind.FACT_RECORDED,
            payload={"name": name, "source": source},
        )
    return fact


def _check_may_record(*, actor, application: Application, source: str) -> None:
    """Staff record facts from any source; others only what they are themselves.

    A partner adapter runs without a user and may only record partner facts; an
    applicant only their own statements on their own application; a sponsor only the
    sponsor's statements.
    """
    if not getattr(actor, "is_authenticated", False):
        if source != Fact.Source.PARTNER:
            raise NotAllowed("Without a user, only a partner agency's facts can be recorded.")
        return
    if is_staff_member(actor):
        require(actor, Action.FACT_RECORD, application=application)
        return
    if source == Fact.Source.PARTNER and has_role(actor, Role.PARTNER):
        return  # an authenticated partner agency reporting what it registered
    own_kind = {Role.APPLICANT: Fact.Source.APPLICANT, Role.SPONSOR: Fact.Source.SPONSOR}
    may = {kind for role, kind in own_kind.items() if has_role(actor, role)}
    if application.applicant.user_id == actor.pk:
        may.add(Fact.Source.APPLICANT)
    visible = applications_visible_to(actor).filter(pk=application.pk).exists()
    if source not in may or not visible:
        raise NotAllowed("You may only record your own statements on your own application.")
