"""The situation report: key points first, then per place what is reported, contested and expected.

Every sentence ends with citations [n]; the numbered list at the end resolves each to the
outlet, date, URL and the quoted sentence (with its character offsets in the stored
article), so a reader can always check a line against its source. The report summarises
public reporting; it assesses nothing itself and recommends nothing.

    >>> print(render_markdown(build_report([], [], {}, title="Pokrovsk")).splitlines()[0])
    # Situation report: Pokrovsk
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..resolve.facts import Fact
from ..resolve.forecasts import LedgerEntry
from ..resolve.propositions import ArticleInfo, Proposition
from .control import map_note

KEY_POINTS = 6
PER_SECTION = 12
EVENT_WORDS = {
    "advance": "advances",
    "capture": "capture",
    "encirclement": "encirclement",
    "withdrawal": "withdrawal",
    "fighting": "fighting",
    "strike": "strikes",
    "casualties": "casualties",
    "reinforcement": "reinforcements",
    "evacuation": "evacuation",
}


@dataclass(frozen=True)
class Citation:
    number: int
    article: ArticleInfo
    start: int
    end: int
    quote: str


@dataclass
class Citations:
    """Numbers each distinct (article, span) once, in order of first use."""

    items: dict[tuple[str, int, int], Citation] = field(default_factory=dict)

    def cite(self, facts: Sequence[Fact], articles: Mapping[str, ArticleInfo], *, limit: int = 4) -> str:
        """Citation marks for up to `limit` facts, originals before copies (a copy adds no confirmation)."""
        facts = sorted(
            facts,
            key=lambda f: articles.get(f.article_id, ArticleInfo(f.article_id)).duplicate_of is not None,
        )
        marks = []
        for fact in facts[:limit]:
            key = (fact.article_id, fact.start, fact.end)
            if key not in self.items:
                info = articles.get(fact.article_id, ArticleInfo(fact.article_id))
                self.items[key] = Citation(len(self.items) + 1, info, fact.start, fact.end, fact.text)
            marks.append(f"[{self.items[key].number}]")
        more = f" (+{len(facts) - limit} more)" if len(facts) > limit else ""
        return "".join(dict.fromkeys(marks)) + more


@dataclass
class Section:
    title: str
    lines: list[str] = field(default_factory=list)


@dataclass
class SituationReport:
    title: str
    period: str
    preface: str
    key_points: list[str]
    places: list[tuple[str, list[Section]]]
    citations: list[Citation]
    #: The short track record of each cited outlet, by `ArticleInfo.voice` (sitrep.track).
    track_notes: dict[str, str] = field(default_factory=dict)


def _day(d: date | None) -> str:
    return d.isoformat() if d else "undated"


def _span(prop: Proposition) -> str:
    first, last = prop.first, prop.last
    if first is None:
        return "undated"
    return _day(first) if first == last else f"{_day(first)} to {_day(last)}"


def _event(prop: Proposition) -> str:
    return f"{EVENT_WORDS.get(prop.event_type or '', prop.event_type or 'event')} at {prop.place_name or 'an unnamed place'}"


def _whose(prop: Proposition, stance: str) -> list[str]:
    return list(dict.fromkeys(s.who for s in prop.stances if s.stance == stance))


def describe(prop: Proposition, cites: Citations, articles: Mapping[str, ArticleInfo]) -> str:
    """One sentence about a proposition, ending with its citations (and its control map verdicts)."""
    return _describe(prop, cites, articles) + map_note(prop.facts)


def _describe(prop: Proposition, cites: Citations, articles: Mapping[str, ArticleInfo]) -> str:
    what = _event(prop) if prop.kind == "event" else f"“{prop.text}”"
    when = _span(prop)
    if prop.verdict == "contested":
        pro, con = _whose(prop, "asserts"), _whose(prop, "denies")
        backing = [f for f in prop.facts if f.status != "denied"] + [
            f for f in prop.facts if f.status == "denied"
        ]
        return (
            f"Contested ({when}): {what}, asserted by {', '.join(pro[:3])} and denied by "
            f"{', '.join(con[:3])}. {cites.cite(backing, articles)}"
        )
    if prop.verdict == "corroborated":
        return (
            f"{what[0].upper()}{what[1:]} ({when}): reported by {len(prop.outlets)} independent outlets "
            f"({', '.join(prop.outlets[:4])}). {cites.cite(prop.facts, articles)}"
        )
    asserting, denying = _whose(prop, "asserts"), _whose(prop, "denies")
    if asserting:
        verb = "claimed" if any(f.status in ("claimed", "asserts") for f in prop.facts) else "reported"
        return f"{what[0].upper()}{what[1:]} ({when}): {verb} by {asserting[0]} only. {cites.cite(prop.facts, articles)}"
    return f"{what[0].upper()}{what[1:]} ({when}): denied by {', '.join(denying[:3])}. {cites.cite(prop.facts, articles)}"


def describe_forecast(entry: LedgerEntry, cites: Citations, articles: Mapping[str, ArticleInfo]) -> str:
    f = entry.forecast
    who = f.holder or "an unattributed source"
    horizon = f" within {f.horizon}" if f.horizon else ""
    condition = f" if {f.condition.removeprefix('if ').removeprefix('If ')}" if f.condition else ""
    outcome = entry.outcome
    if outcome == "came true" and entry.evidence:
        outcome = (
            f"came true: reported on {_day(entry.evidence[0].on)} {cites.cite(entry.evidence[:1], articles)}"
        )
    elif outcome == "did not" and entry.deadline:
        outcome = f"did not happen by {_day(entry.deadline)}"
    made = f"on {_day(f.on)}" if f.on else "undated"
    return (
        f"{who} expected {EVENT_WORDS.get(f.event_type or '', f.event_type)} at {f.place_name or '?'}"
        f"{horizon}{condition} ({made}); {outcome}. {cites.cite([f], articles)}"
    )


def rank(prop: Proposition) -> tuple:
    return (prop.verdict == "contested", len(prop.outlets), len(prop.facts), prop.last or date.min)


def counted(n: int, noun: str) -> str:
    """'1 named outlet', '2 named outlets'."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def build_report(
    propositions: Sequence[Proposition],
    forecasts: Sequence[LedgerEntry],
    articles: Mapping[str, ArticleInfo],
    *,
    title: str = "all places",
    period: str = "all dates",
) -> SituationReport:
    cites = Citations()
    independent = sum(1 for a in articles.values() if a.duplicate_of is None)
    outlets = {a.voice for a in articles.values() if a.outlet_name}  # one per organisation
    preface = (
        f"From {counted(len(articles), 'article')} ({independent} after setting aside copies) "
        f"by {counted(len(outlets), 'named outlet')}. "
        "sitrep groups and counts what the articles report; it does not verify events itself."
    )
    events = [p for p in propositions if p.kind == "event"]
    key_points = [describe(p, cites, articles) for p in sorted(events, key=rank, reverse=True)[:KEY_POINTS]]

    by_place: dict[str, list[Proposition]] = {}
    for prop in events:
        by_place.setdefault(prop.place_name or "Unplaced", []).append(prop)
    forecasts_by_place: dict[str, list[LedgerEntry]] = {}
    for entry in forecasts:
        forecasts_by_place.setdefault(entry.forecast.place_name or "Unplaced", []).append(entry)
    weight = Counter({name: sum(len(p.facts) for p in props) for name, props in by_place.items()})
    for name, entries in forecasts_by_place.items():
        weight[name] += len(entries)

    places = []
    for name, _ in weight.most_common():
        props = sorted(by_place.get(name, []), key=lambda p: (p.first or date.min, p.event_type or ""))
        sections = [
            Section(
                "Reported and corroborated",
                [describe(p, cites, articles) for p in props if p.verdict == "corroborated"],
            ),
            Section(
                "Contested: claimed and denied",
                [describe(p, cites, articles) for p in props if p.verdict == "contested"],
            ),
            Section(
                "Single-sourced",
                [describe(p, cites, articles) for p in props if p.verdict == "single-sourced"],
            ),
            Section(
                "Forecasts", [describe_forecast(e, cites, articles) for e in forecasts_by_place.get(name, [])]
            ),
        ]
        for section in sections:
            section.lines = section.lines[:PER_SECTION]
        places.append((name, [s for s in sections if s.lines]))
    return SituationReport(
        f"Situation report: {title}",
        period,
        preface,
        key_points,
        places,
        sorted(cites.items.values(), key=lambda c: c.number),
    )


