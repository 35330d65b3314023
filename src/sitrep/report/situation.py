"""The situation report: key points first, then per place what is reported, contested and expected.

Every sentence ends with citations [n]; the numbered list at the end resolves each to the
outlet, date, URL and the quoted sentence (with its character offsets in the stored
article), so a reader can always check a line against its source. The report summarises
public reporting; it assesses nothing itself and recommends nothing.

    >>> print(render_markdown(build_report([], [], {}, title="Pokrovsk")).splitlines()[0])
    # Situation report: Pokrovsk
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..resolve.facts import Fact
from ..resolve.forecasts import LedgerEntry
from ..resolve.propositions import ArticleInfo, Proposition, article_info
from .control import map_note
from .safe import md_text, md_url

KEY_POINTS = 6
PER_SECTION = 12
#: How far the sentences shown around a cited one reach.
CONTEXT_CHARS = 300
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


#: How a fact's sentence relates the event to its place (`sitrep.resolve.support`).
RELATION_WORDS = {
    None: "at {place}",
    "near": "near {place}",
    "outskirts": "on the outskirts of {place}",
    "toward": "toward {place}",
    "direction": "in the {place} direction",
    "region": "in the {place} region",
    "from": "from {place}",
}


@dataclass
class Citation:
    """One cited sentence: its article, offsets and the sentences around it."""

    number: int
    article: ArticleInfo
    start: int
    end: int
    quote: str
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class Line:
    """One statement of the report and the citations that back it."""

    text: str
    cites: tuple[int, ...] = ()


@dataclass
class Citations:
    """Numbers each distinct (article, span) once, in order of first use; every one is listed."""

    items: dict[tuple[str, int, int], Citation] = field(default_factory=dict)

    def cite(self, facts: Sequence[Fact], articles: Mapping[str, ArticleInfo]) -> tuple[int, ...]:
        """Citation numbers for every fact, originals before copies (a copy adds no confirmation)."""
        facts = sorted(
            facts,
            key=lambda f: article_info(articles, f.article_id).duplicate_of is not None,
        )
        numbers = []
        for fact in facts:
            key = (fact.article_id, fact.start, fact.end)
            if key not in self.items:
                info = article_info(articles, fact.article_id)
                self.items[key] = Citation(len(self.items) + 1, info, fact.start, fact.end, fact.text)
            numbers.append(self.items[key].number)
        return tuple(dict.fromkeys(numbers))


@dataclass
class Section:
    title: str
    lines: list[Line] = field(default_factory=list)


@dataclass(frozen=True)
class MapPoint:
    name: str
    lat: float
    lon: float
    statements: int


@dataclass
class SituationReport:
    title: str
    period: str
    preface: str
    key_points: list[Line]
    places: list[tuple[str, list[Section]]]
    citations: list[Citation]
    #: The short track record of each cited outlet, by `ArticleInfo.voice` (sitrep.track).
    track_notes: dict[str, str] = field(default_factory=dict)
    map_points: list[MapPoint] = field(default_factory=list)


def _day(d: date | None) -> str:
    return d.isoformat() if d else "undated"


def _span(prop: Proposition) -> str:
    first, last = prop.first, prop.last
    if first is None:
        return "undated"
    return _day(first) if first == last else f"{_day(first)} to {_day(last)}"


def where_words(place: str | None, relation: str | None) -> str:
    """'at Pokrovsk', 'near Pokrovsk', 'in the Pokrovsk direction'."""
    pattern = RELATION_WORDS.get(relation, "at {place}")
    return pattern.format(place=place or "an unnamed place")


def _event(prop: Proposition) -> str:
    word = EVENT_WORDS.get(prop.event_type or "", prop.event_type or "event")
    return f"{word} {where_words(prop.place_name, prop.relation)}"


_HORIZON_LEAD = ("by ", "until ", "before ", "within ", "in ", "this ", "next ", "the next ", "over ", "later ")


def horizon_words(horizon: str | None) -> str:
    """' within weeks', ' by May 9', ' this summer': the horizon as a phrase of its own."""
    if not horizon:
        return ""
    h = " ".join(horizon.split())
    return f" {h}" if h.casefold().startswith(_HORIZON_LEAD) else f" within {h}"


def _whose(prop: Proposition, stance: str) -> list[str]:
    return list(dict.fromkeys(s.who for s in prop.stances if s.stance == stance))


def voices_words(prop: Proposition) -> str:
    """'3 independent outlets (5 articles)'."""
    return f"{counted(len(prop.outlets), 'independent outlet')} ({counted(prop.articles, 'article')})"


def _listed(names: list[str], limit: int = 5) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more (all in the sources)" if len(names) > limit else "")


def describe(prop: Proposition, cites: Citations, articles: Mapping[str, ArticleInfo]) -> Line:
    """One sentence about a proposition, with its citations (and its control map verdicts)."""
    line = _describe(prop, cites, articles)
    return Line(line.text + map_note(prop.facts), line.cites)


def _describe(prop: Proposition, cites: Citations, articles: Mapping[str, ArticleInfo]) -> Line:
    what = _event(prop) if prop.kind == "event" else f"“{prop.text}”"
    what = what[0].upper() + what[1:]
    when = _span(prop)
    if prop.verdict == "contested":
        pro, con = _whose(prop, "asserts"), _whose(prop, "denies")
        backing = [f for f in prop.facts if f.status != "denied"] + [
            f for f in prop.facts if f.status == "denied"
        ]
        text = f"Contested ({when}): {what}, asserted by {_listed(pro, 3)} and denied by {_listed(con, 3)}."
        return Line(text, cites.cite(backing, articles))
    backing = [s.fact for s in prop.stances if s.stance == "asserts"]
    doubting = [s.fact for s in prop.stances if s.stance == "denies"]
    # Denials that contest nothing (the same voice on another day: "no confirmed advances")
    # are said apart, so the statement's citations all back it.
    aside = (
        f" The same sources also report it not confirmed ({counted(len(doubting), 'report')}, cited last)."
        if doubting
        else ""
    )
    if prop.verdict == "corroborated":
        text = f"{what} ({when}): reported by {voices_words(prop)}: {_listed(prop.outlets)}.{aside}"
        numbers = cites.cite(backing, articles)
        return Line(text, numbers + tuple(n for n in cites.cite(doubting, articles) if n not in numbers))
    asserting, denying = _whose(prop, "asserts"), _whose(prop, "denies")
    if asserting:
        extra = f" ({counted(prop.articles, 'article')})" if prop.articles > 1 else ""
        numbers = cites.cite(backing, articles)
        numbers += tuple(n for n in cites.cite(doubting, articles) if n not in numbers)
        # each holder with its own verb: "reported by ISW and claimed by a Russian milblogger"
        by_verb: dict[str, list[str]] = {}
        for who in asserting[:3]:
            by_verb.setdefault(_verb(prop, who), []).append(who)
        said = [f"{verb} by {' and '.join(whos)}" for verb, whos in by_verb.items()]
        more = f" and {len(asserting) - 3} more" if len(asserting) > 3 else ""
        return Line(f"{what} ({when}): {' and '.join(said)}{more} only{extra}.{aside}", numbers)
    return Line(f"{what} ({when}): denied by {_listed(denying, 3)}.", cites.cite(prop.facts, articles))


def _verb(prop: Proposition, who: str) -> str:
    """'claimed' when this holder's facts frame the event as a claim, else 'reported'."""
    own = [s.fact for s in prop.stances if s.who == who and s.stance == "asserts"]
    return "claimed" if any(f.status in ("claimed", "asserts") for f in own) else "reported"


