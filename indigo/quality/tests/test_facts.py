"""The incrementally refreshed facts equal a recomputation from scratch."""

from datetime import date

import pytest
from django.forms.models import model_to_dict

from indigo.cases.event_kinds import EventKind as K
from indigo.cases.services import application_act
from indigo.decisions.tests.factories import final_decision, to_decision
from indigo.quality.facts import facts_job, facts_rebuild, facts_refresh
from indigo.quality.models import ApplicationFact, OpenStock
from indigo.quality.tests.conftest import record

pytestmark = pytest.mark.django_db


def _table():
    return {f.pk: model_to_dict(f) for f in ApplicationFact.objects.order_by("pk")}


def _stock():
    return {
        (s.received_on, s.product, s.unit, s.customer_group, s.channel): s.n
        for s in OpenStock.objects.all()
        if s.n
    }


def test_refreshing_step_by_step_gives_the_same_facts_as_a_rebuild(apply, clerk):
    a = apply(date(2026, 6, 1))
    facts_refresh()
    record(a, K.OWNERSHIP_TAKEN, date(2026, 6, 2), task="handle", to="clerk")
    b = apply(date(2026, 6, 15))
    facts_refresh()
    record(b, K.INFORMATION_REQUESTED, date(2026, 6, 20), request=1, until="2026-07-04")
    record(a, K.NOTIFIED, date(2026, 7, 10), decision_due="2026-08-30")
    facts_refresh()
    record(b, K.WITHDRAWN, date(2026, 7, 12), decision_due="2026-10-08")
    apply(date(2026, 7, 20))
    facts_refresh()
    incremental, stock = _table(), _stock()
    assert len(incremental) == 3
    assert sum(stock.values()) == 1  # only the one received on 20 July is open
    facts_rebuild()
    assert _table() == incremental
    assert _stock() == stock
    assert incremental[a.pk]["unit"] == "economic-zwolle"
    assert incremental[a.pk]["on_time"] is True
    assert incremental[b.pk]["ended_on"] == date(2026, 7, 12)


def test_a_refresh_with_nothing_new_recomputes_nothing(apply):
    apply(date(2026, 6, 1))
    assert facts_refresh() == 1
    assert facts_refresh() == 0


def test_the_job_reads_again_from_its_previous_run_for_late_commits(apply):
    apply(date(2026, 6, 1))
    assert facts_job() == "1 application facts refreshed"
    apply(date(2026, 6, 2))
    # The second run reads again what came after the first run's starting point.
    assert facts_job() == "2 application facts refreshed"
    assert facts_job() == "1 application facts refreshed"
    assert facts_job() == "0 application facts refreshed"


def test_facts_follow_the_real_lifecycle(clerk, apply):
    application = to_decision(apply(date(2026, 7, 1)), clerk)
    final_decision(application, clerk)
    application_act(actor=clerk, application=application, action="notify")
    facts_refresh()
    fact = ApplicationFact.objects.get(pk=application.pk)
    assert fact.decided_on == date(2026, 8, 3)
    assert fact.throughput_days == 33
    assert fact.unit == "economic-zwolle"  # the clerk took it at the start of assessment
    assert fact.first_time_right is True
    assert fact.on_time is True
