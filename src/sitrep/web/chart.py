"""The timeline chart: event facts per day as stacked bars, an SVG drawn on the server.

No chart library and no script: the SVG is part of the page, styled by the app's stylesheet
(one class per status), with a <title> per bar as its tooltip. Every text in it is escaped.

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


def day_chart(days: list[DayCount], *, width: int = WIDTH, height: int = HEIGHT) -> Markup:
    """Stacked bars of facts per day and status, from the first day to the last (empty days too)."""
    if not days:
        return Markup('<p class="empty">No dated events match these filters.</p>')
    first, last = days[0].day, days[-1].day
    span = (last - first).days + 1
    by_day = {d.day: d for d in days}
    peak = max(d.total for d in days)
    plot_w, plot_h = width - LEFT - RIGHT, height - TOP - BOTTOM
    bar_w = plot_w / span
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(f"Event facts per day, {first} to {last}")}" xmlns="http://www.w3.org/2000/svg">',
        f'<line class="axis" x1="{LEFT}" y1="{TOP + plot_h}" x2="{width - RIGHT}" y2="{TOP + plot_h}"/>',
        f'<text class="label" x="{LEFT - 6}" y="{TOP + 10}" text-anchor="end">{peak}</text>',
        f'<text class="label" x="{LEFT - 6}" y="{TOP + plot_h}" text-anchor="end">0</text>',
    ]
    for i in range(span):
        day = first + timedelta(days=i)
        count = by_day.get(day)
        if count is None:
            continue
        x = LEFT + i * bar_w
        y: float = TOP + plot_h
        tip = f"{day.isoformat()}: " + ", ".join(f"{n} {s}" for s, n in count.statuses.items())
        parts.append(f'<g class="day" data-day="{day.isoformat()}"><title>{escape(tip)}</title>')
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
    for day, anchor, x in ((first, "start", LEFT), (last, "end", width - RIGHT)):
        parts.append(
            f'<text class="label" x="{x}" y="{height - 8}" text-anchor="{anchor}">{_label(day)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _label(day: date) -> str:
    return day.isoformat()
