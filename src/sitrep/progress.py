"""Progress on long work, as the CLI shows it: a bar with total, rate and time left; a status line.

Both draw on standard error with rich, only when it is a terminal (or when asked with
``--progress``), so that piped and scheduled runs print nothing but their summary.

    >>> with ExitStack() as stack:  # doctest: +SKIP
    ...     tell = progress_bar(stack, total=734, label="articles")
    ...     tell("new", "bulk.jsonl:1")
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable
from contextlib import ExitStack
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

#: Seconds between two progress lines when stderr is not a terminal.
LINE_SECONDS = 5.0

if TYPE_CHECKING:
    from .ingestion import Progress as ProgressCallback
    from .watch import WatchStatus


def wanted(force: bool) -> bool:
    """Whether to draw progress: asked for, or standard error is a terminal."""
    return force or sys.stderr.isatty()


class RateColumn(ProgressColumn):
    """Inputs handled per second, over the run so far (rich's own speed column counts bytes)."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:.1f}/s", style="progress.data.speed")


def progress_bar(
    stack: ExitStack, *, total: int | None, force: bool = False, label: str = "inputs"
) -> ProgressCallback | None:
    """A progress callback that draws a bar on stderr until `stack` closes, or None when not wanted.

    With a `total` the bar shows done/total, rate and time left; without one (inputs that can't
    be counted up front) a spinner with the count and rate. The description keeps the counts
    by outcome (new, duplicate, rejected) and the input last handled.
    """
    if not wanted(force):
        return None
    console = Console(stderr=True)
    if not console.is_terminal:
        return _lines(console, total=total, label=label)
    columns: list[ProgressColumn] = [SpinnerColumn(), TextColumn("{task.description}")]
    if total is not None:
        columns += [BarColumn(), MofNCompleteColumn(), RateColumn(), TimeRemainingColumn()]
    else:
        columns += [TextColumn("{task.completed} " + label), RateColumn(), TimeElapsedColumn()]
    bar = stack.enter_context(Progress(*columns, console=console, transient=True))
    task = bar.add_task(label, total=total)
    counts: Counter[str] = Counter()

    def report(status: str, origin: str) -> None:
        counts[status] += 1
        done = ", ".join(f"{n} {s}" for s, n in counts.items())
        # an estimate from cheap counting may fall short (e.g. entries split oddly): grow, never overflow
        grown = max(total, sum(counts.values())) if total is not None else None
        bar.update(task, advance=1, total=grown, description=f"{done} — {_short(origin)}")

    return report


def _lines(
    console: Console, *, total: int | None, label: str, every: float = LINE_SECONDS
) -> ProgressCallback:
    """Progress as a plain line every few seconds, for a log file (no cursor movement)."""
    started = last = time.monotonic()
    done = 0

    def report(status: str, origin: str) -> None:
        nonlocal done, last
        done += 1
        now = time.monotonic()
        if now - last < every and done != total:
            return
        last = now
        rate = done / (now - started) if now > started else 0.0
        left = f", about {(total - done) / rate:.0f} s left" if total and rate > 0 and done < total else ""
        of = f"/{total}" if total is not None else ""
        console.print(f"{done}{of} {label}, {rate:.1f}/s{left}", highlight=False, soft_wrap=True)

    return report


def _short(origin: str, width: int = 40) -> str:
    return origin if len(origin) <= width else "…" + origin[-(width - 1) :]


def status_line(stack: ExitStack, *, force: bool = False) -> Callable[[WatchStatus], None] | None:
    """A one-line live status for `sitrep watch` on stderr (a line per round when not a terminal)."""
    if not wanted(force):
        return None
    console = Console(stderr=True)
    if not console.is_terminal:
        last_round = 0

        def log(status: WatchStatus) -> None:
            nonlocal last_round
            if status.queue == 0 and status.rounds != last_round:
                last_round = status.rounds
                console.print(status.line(), highlight=False, soft_wrap=True)

        return log
    from rich.live import Live

    live = stack.enter_context(Live("starting…", console=console, refresh_per_second=4, transient=False))

    def show(status: WatchStatus) -> None:
        latest = f" — last error: {status.errors[-1]}" if status.errors else ""
        live.update(Text(status.line() + latest, overflow="ellipsis", no_wrap=True))

    return show
