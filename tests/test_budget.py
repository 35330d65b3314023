"""The time budget: work past it is interrupted, work within it is not, and the timer is cleared."""

from __future__ import annotations

import signal
import time

import pytest

from sitrep.budget import OverBudget, can_time, time_budget

pytestmark = pytest.mark.skipif(not can_time(), reason="needs SIGALRM in the main thread (POSIX)")


def test_work_past_the_budget_is_interrupted():
    started = time.monotonic()
    with pytest.raises(OverBudget) as caught, time_budget(0.2):
        while True:
            sum(range(1000))
    assert time.monotonic() - started < 2 and caught.value.seconds == 0.2


@pytest.mark.parametrize("seconds", [None, 0, 5.0])
def test_work_within_the_budget_runs_and_leaves_no_timer(seconds):
    with time_budget(seconds):
        total = sum(range(1000))
    assert total == 499500
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