#: Longest quotation shown in the source list; the offsets still give the whole span.
QUOTE_CHARS = 400


def short_quote(text: str) -> str:
    quote = " ".join(text.split())
    return quote if len(quote) <= QUOTE_CHARS else quote[: QUOTE_CHARS - 1].rsplit(" ", 1)[0] + " …"


def citation_line(c: Citation, notes: Mapping[str, str] | None = None) -> str:
    a = c.article
    parts = [a.outlet_name or "unknown outlet", _day(a.published), a.url or f"article {a.id}"]
    quote = short_quote(c.quote)
    line = f"[{c.number}] {', '.join(parts)} — “{quote}” (article {a.id}, characters {c.start}–{c.end})"
    return line + track_note(c, notes)


def track_note(c: Citation, notes: Mapping[str, str] | None) -> str:
    """' — track record: TASS: 12 capture claims checked …' for a cited outlet with a record, else ''."""
    note = (notes or {}).get(c.article.voice)
    return f" — track record: {note}" if note else ""


def render_markdown(report: SituationReport) -> str:
    out = [f"# {report.title}", "", f"_{report.period}. {report.preface}_", "", "## Key points", ""]
    out += [f"- {line}" for line in report.key_points] or ["_Nothing reported in this period._"]
    for name, sections in report.places:
        out += ["", f"## {name}"]
        for section in sections:
            out += ["", f"### {section.title}", ""] + [f"- {line}" for line in section.lines]
    out += ["", "## Sources", ""] + [citation_line(c, report.track_notes) for c in report.citations]
    return "\n".join(out).rstrip() + "\n"


def render_html(report: SituationReport) -> str:
    e = html.escape
    body = [
        f"<h1>{e(report.title)}</h1>",
        f"<p><em>{e(report.period)}. {e(report.preface)}</em></p>",
        "<h2>Key points</h2><ul>",
    ]
    body += [f"<li>{e(line)}</li>" for line in report.key_points] + ["</ul>"]
    for name, sections in report.places:
        body.append(f"<h2>{e(name)}</h2>")
        for section in sections:
            body += (
                [f"<h3>{e(section.title)}</h3><ul>"]
                + [f"<li>{e(line)}</li>" for line in section.lines]
                + ["</ul>"]
            )
    body.append("<h2>Sources</h2><ol>")
    for c in report.citations:
        link = (
            f'<a href="{e(c.article.url)}">{e(c.article.url)}</a>'
            if c.article.url
            else e(f"article {c.article.id}")
        )
        body.append(
            f'<li id="c{c.number}" value="{c.number}">{e(c.article.outlet_name or "unknown outlet")}, {e(_day(c.article.published))}, '
            f"{link} — <q>{e(short_quote(c.quote))}</q> (characters {c.start}–{c.end}){e(track_note(c, report.track_notes))}</li>"
        )
    body.append("</ol>")
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{e(report.title)}</title></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )
