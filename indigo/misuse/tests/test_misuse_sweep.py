from io import StringIO

from django.core.management import call_command

from indigo.misuse.models import Signal
from indigo.misuse.tests.factories import examined


def sweep() -> str:
    out = StringIO()
    call_command("misuse_sweep", "--batch-size", "2", stdout=out)
    return out.getvalue()


def test_the_sweep_raises_signals_on_active_applications_with_progress(apply):
    flagged = [apply() for _ in range(2)]
    apply()
    for application in flagged:
        examined(application)

    output = sweep()

    assert "Applications checked: 2/3" in output
    assert "Applications checked: 3/3" in output
    assert "New misuse signals: 2" in output
    assert set(Signal.objects.values_list("application", flat=True)) == {a.pk for a in flagged}


def test_running_the_sweep_again_raises_nothing_new(apply):
    examined(apply())
    sweep()

    assert "New misuse signals: 0" in sweep()
    assert Signal.objects.count() == 1
