"""Times: absolute and relative time expressions, resolved against the publication date.

sitrep.times/1 finds time expressions with a token Matcher (months, days, weekdays, years,
seasons, "last week", "three days ago", "within weeks", "at the end of October", "by May 9"),
then resolves each *found* span to an interval with a precision. Relative expressions need
``doc._.published``: without it they stay unresolved, never invented. dateparser is only a
fallback on spans already known to be times (over whole texts it invents dates: "from the
68th" → 1968, see DEPENDENCIES.md).

    >>> resolve("last week", published=date(2025, 11, 5))[:2]
    (datetime.date(2025, 10, 27), datetime.date(2025, 11, 2))
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from ...lexicons import lexicon
from ...models import Precision, TimeRef
from ..base import ensure_doc_extension, extractor_id, published_of, span_of
from ..numbers import COUNT_WORDS

#: This module's word lists, read from src/sitrep/lexicons/en/ (see that package's docstring).
LEX = lexicon("en")

NAME = "times"
VERSION = 1
EXTRACTOR = extractor_id(NAME, VERSION)

ensure_doc_extension(NAME)

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS |= {f"{name.lower()}.": i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = MONTHS["sept."] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
# Meteorological seasons of the northern hemisphere: (first month, months long).
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
UNITS: dict[str, Precision] = {
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
}

_MONTH = {"LOWER": {"IN": sorted(MONTHS)}}
_DAYNUM = {"TEXT": {"REGEX": r"^(0?[1-9]|[12]\d|3[01])(st|nd|rd|th)?$"}}
_YEAR = {"TEXT": {"REGEX": r"^(19[5-9]\d|20\d\d)$"}}
_WEEKDAY = {"LOWER": {"IN": sorted(WEEKDAYS) + [f"{d}s" for d in WEEKDAYS]}}
_UNIT = {"LOWER": {"IN": sorted(UNITS)}}
_QTY = {"LIKE_NUM": True}
_EDGE = {"LOWER": {"IN": ["early", "mid", "late", "end", "beginning", "start", "middle"]}}
_RELWORD = {"LOWER": {"IN": ["last", "this", "next", "past", "coming", "previous", "recent"]}}

_MID_MONTH = {
    "LOWER": {
        "IN": ["mid-" + m for m in calendar.month_name[1:]]
        + ["mid-" + m.lower() for m in calendar.month_name[1:]]
    }
}
_MACROS: dict[str, dict] = {
    "$MONTH": _MONTH,
    "$DAYNUM": _DAYNUM,
    "$YEAR": _YEAR,
    "$WEEKDAY": _WEEKDAY,
    "$UNIT": _UNIT,
    "$QTY": _QTY,
    "$EDGE": _EDGE,
    "$RELWORD": _RELWORD,
    "$MID_MONTH": _MID_MONTH,
}
# The Matcher patterns of each kind of time expression, as data; "$NAME" stands for a token pattern above.
PATTERNS: dict[str, list[list[dict]]] = {
    label: [[_MACROS[t] if isinstance(t, str) else t for t in pattern] for pattern in patterns]
    for label, patterns in LEX.json("events/time_patterns")["patterns"].items()
}


def build_matcher(nlp: Language) -> Matcher:
    matcher = Matcher(nlp.vocab)
    for label, patterns in PATTERNS.items():
        matcher.add(label, patterns)
    return matcher


def _month_interval(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _year_for(month: int, day: int, published: date | None) -> int | None:
    """The year of a date written without one: the publication year, or the year before when
    the date would fall more than five months after publication (news mostly looks back)."""
    if published is None:
        return None
    year = published.year
    try:
        if date(year, month, min(day, 28)) > published + timedelta(days=150):
            year -= 1
    except ValueError:
        return None
    return year


def _number(word: str) -> int | None:
    word = word.lower().replace(",", "")
    if word.isdigit():
        return int(word)
    return COUNT_WORDS.get(word)


def _shift_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    year, month = d.year + m // 12, m % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _unit_interval(unit: str, offset: int, published: date) -> tuple[date, date]:
    """The calendar day, week (Mon–Sun), month or year `offset` units from the publication date."""
    if unit == "day":
        d = published + timedelta(days=offset)
        return d, d
    if unit == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        first = _shift_months(published.replace(day=1), offset)
        return _month_interval(first.year, first.month)
    if unit == "decade":
        start = published.year // 10 * 10 + 10 * offset
        return date(start, 1, 1), date(start + 9, 12, 31)
    return date(published.year + offset, 1, 1), date(published.year + offset, 12, 31)


Resolved = tuple[date | None, date | None, Precision, bool]


def resolve(text: str, *, published: date | None) -> Resolved:
    """(start, end, precision, relative) of one time expression; start/end None when unresolved."""
    words = [w for w in re.findall(r"[A-Za-z]+\.?|\d+", text.lower()) if w not in {"the", "of", "on", "at"}]
    years = [int(w) for w in words if re.fullmatch(r"(19|20)\d\d", w)]
    months = [MONTHS[w] for w in words if w in MONTHS and w not in {"may"} or (w == "may" and len(words) > 1)]
    days = [int(w) for w in words if w.isdigit() and len(w) <= 2 and 1 <= int(w) <= 31]
    edge = next(
        (w for w in words if w in {"early", "mid", "late", "end", "beginning", "start", "middle"}), None
    )
    relative = not years
    if months:
        year = years[0] if years else _year_for(months[0], days[0] if days else 1, published)
        if year is None:
            return None, None, "day" if days else "month", True
        if days:
            try:
                return (
                    date(year, months[0], days[0]),
                    date(year, months[0], days[-1] if len(days) > 1 else days[0]),
                    "day",
                    relative,
                )
            except ValueError:
                return None, None, "unknown", relative
        start, end = _month_interval(year, months[0])
        if edge in {"early", "beginning", "start"}:
            end = start + timedelta(days=9)
        elif edge in {"mid", "middle"}:
            start, end = start + timedelta(days=10), start + timedelta(days=19)
        elif edge in {"late", "end"}:
            start = start + timedelta(days=20)
        return start, end, "month", relative
    if years:
        if "since" in words:
            return date(years[0], 1, 1), published, "year", True
        return date(years[0], 1, 1), date(years[-1], 12, 31), "year", False
    if published is None:
        return None, None, _precision_of(words), True
    resolved = _resolve_relative(words, published)
    if resolved[2] == "unknown":
        return _dateparser_fallback(text, published) or resolved
    return resolved


def _dateparser_fallback(text: str, published: date) -> Resolved | None:
    """dateparser on one span already known to be a time (never on running text)."""
    import dateparser  # imported here: it costs ~0.3 s and is rarely needed

    base = datetime(published.year, published.month, published.day)
    parsed = dateparser.parse(
        text, languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    )
    return (parsed.date(), parsed.date(), "day", True) if parsed else None


def _precision_of(words: list[str]) -> Precision:
    for w in words:
        if (
            w in WEEKDAYS
            or w.rstrip("s") in WEEKDAYS
            or w in {"today", "yesterday", "tomorrow", "tonight", "overnight"}
        ):
            return "day"
        if w in UNITS:
            return UNITS[w]
        if w in SEASONS:
            return "season"
    return "unknown"


def _resolve_relative(words: list[str], published: date) -> Resolved:
    deictic = {"today": 0, "tonight": 0, "overnight": 0, "yesterday": -1, "tomorrow": 1}
    for w in words:
        if w in deictic:
            d = published + timedelta(days=deictic[w])
            return d, d, "day", True
        if w.rstrip("s") in WEEKDAYS or w in WEEKDAYS:
            # "on Sunday" in news is the most recent such day, up to the publication day itself.
            back = (published.weekday() - WEEKDAYS[w if w in WEEKDAYS else w.rstrip("s")]) % 7
            d = published - timedelta(days=back)
            return d, d, "day", True
    if words[:2] == ["last", "night"]:
        d = published - timedelta(days=1)
        return d, d, "day", True
    season = next((w for w in words if w in SEASONS), None)
    if season:
        year = published.year + (1 if "next" in words else -1 if "last" in words else 0)
        first = SEASONS[season]
        start = date(year if first != 12 else year, first, 1)
        end = _shift_months(start, 3) - timedelta(days=1)
        return start, end, "season", True
    unit = next((UNITS[w] for w in words if w in UNITS), None)
    if unit is None:
        return None, None, "unknown", True
    if "ago" in words:
        n = next((_number(w) for w in words if _number(w) is not None), 1) or 1
        days = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}[unit]
        d = published - timedelta(days=n * days)
        return (d, d, unit, True) if unit == "day" else (*_unit_interval(unit, 0, d), unit, True)
    if any(w in words for w in ("within", "coming", "nearest")) or (
        words and words[0] == "in" and "recent" not in words
    ):
        return None, None, unit, True  # a horizon ("within weeks"): open-ended, no invented end
    if any(w in words for w in ("recent", "past")) or (words[:1] == ["over"]):
        n = next((_number(w) for w in words if _number(w) is not None), 1) or 1
        days = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}[unit]
        return published - timedelta(days=n * days), published, unit, True
    offset = 1 if "next" in words else -1 if any(w in words for w in ("last", "previous")) else 0
    return (*_unit_interval(unit, offset, published), unit, True)


# Words without which no pattern can match: the matcher runs only on windows around them
# (running it over every token of every article cost more than the rest of the component).
ANCHORS = (
    set(MONTHS)
    | set(WEEKDAYS)
    | {f"{d}s" for d in WEEKDAYS}
    | set(UNITS)
    | set(SEASONS)
    | {"today", "yesterday", "tomorrow", "tonight", "overnight", "night", "ago", "hours"}
)


def _anchor_hashes(doc: Doc) -> set[int]:
    strings = doc.vocab.strings
    years = (str(y) for y in range(1950, 2100))
    mids = (f"mid-{m}" for m in MONTHS)
    return {strings.add(w) for w in (*ANCHORS, *years, *mids)}


def _windows(doc: Doc) -> list[SpacySpan]:
    """Spans around anchor words, found on the LOWER array (no Token objects for other words)."""
    anchors = _anchor_hashes(doc)
    out: list[list[int]] = []
    n = len(doc)
    for i, low in enumerate(doc.to_array([LOWER]).tolist()):
        if low in anchors:
            a, b = max(0, i - 6), min(n, i + 5)
            if out and a <= out[-1][1]:
                out[-1][1] = b
            else:
                out.append([a, b])
    return [doc[a:b] for a, b in out]


def time_spans(doc: Doc, matcher: Matcher) -> list[SpacySpan]:
    """The longest non-overlapping time expressions, with a leading preposition dropped."""
    found = [m for window in _windows(doc) for m in matcher(window, as_spans=True)]
    spans = filter_spans(found)
    out = []
    for span in spans:
        if span[0].lower_ in {"in", "on", "at", "during", "of", "from"} and len(span) > 1:
            span = span[1:]
        # "May" alone is a modal verb far more often than a month.
        if len(span) == 1 and span[0].lower_ == "may":
            continue
        out.append(span)
    return out


def find_times(doc: Doc, matcher: Matcher) -> list[TimeRef]:
    """Every time expression in `doc`, each resolved against ``doc._.published`` where it can be."""
    published = published_of(doc)
    items = []
    for i, span in enumerate(time_spans(doc, matcher), start=1):
        start, end, precision, relative = resolve(span.text, published=published)
        items.append(
            TimeRef(
                id=f"t{i}",
                text=span.text,
                start=start,
                end=end,
                precision=precision,
                relative=relative,
                spans=[span_of(span)],
                extractor=EXTRACTOR,
            )
        )
    return items


class TimeFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.matcher = build_matcher(nlp)

    def __call__(self, doc: Doc) -> Doc:
        doc._.times = find_times(doc, self.matcher)
        return doc


@Language.factory(
    "sitrep_times",
    assigns=["doc._.times"],
    requires=["token.lemma", "doc._.published"],
)
def make_time_finder(nlp: Language, name: str) -> TimeFinder:
    return TimeFinder(nlp, name)
