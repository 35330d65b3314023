"""The situation report as one self-contained HTML page: styled, mapped, every source linked.

The page carries a Content-Security-Policy that forbids every script (inline or not) and
every remote load; its only style is the ``<style>`` block below and its map is inline SVG
drawn here from the places' coordinates. Every `[n]` jumps to source entry n, which shows
the cited sentence (highlighted) between its neighbours. All article text is escaped, and
only http(s) URLs become links (`sitrep.report.safe`).

    >>> from sitrep.report.situation import SituationReport
    >>> page = render_html(SituationReport("Situation report: X", "All dates", "", [], [], []))
    >>> "script-src 'none'" in page and "<h1>Situation report: X</h1>" in page
    True
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from .safe import safe_url
from .situation import Citation, Line, MapPoint, SituationReport, short_quote, track_note

#: No script at all, nothing loaded from anywhere; the inline <style> block is the only style.
CSP = (
    "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src 'none'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
STYLE = """
body{font:16px/1.5 Georgia,serif;color:#1d1d1f;background:#fbfbf8;max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{border-bottom:1px solid #ccc;margin-top:2rem}
h3{font-size:1rem;text-transform:uppercase;letter-spacing:.04em;color:#555}
.lede{color:#555;font-style:italic}ul{padding-left:1.2rem}li{margin:.35rem 0}
a.cite{font:12px/1 sans-serif;text-decoration:none;color:#0b5cad;vertical-align:super;margin-left:1px}
ol.sources{font-size:.9rem;padding-left:2.2rem}ol.sources li{margin:.7rem 0}
ol.sources li:target{background:#fff6cc;outline:2px solid #f0d000}
.ctx{color:#777}mark{background:#fff0a8}.meta{font-family:sans-serif;font-size:.8rem;color:#555}
figure{margin:1rem 0}svg{background:#eef3f7;border:1px solid #ccd;max-width:100%;height:auto}
svg circle{fill:#c0392b;fill-opacity:.75}svg text{font:11px sans-serif;fill:#222}
figcaption{font-size:.8rem;color:#555}
"""
MAP_W, MAP_H, PAD = 640, 360, 30


def _marks(numbers: Sequence[int]) -> str:
    return "".join(f'<a class="cite" href="#c{n}">[{n}]</a>' for n in numbers)


def _li(line: Line) -> str:
    return f"<li>{html.escape(line.text)} {_marks(line.cites)}</li>"


def _source(c: Citation, notes: Mapping[str, str] | None = None) -> str:
    e = html.escape
    a = c.article
    url = safe_url(a.url)
    link = f'<a href="{e(url)}" rel="noopener noreferrer">{e(url)}</a>' if url else e(f"article {a.id}")
    title = f"<cite>{e(a.title)}</cite>, " if a.title else ""
    before = f'<span class="ctx">{e(short_quote(c.before, 300))}</span> ' if c.before else ""
    after = f' <span class="ctx">{e(short_quote(c.after, 300))}</span>' if c.after else ""
    return (
        f'<li id="c{c.number}" value="{c.number}"><span class="meta">{e(a.outlet_name or a.voice_name)}, '
        f"{e(a.published.isoformat() if a.published else 'undated')}, {title}{link}</span><br>"
        f"{before}<mark>{e(short_quote(c.quote))}</mark>{after} "
        f'<span class="meta">(article {e(a.id)}, characters {c.start}–{c.end}){e(track_note(c, notes))}</span></li>'
    )


def svg_map(points: Sequence[MapPoint], *, limit: int = 40) -> str:
    """A small static map: each place a dot sized by its statements, on a lat/lon grid."""
    shown = list(points[:limit])
    if not shown:
        return ""
    lats, lons = [p.lat for p in shown], [p.lon for p in shown]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    # at least a degree each way, so one place is not a dot in a void of zero size
    if north - south < 1:
        south, north = south - 0.5, north + 0.5
    if east - west < 1:
        west, east = west - 0.5, east + 0.5

    def xy(lat: float, lon: float) -> tuple[float, float]:
        x = PAD + (lon - west) / (east - west) * (MAP_W - 2 * PAD)
        y = PAD + (north - lat) / (north - south) * (MAP_H - 2 * PAD)
        return round(x, 1), round(y, 1)

    top = max(p.statements for p in shown)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {MAP_W} {MAP_H}" width="{MAP_W}" '
        f'height="{MAP_H}" role="img" aria-label="Map of the places in this report">'
    ]
    for p in shown:
        x, y = xy(p.lat, p.lon)
        r = 3 + 7 * (p.statements / top) ** 0.5
        label = html.escape(p.name)
        parts.append(
            f'<circle cx="{x}" cy="{y}" r="{r:.1f}"><title>{label}: {p.statements}</title></circle>'
            f'<text x="{x + r + 2:.1f}" y="{y + 4:.1f}">{label}</text>'
        )
    parts.append("</svg>")
    caption = (
        f"<figcaption>Places of this report ({len(shown)} of {len(points)}; dot size: statements), "
        f"{south:.1f}–{north:.1f}°N, {west:.1f}–{east:.1f}°E, equirectangular.</figcaption>"
    )
    return f"<figure>{''.join(parts)}{caption}</figure>"


def render_html(report: SituationReport) -> str:
    e = html.escape
    body = [
        f"<h1>{e(report.title)}</h1>",
        f'<p class="lede">{e(report.period)}. {e(report.preface)}</p>',
        svg_map(report.map_points),
        "<h2>Key points</h2><ul>",
    ]
    body += [_li(line) for line in report.key_points] or ["<li>Nothing reported in this period.</li>"]
    body.append("</ul>")
    for name, sections in report.places:
        body.append(f"<h2>{e(name)}</h2>")
        for section in sections:
            body += [f"<h3>{e(section.title)}</h3><ul>", *(_li(line) for line in section.lines), "</ul>"]
    body.append('<h2 id="sources">Sources</h2><ol class="sources">')
    body += [_source(c, report.track_notes) for c in report.citations]
    body.append("</ol>")
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(report.title)}</title><style>{STYLE}</style></head><body>\n"
        + "\n".join(b for b in body if b)
        + "\n</body></html>\n"
    )
