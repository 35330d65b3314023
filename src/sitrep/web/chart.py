"""The timeline chart: event facts per day (or week, or month) as stacked bars, an SVG drawn on the server.

No chart library and no script: the SVG is part of the page, styled by the app's stylesheet
(one class per status), with a <title> per bar as its tooltip. Every text in it is escaped.
Long periods are drawn by week (over WEEKLY_AFTER days) or by month (over MONTHLY_AFTER), so
that a bar stays wide enough to see and the page small.

    >>> from datetime import date
    >>> from sitrep.views import DayCount
    >>> svg = day_chart([DayCount(date(2025, 11, 3), {"reported": 2, "denied": 1})])
    >>> svg.count("<rect class=\\"bar ")
    2
"""

from __future__ import annotations

from datetime import date, timedelta

from markupsafe import Markup, escape

from ..views import STATUSES, DayCount

WIDTH, HEIGHT = 900, 220
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 10, 30
WEEKLY_AFTER = 120
MONTHLY_AFTER = 730


def _bin_start(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def binned(days: list[DayCount]) -> tuple[str, list[DayCount]]:
    """The counts by day, week or month, whichever keeps the chart readable over the period."""
    if not days:
        return "day", []
    span = (days[-1].day - days[0].day).days + 1
    unit = "month" if span > MONTHLY_AFTER else "week" if span > WEEKLY_AFTER else "day"
    if unit == "day":
        return unit, days
    bins: dict[date, dict[str, int]] = {}
    for d in days:
        slot = bins.setdefault(_bin_start(d.day, unit), {})
        for status, n in d.statuses.items():
            slot[status] = slot.get(status, 0) + n
    return unit, [DayCount(k, v) for k, v in sorted(bins.items())]


def _next(day: date, unit: str) -> date:
    if unit == "month":
        return (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return day + timedelta(days=7 if unit == "week" else 1)


def day_chart(days: list[DayCount], *, width: int = WIDTH, height: int = HEIGHT) -> Markup:
    """Stacked bars of facts per day and status, from the first day to the last (empty days too)."""
    if not days:
        return Markup('<p class="empty">No dated events match these filters.</p>')
    unit, bars = binned(days)
    first, last = bars[0].day, bars[-1].day
    slots = [first]
    while slots[-1] < last:
        slots.append(_next(slots[-1], unit))
    by_slot = {d.day: d for d in bars}
    peak = max(d.total for d in bars)
    plot_w, plot_h = width - LEFT - RIGHT, height - TOP - BOTTOM
    bar_w = plot_w / len(slots)
    label = escape(f"Event facts per {unit}, {first} to {days[-1].day}")
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{label}" data-unit="{unit}" xmlns="http://www.w3.org/2000/svg">',
        f'<line class="axis" x1="{LEFT}" y1="{TOP + plot_h}" x2="{width - RIGHT}" y2="{TOP + plot_h}"/>',
        f'<text class="label" x="{LEFT - 6}" y="{TOP + 10}" text-anchor="end">{peak}</text>',
        f'<text class="label" x="{LEFT - 6}" y="{TOP + plot_h}" text-anchor="end">0</text>',
    ]
    for i, slot in enumerate(slots):
        count = by_slot.get(slot)
        if count is None:
            continue
        x = LEFT + i * bar_w
        y: float = TOP + plot_h
        when = slot.isoformat() if unit == "day" else f"{unit} of {slot.isoformat()}"
        tip = f"{when}: " + ", ".join(f"{n} {s}" for s, n in count.statuses.items())
        parts.append(f'<g class="day" data-day="{slot.isoformat()}"><title>{escape(tip)}</title>')
        for status in STATUSES:
            n = count.statuses.get(status, 0)
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            parts.append(
                f'<rect class="bar {status}" x="{x + bar_w * 0.1:.2f}" y="{y:.2f}" '
                f'width="{max(bar_w * 0.8, 1):.2f}" height="{h:.2f}"/>'
            )
        parts.append("</g>")
    last = days[-1].day
    for day, anchor, x in ((first, "start", LEFT), (last, "end", width - RIGHT)):
        parts.append(
            f'<text class="label" x="{x}" y="{height - 8}" text-anchor="{anchor}">{_label(day)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _label(day: date) -> str:
    return day.isoformat()
