"""One record as Markdown: what a reader checks against the article.

Every string that comes from the article (title, names, quotes, claims) is escaped with
`sitrep.report.safe.md_text`, and only an http(s) URL is shown as a link, so the Markdown
is safe to render wherever it goes.

    >>> from sitrep.models import Record, ArticleMeta
    >>> record_markdown(Record(id="x", article=ArticleMeta(id="x"))).splitlines()[0]
    '# x'
"""

from __future__ import annotations

from ..models import Event, Forecast, Quantity, Record, Span, TimeRef
from .safe import md_text as md
from .safe import md_url


def osm_link(lat: float, lon: float) -> str:
    return f"https://www.openstreetmap.org/?mlat={lat:.4f}&mlon={lon:.4f}#map=12/{lat:.4f}/{lon:.4f}"


def where(spans: list[Span]) -> str:
    """Character offsets of the first mention, and how many more there are."""
    if not spans:
        return ""
    first = f"@{spans[0].start}–{spans[0].end}"
    return first if len(spans) == 1 else f"{first} (+{len(spans) - 1})"


def _section(title: str, lines: list[str]) -> list[str]:
    return [f"## {title}", "", *(lines or ["_none found_"]), ""]


def record_markdown(record: Record) -> str:
    a = record.article
    head = [f"# {md(a.title or a.id)}", ""]
    meta = (("outlet", md(a.outlet or "")), ("published", a.published), ("url", md_url(a.url)))
    facts = [f"- **{k}**: {v}" for k, v in meta if v]
    out = head + facts + ([""] if facts else [])

    places = []
    for p in record.places:
        coords = f" — [{p.lat:.4f}, {p.lon:.4f}]({osm_link(p.lat, p.lon)})" if p.lat is not None and p.lon is not None else ""
        kind = "" if p.literal else " _(metonym: a government, not a location)_"
        if p.feature == "local" and coords:
            kind += " _(approximate: the position of its town, or of the place named next to it)_"
        canonical = p.canonical if p.canonical != p.name else None
        region = p.region if p.region != p.canonical else None
        extra = md(", ".join(x for x in (canonical, region, p.country) if x))
        rel = f" — {md('; '.join(r.text for r in p.relative))}" if p.relative else ""
        places.append(f"- **{md(p.name)}**{f' ({extra})' if extra else ''}{coords}{kind}{rel} {where(p.spans)}")
    out += _section("Places", places)
    out += _section(
        "Units",
        [f"- **{md(u.name)}** — {u.echelon or 'unit'}, side {u.side or 'unknown'} {where(u.spans)}" for u in record.units],
    )
    out += _section("Sources cited", [f"- {md(s.name)}{f' ({s.kind})' if s.kind else ''} {where(s.spans)}" for s in record.sources])
    out += _section(
        "Actors",
        [f"- {md(x.name)} — {x.kind}{f', side {x.side}' if x.side else ''} {where(x.spans)}" for x in record.actors],
    )
    quotes = []
    for q in record.quotes:
        chain = f" — via {md(' → '.join(q.chain))}" if q.chain else ""
        frag = " _(fragment)_" if q.fragment else ""
        quotes.append(f"- “{md(q.text)}” — **{md(q.speaker or 'unknown speaker')}**{frag}{chain} {where(q.spans)}")
    out += _section("Quotes", quotes)
    claims = []
    for c in record.claims:
        flags = ", ".join(f for f, on in (("hedged", c.hedged), ("negated", c.negated)) if on)
        links = f" ↔ {', '.join(c.links)}" if c.links else ""
        claims.append(
            f"- {c.id}: **{md(c.claimant or 'unattributed')}** _{c.stance}_: {md(c.text)}"
            f"{f' ({flags})' if flags else ''}{links} {where(c.spans)}"
        )
    out += _section("Claims", claims)
    times = {t.id: t.text for t in record.times if t.id}
    out += _section("Events", [_event_line(e, times) for e in record.events])
    out += _section("Forecasts", [_forecast_line(f) for f in record.forecasts])
    out += _section("Numbers", [_number_line(n) for n in record.quantities])
    out += _section("Times", [_time_line(t) for t in record.times])
    return "\n".join(out).rstrip() + "\n"


def _event_line(e: Event, times: dict[str, str]) -> str:
    """'capture at **Pokrovsk** — _forecast_, by RU, when: within weeks, if: …'."""
    extras = [
        f"by {e.actor_side}" if e.actor_side else "",
        f"against {e.target_side}" if e.target_side else "",
        f"when: {md(times[e.time])}" if e.time in times else "",
        f"if: {md(e.condition)}" if e.condition else "",
        f"in claim {e.claim}" if e.claim else "",
    ]
    mode = f" ({e.mode})" if e.mode else ""
    tail = "".join(f", {x}" for x in extras if x)
    return f"- {e.type}{mode} at **{md(e.place or '?')}** — _{e.status}_{tail} {where(e.spans)}"


def _forecast_line(f: Forecast) -> str:
    extras = [f"horizon: {md(f.horizon)}" if f.horizon else "", f"hedge: {md(f.hedge)}" if f.hedge else "",
              f"if: {md(f.condition)}" if f.condition else ""]
    tail = "".join(f", {x}" for x in extras if x)
    by = md(", ".join(f.by)) or "unattributed"
    return f"- {f.event_type} at **{md(f.place or '?')}** — expected by {by}{tail} {where(f.spans)}"


def _number_line(n: Quantity) -> str:
    if n.value is not None:
        value = f" = {n.value:g}"
    elif n.low is not None or n.high is not None:
        value = f" = {n.low:g}–{n.high:g}" if n.low is not None and n.high is not None else ""
    else:
        value = ""
    extras = [md(n.unit or ""), f"of {n.total:g}" if n.total is not None else "", md(n.about or ""),
              f"per {md(n.claimant)}" if n.claimant else ""]
    tail = "; ".join(x for x in extras if x)
    return f"- {md(n.text)}{value}{' ~' if n.approximate else ''}{f' ({tail})' if tail else ''} {where(n.spans)}"


def _time_line(t: TimeRef) -> str:
    span = f"{t.start or 'unresolved'}{f' – {t.end}' if t.end and t.end != t.start else ''}"
    return f"- {md(t.text)}: {span} ({t.precision}{', relative' if t.relative else ''}) {where(t.spans)}"
