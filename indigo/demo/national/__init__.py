"""A national-scale workload, made up: `indigo generate --applications N`.

Applications over every product of the catalog with their applicants, history (every
phase with its events), tasks, documents' metadata, suspensions, decisions and
objections, reproducible from a seed, written in chunks (each all or nothing) so that
memory stays flat and an interrupted run resumes where it stopped. For benchmarks and
demonstrations only: the people are made up and no document has a file behind it.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from indigo import clock
from indigo.cases.models import Application
from indigo.catalog.models import ProductVersion, TaskDefinition
from indigo.demo.national.lives import Ids, Life, Rows, TaskDef, VersionInfo
from indigo.demo.national.staff import generator_user, staff_ensure
from indigo.demo.national.writer import Writer

MAX_APPLICATIONS = 20_000_000
MAX_YEARS = 30


class GenerateError(ValueError):
    """Arguments or a database the generator refuses, with what to do instead."""


@dataclass(frozen=True)
class Report:
    applications: int  # made by this run
    resumed_from: int  # generated applications found before it
    rows: int
    seconds: float


def catalog_snapshot() -> dict[str, list[VersionInfo]]:
    """Every product's versions with what a life needs, read once."""
    catalog: dict[str, list[VersionInfo]] = {}
    versions = ProductVersion.objects.select_related("product").prefetch_related(
        "customer_groups", "versiondocumenttype_set"
    )
    for v in versions.order_by("product__code", "valid_from"):
        tasks = tuple(
            TaskDef(
                id=t.id,
                code=t.code,
                queue=t.queue_for(v.product.process),
                blocking=t.blocking,
                expected_days=t.expected_days,
                due_days=t.due_days,
            )
            for t in TaskDefinition.objects.filter(version=v).order_by("code")
        )
        catalog.setdefault(v.product.code, []).append(
            VersionInfo(
                id=v.id,
                product_id=v.product_id,
                product_code=v.product.code,
                process=v.product.process,
                valid_from=v.valid_from,
                period=v.decision_period,
                extension=v.extension,
                objection_period=v.objection_period,
                objection_decision_period=v.objection_decision_period,
                groups=tuple(
                    (g.id, g.code, tuple(g.channels)) for g in v.customer_groups.order_by("code")
                ),
                tasks=tasks,
                documents=tuple(
                    (link.document_type_id, link.document_type.code)
                    for link in v.versiondocumenttype_set.select_related("document_type")
                    .filter(required=True)
                    .order_by("document_type__code")
                ),
                fee_eur=str(v.fee_eur),
            )
        )
    return catalog


def generate(
    *,
    applications: int,
    seed: int = 1,
    years: int = 3,
    until: date | None = None,
    staff: int | None = None,
    chunk: int = 5_000,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Make the database hold `applications` generated applications (tops up a rerun)."""
    if not 1 <= applications <= MAX_APPLICATIONS:
        raise GenerateError(f"--applications must be between 1 and {MAX_APPLICATIONS:,}.")
    if not 1 <= years <= MAX_YEARS:
        raise GenerateError(f"--years must be between 1 and {MAX_YEARS}.")
    if not 100 <= chunk <= 100_000:
        raise GenerateError("--chunk must be between 100 and 100,000.")
    if staff is not None and not 1 <= staff <= 100_000:
        raise GenerateError("--staff must be between 1 and 100,000.")
    until = until or clock.today()
    start = until - timedelta(days=365 * years)
    catalog = catalog_snapshot()
    if not catalog:
        raise GenerateError("The catalog is empty: run `indigo catalog_load` first.")
    generator = generator_user()
    made = Application.objects.filter(created_by=generator)
    if not force and Application.objects.exclude(created_by=generator).exists():
        raise GenerateError(
            "This database holds applications the generator did not make; it adds made-up "
            "people only to a database of its own (or pass --force, e.g. for a demo database)."
        )
    done = made.count()
    queues = staff_ensure(staff or min(max(applications // 200, 20), 3_000))
    writer = Writer()
    began, rows_written, first = time.monotonic(), 0, done
    while done < applications:
        size = min(chunk, applications - done)
        with transaction.atomic():
            ids = Ids(writer.next_ids())
            rows = Rows()
            for index in range(done, done + size):
                Life(
                    index=index,
                    seed=seed,
                    catalog=catalog,
                    staff=queues,
                    generator_id=generator.pk,
                    until=until,
                    start=start,
                    ids=ids,
                    rows=rows,
                ).run()
            writer.write(rows.tables)
        done += size
        rows_written += rows.count()
        if progress:
            progress(done, applications)
    return Report(
        applications=done - first,
        resumed_from=first,
        rows=rows_written,
        seconds=time.monotonic() - began,
    )
