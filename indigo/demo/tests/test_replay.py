from datetime import timedelta

import pytest

from indigo import clock
from indigo.demo.replay import Replay


def test_inside_a_replayed_day_the_clock_reads_that_day_in_order_and_then_today_again():
    today = clock.today()
    replay = Replay(today=today)
    day = today - timedelta(days=30)

    with replay.on(day):
        first = clock.now()
        assert clock.today() == day
    with replay.on(day):
        second = clock.now()

    assert first < second
    assert clock.today() == today


def test_today_runs_on_the_real_clock_and_a_future_day_is_refused():
    today = clock.today()
    replay = Replay(today=today)
    real_now = clock.now

    with replay.on(today):
        assert clock.now is real_now
    with pytest.raises(ValueError), replay.on(today + timedelta(days=1)):
        pass
