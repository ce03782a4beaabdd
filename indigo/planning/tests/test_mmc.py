"""The simulation of a single queue agrees with queueing theory (M/M/c, Erlang C)."""

import pytest

from indigo.planning.simulation import Model, erlang_c_wait, simulate

# Stated tolerance: the simulated mean wait lies within 5% of Erlang C's. With ~200,000
# arrivals the standard error of the mean wait at these loads is about 1-2%.
TOLERANCE = 0.05


@pytest.mark.parametrize(
    ("servers", "per_week", "hours"),
    [
        (1, 60, 0.5),  # rho = 60 * 0.5 / 36 = 0.83
        (10, 600, 0.54),  # rho = 0.9
        (50, 3400, 0.5),  # rho = 0.94
    ],
)
def test_the_mean_wait_of_one_queue_matches_erlang_c(servers, per_week, hours):
    weeks = max(200, 200_000 // per_week)
    model = Model(
        weeks=weeks,
        hours_per_week=36,
        intake={"p": [per_week] * weeks},
        hours={"p": hours},
        legal_days={"p": 90},
        staff={"u": [servers] * weeks},
        routes={"p": ["u"]},
        seed=7,
    )
    result = simulate(model, keep_waits=True)
    arrival_rate = per_week / 7  # per day
    service_rate = 1 / (hours / 36 * 7)  # per day
    expected = erlang_c_wait(arrival_rate=arrival_rate, service_rate=service_rate, servers=servers)
    # Leave out the first tenth: the queue starts empty (warm-up).
    waits = result.waits[len(result.waits) // 10 :]
    simulated = float(waits.mean())
    assert simulated == pytest.approx(expected, rel=TOLERANCE)


def test_erlang_c_by_hand():
    # M/M/1 with rho = 0.5: Wq = rho / (mu - lambda) = 0.5 / (2 - 1) = 0.5
    assert erlang_c_wait(arrival_rate=1, service_rate=2, servers=1) == pytest.approx(0.5)
    # M/M/2, lambda = 1, mu = 1 (a = 1): C = 1/3, Wq = C / (2 - 1) = 1/3
    assert erlang_c_wait(arrival_rate=1, service_rate=1, servers=2) == pytest.approx(1 / 3)
