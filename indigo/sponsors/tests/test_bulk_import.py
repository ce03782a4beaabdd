import io
from datetime import date

import pytest
from django.utils import translation

from indigo.cases.models import Applicant, Application
from indigo.errors import InvalidInput, NotAllowed
from indigo.rules.models import Fact
from indigo.sponsors.bulk_import import sponsor_bulk_import
from indigo.sponsors.models import Authorisation, SponsoredApplication
from indigo.sponsors.tests.factories import make_sponsor, make_sponsor_user

HEADER = (
    "product;given_names;surname;date_of_birth;nationality;authorisation_given_on;"
    "authorisation_how;vouch;programme_name;programme_end_date;admitted_to_programme"
)
AUTHORISED = "2026-08-20;signed form"
GOOD = f"study;Valentina;Restrepo Gómez;2001-03-14;COL;{AUTHORISED};ja;MSc Water;2028-08-31;yes"
GOOD_TOO = "study;Ana;Silva;14-02-2002;BRA;2026-08-21;signed form;no;BSc Physics;31-07-2029;yes"
BAD_NATIONALITY = f"study;Kofi;Mensah;2000-01-05;Ghana;{AUTHORISED};yes;MSc Law;2028-08-31;yes"
BAD_DATES = f"study;Li;Wei;2000-13-40;CHN;{AUTHORISED};yes;MSc Law;2025-08-31;yes"


def upload(text: str, *, bom=False) -> io.BytesIO:
    data = text.encode("utf-8")
    return io.BytesIO(b"\xef\xbb\xbf" + data if bom else data)


def run(sponsor, user, *lines, bom=False):
    return sponsor_bulk_import(
        actor=user, sponsor=sponsor, csv_file=upload("\n".join(lines) + "\n", bom=bom)
    )


def test_good_rows_are_filed_and_broken_rows_are_reported(university, officer):
    report = run(university, officer, HEADER, GOOD, BAD_NATIONALITY, GOOD_TOO, BAD_DATES)

    assert [r.status for r in report.rows] == [
        "imported",
        "failed",
        "imported",
        "failed",
    ]
    assert [r.row for r in report.failed] == [3, 5]
    assert Application.objects.count() == 2
    filed = Application.objects.filter(reference__in=[r.reference for r in report.imported])
    assert {a.customer_group.code for a in filed} == {"recognised-sponsor"}


def test_a_broken_row_names_its_row_and_column(university, officer):
    report = run(university, officer, HEADER, GOOD, BAD_NATIONALITY, GOOD_TOO, BAD_DATES)

    nationality = report.rows[1].errors
    assert [(e.field) for e in nationality] == ["nationality"]
    assert "ISO 3166-1 alpha-3" in nationality[0].message
    dates = {e.field: e.message for e in report.rows[3].errors}
    assert set(dates) == {"date_of_birth", "programme_end_date"}
    assert "2000-13-40" in dates["date_of_birth"]
    assert "must end after today" in dates["programme_end_date"]


def test_nothing_of_a_broken_row_is_written(university, officer):
    run(university, officer, HEADER, BAD_NATIONALITY, BAD_DATES)

    assert not Applicant.objects.exists()
    assert not Application.objects.exists()
    assert not Authorisation.objects.exists()
    assert not SponsoredApplication.objects.exists()
    assert not Fact.objects.exists()


def test_each_filed_row_is_complete(university, officer):
    report = run(university, officer, HEADER, GOOD, BAD_NATIONALITY)

    application = Application.objects.get(reference=report.imported[0].reference)
    names = set(Fact.objects.filter(application=application).values_list("name", flat=True))
    assert {"programme_name", "programme_end_date", "sponsor_vouched"} <= names
    assert application.sponsorship.authorisation.how == "signed form"


def test_a_comma_separated_file_with_a_byte_order_mark_is_read(university, officer):
    lines = [HEADER.replace(";", ","), GOOD.replace(";", ",")]

    report = run(university, officer, *lines, bom=True)

    assert [r.status for r in report.rows] == ["imported"]


def test_uploading_the_same_file_again_files_nothing_twice(university, officer):
    run(university, officer, HEADER, GOOD, BAD_NATIONALITY)

    again = run(university, officer, HEADER, GOOD, BAD_NATIONALITY)

    assert [r.status for r in again.rows] == ["already-applied", "failed"]
    assert Application.objects.count() == 1


def test_the_same_person_twice_in_one_file_is_reported_at_the_second_row(university, officer):
    report = run(university, officer, HEADER, GOOD, GOOD)

    assert [r.status for r in report.rows] == ["imported", "failed"]
    assert "row 2" in report.rows[1].errors[0].message


def test_a_row_with_too_many_cells_is_not_guessed(university, officer):
    report = run(university, officer, HEADER, GOOD + ";extra")

    assert report.rows[0].status == "failed"
    assert "Put such a value in double quotes" in report.rows[0].errors[0].message


def test_an_unknown_column_refuses_the_whole_file(university, officer):
    with pytest.raises(InvalidInput) as refused:
        run(university, officer, HEADER + ";favourite_colour", GOOD + ";blue")

    assert "Unknown columns: favourite_colour" in refused.value.message
    assert not Application.objects.exists()


def test_a_file_that_is_not_utf8_is_refused_with_what_to_do(university, officer):
    latin1 = io.BytesIO((HEADER + "\n" + GOOD + "\n").encode("latin-1"))

    with pytest.raises(InvalidInput) as refused:
        sponsor_bulk_import(actor=officer, sponsor=university, csv_file=latin1)

    assert "CSV UTF-8" in refused.value.message


def test_a_withdrawn_sponsor_cannot_upload(catalog):
    sponsor = make_sponsor(withdrawn_on=date(2026, 1, 1))
    user = make_sponsor_user(sponsor)

    with pytest.raises(NotAllowed):
        run(sponsor, user, HEADER, GOOD)


def test_row_errors_are_in_dutch_when_dutch_is_active(university, officer):
    with translation.override("nl"):
        report = run(university, officer, HEADER, BAD_DATES)

    messages = " ".join(e.message for e in report.rows[0].errors)
    assert "Vul een datum in" in messages
    assert "De opleiding moet na vandaag" in messages


def test_a_quoted_value_may_contain_the_delimiter(university, officer):
    row = GOOD.replace("MSc Water", '"MSc Water; Land"')

    report = run(university, officer, HEADER, row)

    application = Application.objects.get(reference=report.imported[0].reference)
    assert Fact.objects.get(application=application, name="programme_name").value == (
        "MSc Water; Land"
    )


def test_a_fact_for_another_product_is_reported_not_dropped(university, officer):
    report = run(university, officer, HEADER + ";gross_monthly_salary", GOOD + ";4000,00")

    [error] = report.rows[0].errors
    assert error.field == "gross_monthly_salary"
    assert "leave it empty" in error.message


def test_a_nul_byte_in_a_cell_is_a_row_error_not_a_server_error(university, officer):
    # On PostgreSQL a NUL in a stored text was a DataError (issue 9).
    nul = GOOD.replace("Valentina", "Valen\x00tina")

    report = run(university, officer, HEADER, nul, GOOD_TOO)

    assert [r.status for r in report.rows] == ["failed", "imported"]
    assert report.rows[0].errors[0].field == "given_names"
    assert Application.objects.count() == 1
