"""One record as Markdown: what a reader checks against the article.

    >>> from sitrep.models import Record, ArticleMeta
    >>> record_markdown(Record(id="x", article=ArticleMeta(id="x"))).splitlines()[0]
    '# x'
"""

from __future__ import annotations

from ..models import Record, Span


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
    head = [f"# {a.title or a.id}", ""]
    facts = [f"- **{k}**: {v}" for k, v in (("outlet", a.outlet), ("published", a.published), ("url", a.url)) if v]
    out = head + facts + ([""] if facts else [])

    places = []
    for p in record.places:
        coords = f" — [{p.lat:.4f}, {p.lon:.4f}]({osm_link(p.lat, p.lon)})" if p.lat is not None and p.lon is not None else ""
        kind = "" if p.literal else " _(metonym: a government, not a location)_"
        extra = ", ".join(x for x in (p.canonical if p.canonical != p.name else None, p.region, p.country) if x)
        places.append(f"- **{p.name}**{f' ({extra})' if extra else ''}{coords}{kind} {where(p.spans)}")
    out += _section("Places", places)
    out += _section(
        "Units",
        [f"- **{u.name}** — {u.echelon or 'unit'}, side {u.side or 'unknown'} {where(u.spans)}" for u in record.units],
    )
    out += _section("Sources cited", [f"- {s.name}{f' ({s.kind})' if s.kind else ''} {where(s.spans)}" for s in record.sources])
    out += _section(
        "Actors",
        [f"- {x.name} — {x.kind}{f', side {x.side}' if x.side else ''} {where(x.spans)}" for x in record.actors],
    )
    quotes = []
    for q in record.quotes:
        chain = f" — via {' → '.join(q.chain)}" if q.chain else ""
        frag = " _(fragment)_" if q.fragment else ""
        quotes.append(f"- “{q.text}” — **{q.speaker or 'unknown speaker'}**{frag}{chain} {where(q.spans)}")
    out += _section("Quotes", quotes)
    claims = []
    for c in record.claims:
        flags = ", ".join(f for f, on in (("hedged", c.hedged), ("negated", c.negated)) if on)
        links = f" ↔ {', '.join(c.links)}" if c.links else ""
        claims.append(
            f"- [{c.id}] **{c.claimant or 'unattributed'}** _{c.stance}_: {c.text}"
            f"{f' ({flags})' if flags else ''}{links} {where(c.spans)}"
        )
    out += _section("Claims", claims)
    out += _section(
        "Events",
        [
            f"- {e.type}{f' ({e.mode})' if e.mode else ''} at {e.place or '?'} — {e.status}"
            f"{f', by {e.actor_side}' if e.actor_side else ''}{f', if {e.condition}' if e.condition else ''} {where(e.spans)}"
            for e in record.events
        ],
    )
    out += _section(
        "Forecasts",
        [
            f"- {f.event_type} at {f.place or '?'}{f' within {f.horizon}' if f.horizon else ''}"
            f" — expected by {', '.join(f.by) or 'unattributed'} {where(f.spans)}"
            for f in record.forecasts
        ],
    )
    out += _section(
        "Numbers",
        [f"- {n.text}{f' = {n.value:g}' if n.value is not None else ''}{f' ({n.about})' if n.about else ''} {where(n.spans)}" for n in record.quantities],
    )
    out += _section(
        "Times",
        [f"- {t.text}: {t.start or 'unresolved'}{f' – {t.end}' if t.end and t.end != t.start else ''} ({t.precision})" for t in record.times],
    )
    return "\n".join(out).rstrip() + "\n"