def describe_forecast(entry: LedgerEntry, cites: Citations, articles: Mapping[str, ArticleInfo]) -> Line:
    f = entry.forecast
    info = article_info(articles, f.article_id)
    who = f.holder or info.voice_name
    horizon = horizon_words(f.horizon)
    condition = f" if {f.condition.removeprefix('if ').removeprefix('If ')}" if f.condition else ""
    outcome = entry.outcome
    numbers = cites.cite([f], articles)
    if outcome == "came true" and entry.evidence:
        evidence = entry.evidence[0]
        later = cites.cite([evidence], articles)
        numbers += later
        outcome = f"came true: reported on {_day(evidence.on)} (the last source cited)"
    elif outcome == "did not" and entry.deadline:
        # absence from the store is all the ledger knows: it says so rather than "did not happen"
        outcome = f"no report of it by {_day(entry.deadline)} among the stored articles"
    made = f"on {_day(f.on)}" if f.on else "undated"
    word = EVENT_WORDS.get(f.event_type or "", f.event_type or "event")
    return Line(
        f"{who} expected {word} {where_words(f.place_name, f.relation)}{horizon}{condition} ({made}); {outcome}.",
        numbers,
    )


def rank(prop: Proposition) -> tuple:
    return (prop.verdict == "contested", len(prop.outlets), len(prop.facts), prop.last or date.min)


