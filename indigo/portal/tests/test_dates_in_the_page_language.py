"""Dates in the page's language, one format on a page (issue 11, item 7)."""

from datetime import date

from django.utils import translation

from indigo.portal.templatetags.portal_tags import as_day


def test_an_iso_date_from_a_draft_and_a_date_read_alike():
    with translation.override("en"):
        assert as_day("2001-05-14") == "14 May 2001"
        assert as_day(date(1995, 2, 10)) == "10 February 1995"
    with translation.override("nl"):
        assert as_day("2001-05-14") == "14 mei 2001"


def test_other_answers_are_shown_as_they_are():
    assert as_day("Leiden University") == "Leiden University"
    assert as_day(None) == ""
