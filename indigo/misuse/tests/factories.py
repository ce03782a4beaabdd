"""Facts, examinations and findings for the misuse tests."""

from datetime import timedelta

from indigo import clock
from indigo.misuse import conf
from indigo.misuse.detectors import detect
from indigo.misuse.selectors import subject_of
from indigo.rules.models import Fact
from indigo.work.models import Task


def record_fact(application, name, value, *, days_ago=0):
    return Fact.objects.create(
        application=application,
        name=name,
        value=value,
        source=Fact.Source.APPLICANT,
        recorded_at=clock.now() - timedelta(days=days_ago),
    )


def examined(application, *, outcome=Task.Outcome.CONCERNS, code="document-examination"):
    """A document examination the specialist completed with `outcome`."""
    today = clock.today()
    return Task.objects.create(
        application=application,
        code=code,
        queue=f"specialism:{code}",
        due_on=today,
        start_by=today,
        state=Task.State.DONE,
        outcome=outcome,
        result="Examined.",
        completed_at=clock.now(),
    )


def findings(application, kind=None):
    found = detect(
        subject_of(application_id=application.pk), thresholds=conf.thresholds_on(clock.today())
    )
    return [f for f in found if kind is None or f.kind == kind]