def counted(n: int, noun: str) -> str:
    """'1 named outlet', '2 named outlets'."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def place_headings(
    places: Sequence[tuple[str | None, str | None]], positions: Mapping[str, tuple[float, float]]
) -> dict[str | None, str]:
    """The heading of each place key: its name, with its position where namesakes share the name.

    Two villages called "Stepove" ~100 km apart are two places (`resolve.facts.place_key_of`):
    "Stepove (47.57, 35.78)" and "Stepove (47.75, 37.06)", not one section that mixes them.
    """
    keys_of: dict[str, set[str | None]] = {}
    for key, name in places:
        keys_of.setdefault(name or "Unplaced", set()).add(key)
    out: dict[str | None, str] = {}
    for key, name in places:
        heading = name or "Unplaced"
        spot = positions.get(key or "")
        if len(keys_of[heading]) > 1 and spot is not None:
            heading = f"{heading} ({spot[0]:.2f}, {spot[1]:.2f})"
        out[key] = heading
    return out


def build_report(
    propositions: Sequence[Proposition],
    forecasts: Sequence[LedgerEntry],
    articles: Mapping[str, ArticleInfo],
    *,
    title: str = "all places",
    period: str = "all dates",
    positions: Mapping[str, tuple[float, float]] | None = None,
) -> SituationReport:
    """The report's structure: key points, per-place sections, forecasts, citations and map points."""
    cites = Citations()
    independent = sum(1 for a in articles.values() if a.duplicate_of is None)
    outlets = {a.voice for a in articles.values() if a.outlet_name}  # one per organisation
    preface = (
        f"From {counted(len(articles), 'article')} ({independent} after setting aside copies) "
        f"by {counted(len(outlets), 'named outlet')}. "
        "sitrep groups and counts what the articles report; it does not verify events itself."
    )
    # A single-sourced statement needs someone behind it: a named outlet or holder (issue 11).
    events = [p for p in propositions if p.kind == "event" and (p.verdict != "single-sourced" or p.vouched(articles))]
    key_points = [describe(p, cites, articles) for p in sorted(events, key=rank, reverse=True)[:KEY_POINTS]]

    headings = place_headings(
        [(p.place_key, p.place_name) for p in events]
        + [(e.forecast.place_key, e.forecast.place_name) for e in forecasts],
        positions or {},
    )
    by_place: dict[str, list[Proposition]] = {}
    for prop in events:
        by_place.setdefault(headings[prop.place_key], []).append(prop)
    forecasts_by_place: dict[str, list[LedgerEntry]] = {}
    for entry in forecasts:
        info = article_info(articles, entry.forecast.article_id)
        if not (entry.forecast.holder or info.outlet_name):
            continue  # an expectation credited to no one, in an article without outlet
        forecasts_by_place.setdefault(headings[entry.forecast.place_key], []).append(entry)
    weight = Counter({name: sum(len(p.facts) for p in props) for name, props in by_place.items()})
    for name, entries in forecasts_by_place.items():
        weight[name] += len(entries)

    places = []
    points: dict[str, MapPoint] = {}
    for prop in events:
        spot = (positions or {}).get(prop.place_key or "")
        if spot is not None and prop.place_name:
            heading = headings[prop.place_key]
            old = points.get(heading)
            points[heading] = MapPoint(heading, *spot, (old.statements if old else 0) + 1)
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
        map_points=sorted(points.values(), key=lambda p: -p.statements),
    )


