"""Four parallel uploads of one CSV file each row once (issue 9: 19 applications from
a 5-row file). The database's unique constraint decides, not a read-then-write."""

import io
import threading

import pytest
from django.db import connection

from indigo.cases.models import Application
from indigo.sponsors.bulk_import import sponsor_bulk_import
from indigo.sponsors.models import SponsoredApplication
from indigo.sponsors.tests.factories import make_sponsor, make_sponsor_user

HEADER = (
    "product;given_names;surname;date_of_birth;nationality;authorisation_given_on;"
    "authorisation_how;vouch;programme_name;programme_end_date;admitted_to_programme"
)
ROWS = [
    f"study;{given};{surname};2001-03-1{n};COL;2026-08-20;signed form;no;MSc Water;2028-08-31;yes"
    for n, (given, surname) in enumerate(
        [
            ("Valentina", "Restrepo"),
            ("Ana", "Silva"),
            ("Kofi", "Mensah"),
            ("Li", "Wei"),
            ("Sara", "Haddad"),
        ]
    )
]
CSV = ("\n".join([HEADER, *ROWS]) + "\n").encode()
UPLOADS = 4


def race(jobs):
    outcomes: list = [None] * len(jobs)
    start = threading.Barrier(len(jobs))

    def run(i, job):
        try:
            start.wait()
            outcomes[i] = job()
        except BaseException as exc:
            outcomes[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_parallel_uploads_of_one_file_file_each_row_once(catalog):
    university = make_sponsor("Universiteit van Zwolle", categories=["study"])
    officers = [make_sponsor_user(university) for _ in range(UPLOADS)]

    reports = race(
        [
            lambda user=user: sponsor_bulk_import(
                actor=user, sponsor=university, csv_file=io.BytesIO(CSV)
            )
            for user in officers
        ]
    )

    assert not [r for r in reports if isinstance(r, BaseException)], reports
    assert Application.objects.count() == len(ROWS)
    assert SponsoredApplication.objects.count() == len(ROWS)
    imported = sum(len(r.imported) for r in reports)
    assert imported == len(ROWS)


def test_the_constraint_refuses_a_second_filing_the_check_did_not_see(university, officer):
    from unittest import mock

    from indigo.sponsors import application_input

    sponsor_bulk_import(actor=officer, sponsor=university, csv_file=io.BytesIO(CSV))
    # As if a parallel upload had checked before the first filed: no running application.
    with mock.patch.object(application_input, "_running_application", return_value=None):
        report = sponsor_bulk_import(actor=officer, sponsor=university, csv_file=io.BytesIO(CSV))

    assert not report.imported
    assert {e.code for r in report.rows for e in r.errors} == {"already-applied"}
    assert Application.objects.count() == len(ROWS)
