"""Python's cycle collector paused around work that builds many objects and no cycles.

    >>> @collector_paused
    ... def build() -> list[int]:
    ...     return [n for n in range(3)]
    >>> build()
    [0, 1, 2]
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def collector_paused(work: Callable[P, R]) -> Callable[P, R]:
    """Run `work` with the cycle collector paused, and resumed after (if it was running).

    A view or track record over a large store builds tens of thousands of facts, propositions
    and citations, none of them in reference cycles; the collector's repeated passes over them
    were a quarter of a report's time on a 100,000-article store. Memory is still freed as
    each object is dropped (reference counting); only cycles wait until the collector resumes.
    """

    @wraps(work)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return work(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return paused