def add_context(report: SituationReport, texts: Mapping[str, str]) -> None:
    """Give every citation the sentence before and after it, read from the stored article text."""
    for c in report.citations:
        text = texts.get(c.article.id)
        if text is None:
            continue
        c.before, c.after = neighbours(text, c.start, c.end)


def neighbours(text: str, start: int, end: int, *, reach: int = CONTEXT_CHARS) -> tuple[str, str]:
    """The sentence before text[start:end] and the one after it (at most `reach` characters each)."""
    head = text[max(0, start - reach) : start].rstrip()
    cut = max(head.rfind(". ", 0, max(0, len(head) - 1)), head.rfind("\n"))
    before = head[cut + 1 :].strip() if cut >= 0 else ("…" + head.strip() if head.strip() else "")
    tail = text[end : end + reach]
    stops = [i for i in (tail.find(". ", 1), tail.find("\n", 1)) if i != -1]
    after = tail[: min(stops) + 1].strip() if stops else (tail.strip() + "…" if tail.strip() else "")
    return before, after


#: Longest quotation shown in the source list; the offsets still give the whole span.
QUOTE_CHARS = 600


def short_quote(text: str, limit: int = QUOTE_CHARS) -> str:
    quote = " ".join(text.split())
    return quote if len(quote) <= limit else quote[: limit - 1].rsplit(" ", 1)[0] + " …"


def marks(numbers: Sequence[int]) -> str:
    return "".join(f"[{n}]" for n in numbers)


def _md_line(line: Line) -> str:
    return f"- {md_text(line.text)} {marks(line.cites)}".rstrip()


def citation_line(c: Citation, notes: Mapping[str, str] | None = None) -> str:
    """'[3] Reuters, 2026-02-01, <https://…> — “… **the quoted sentence** …” (article …, characters 10–92)'."""
    a = c.article
    parts = [md_text(a.outlet_name or "unknown outlet"), _day(a.published), md_url(a.url) or f"article {a.id}"]
    title = f", _{md_text(a.title)}_" if a.title else ""
    before = f"{md_text(short_quote(c.before, 200))} " if c.before else ""
    after = f" {md_text(short_quote(c.after, 200))}" if c.after else ""
    quote = f"{before}**{md_text(short_quote(c.quote))}**{after}"
    line = f"[{c.number}] {', '.join(parts)}{title} — “{quote}” (article {a.id}, characters {c.start}–{c.end})"
    note = track_note(c, notes)
    return line + (f" {md_text(note.strip())}" if note else "")


def track_note(c: Citation, notes: Mapping[str, str] | None) -> str:
    """' — track record: TASS: 12 capture claims checked …' for a cited outlet with a record, else ''."""
    note = (notes or {}).get(c.article.voice)
    return f" — track record: {note}" if note else ""


def render_markdown(report: SituationReport) -> str:
    out = [f"# {md_text(report.title)}", "", f"_{md_text(report.period)}. {md_text(report.preface)}_", ""]
    out += ["## Key points", ""]
    out += [_md_line(line) for line in report.key_points] or ["_Nothing reported in this period._"]
    for name, sections in report.places:
        out += ["", f"## {md_text(name)}"]
        for section in sections:
            out += ["", f"### {section.title}", ""] + [_md_line(line) for line in section.lines]
    out += ["", "## Sources", ""] + [line for c in report.citations for line in (citation_line(c, report.track_notes), "")]
    return "\n".join(out).rstrip() + "\n"
