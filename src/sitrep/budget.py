"""A wall-clock budget for one piece of work: past it, the work is interrupted with `OverBudget`.

A pathological text can keep spaCy and the rule components busy for minutes; with a budget
it costs one rejected article (E125) instead of a stalled batch. The budget is a SIGALRM
timer, so it applies in the main thread of a process on POSIX (the CLI, and the worker
processes of a parallel extraction); elsewhere (a web server's thread, Windows) the work
runs without one.

    >>> with time_budget(5.0):
    ...     total = sum(range(1000))
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class OverBudget(Exception):
    """The work took longer than its budget of `seconds`."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"over the budget of {seconds:g} s")


def can_time() -> bool:
    """Whether a budget can be enforced here (POSIX, main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise `OverBudget` inside the block once `seconds` have passed; no budget for None or 0."""
    if not seconds or seconds <= 0 or not can_time():
        yield
        return

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise OverBudget(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
