"""The knowledge base: dated versions, search as of a day, what changed today, person view."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine

from indigo.accounts.tests.factories import user_with_role
from indigo.errors import InvalidInput
from indigo.knowledge.selectors import answers_search, changes_on
from indigo.knowledge.services import article_publish

pytestmark = pytest.mark.django_db
TODAY = date(2026, 8, 3)


@pytest.fixture(autouse=True)
def today():
    moment = datetime.combine(TODAY, time(12), tzinfo=ZoneInfo("Europe/Amsterdam"))
    with time_machine.travel(moment, tick=False):
        yield


def _publish(code="study-fee", title="What does a study permit cost?", body="EUR 228.", **kw):
    values = {
        "actor": None,
        "code": code,
        "title": title,
        "body": body,
        "source": "ind.nl/en/fees",
        "valid_from": date(2026, 1, 1),
        "audiences": ["contact-centre", "desk"],
        "products": ["study"],
    }
    return article_publish(**(values | kw))


def test_search_finds_the_version_in_force_on_the_day(catalog):
    _publish()
    _publish(body="EUR 241 from today.", valid_from=TODAY, change_note="New fee")
    found = answers_search(text="study cost", on=TODAY)
    assert [v.body for v in found] == ["EUR 241 from today."]
    earlier = answers_search(text="study cost", on=date(2026, 7, 1))
    assert [v.body for v in earlier] == ["EUR 228."]
    assert answers_search(text="asylum", on=TODAY) == []


def test_what_changed_today_shows_the_new_version_beside_the_old(catalog):
    _publish()
    _publish(body="EUR 241 from today.", valid_from=TODAY, change_note="New fee")
    _publish(code="other", title="Opening hours", body="9 to 5", valid_from=date(2026, 8, 1))
    changes = changes_on(TODAY)
    assert len(changes) == 1
    assert changes[0].version.change_note == "New fee"
    assert changes[0].previous.body == "EUR 228."


def test_two_versions_on_one_day_or_without_a_source_are_refused(catalog):
    _publish()
    with pytest.raises(InvalidInput) as twice:
        _publish(body="again")
    assert twice.value.field == "valid_from"
    with pytest.raises(InvalidInput) as unsourced:
        _publish(code="x", source=" ")
    assert unsourced.value.field == "source"


def test_answers_are_searchable_from_the_person_view(client, catalog):
    from indigo.cases.tests.factories import make_application

    _publish()
    application = make_application(product="study")
    client.force_login(user_with_role("contact"))
    page = client.get(
        f"/contacts/persons/{application.applicant_id}", {"kb": "cost"}
    ).content.decode()
    assert "What does a study permit cost?" in page
    assert "1 answer found" in page


def test_the_knowledge_page_lists_what_changed_today(client, catalog):
    _publish()
    _publish(body="EUR 241 from today.", valid_from=TODAY, change_note="New fee")
    client.force_login(user_with_role("desk"))
    page = client.get("/knowledge/").content.decode()
    assert "What changed today" in page
    assert "New fee" in page
    assert client.get("/knowledge/study-fee").status_code == 200
