"""Forecasts: every expectation, with who holds it, the expected event and place, horizon and hedge.

sitrep.forecasts/2 turns each forecast event of sitrep_events into a Forecast that a later
step can check against what happened: who expects it (the subject of the expectation or
speech verb governing it: "Analysts estimate that …", "The Economist writes that …", or the
claimant of a covering ``expects`` claim from sitrep_claims), the horizon (a time expression
of its sentence from sitrep_times: "within weeks" → "weeks", "by May 9", "this summer"), the
hedge ("could", "likely") and the condition ("if Ukraine retreats from Pokrovsk").
An event that is itself only the "if" clause of another forecast is not a forecast.

    >>> holder_name("the analysts")
    'analysts'
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ..models import Forecast, TimeRef
from .base import ensure_doc_extension, extractor_id, items_of, published_of, span_of
from .events import clean_horizon
from .lexicon_events import EXPECT, HOLDER_NOUNS, MODALS, holder_of, phrase

NAME = "forecasts"
VERSION = 2
EXTRACTOR = extractor_id(NAME, VERSION)

ensure_doc_extension(NAME)

PRONOUNS = {"he", "she", "they", "we", "i"}
# Time expressions that place an event in the past cannot be its horizon.
PAST_WORDS = {"ago", "last", "since", "yesterday", "earlier", "past", "recent"}
NOT_PREDICTIONS = {"threat", "danger", "risk", "time", "urge", "call", "chance", "able", "should", "must"}
AHEAD = {
    "by",
    "until",
    "before",
    "within",
    "in",
    "next",
    "this",
    "coming",
    "the",
    "tomorrow",
    "later",
    "early",
    "mid",
    "late",
    "end",
}


def holder_name(text: str) -> str:
    """A holder as written, without a leading article."""
    for article in ("the ", "The "):
        text = text.removeprefix(article)
    return text


def _someone(name: str) -> bool:
    """A claimant that can hold an expectation: a name, a pronoun, or a person's or body's noun
    ("analysts"), not "troop deployments"."""
    last = name.split()[-1].strip(".,'’\"") if name.split() else ""
    if not last or last[0].isupper() or last.lower() in PRONOUNS:
        return True
    return last.lower() in HOLDER_NOUNS or last.lower().removesuffix("s") in HOLDER_NOUNS


def _normative(status: object) -> bool:
    cue = getattr(status, "forecast_cue", None)
    return cue is not None and cue.lemma_.lower() in NOT_PREDICTIONS


def _intention(status: object) -> bool:
    """'an offensive to seize the town': a purpose infinitive says what someone intends, no modal
    or expectation word predicts it."""
    cue = getattr(status, "forecast_cue", None)
    return (
        cue is not None and cue.tag_ != "MD" and cue.lower_ not in MODALS and cue.lemma_.lower() not in EXPECT
    )


def _past_tense(doc: Doc, time: TimeRef) -> bool:
    """A time set on a past-tense verb ("was exposed in late 2025", "took it in May") is no horizon."""
    span = doc.char_span(time.spans[0].start, time.spans[0].end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX"):
            return node.tag_ == "VBD" or any(
                c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in node.children
            )
        if node.head is node:
            break
        node = node.head
    return False


def _horizon(
    bounds: tuple[int, int] | None,
    time_id: str | None,
    times: dict[str, TimeRef],
    published: date | None,
    doc: Doc | None = None,
) -> str | None:
    """The first time expression of the forecast's sentence that does not lie in the past."""
    candidates = [times[time_id]] if time_id and time_id in times else []
    if bounds is not None:
        candidates += [t for t in times.values() if bounds[0] <= t.spans[0].start < bounds[1]]
    for t in candidates:
        words = t.text.lower().split()
        if set(words) & PAST_WORDS or (doc is not None and _past_tense(doc, t)):
            continue
        if t.end is not None and published is not None and t.end < published:
            continue  # "in late 2025" read in 2026
        # A bare date is when something was said; a horizon looks ahead ("by May 9", "within
        # weeks", "this summer") or lies after publication.
        ahead = words[0] in AHEAD or (t.start is not None and published is not None and t.start > published)
        if ahead:
            return clean_horizon(t.text)
    return None


def find_forecasts(doc: Doc) -> list[Forecast]:
    """One forecast per expected (event type, place), from the forecast events of ``doc._.events``."""
    syntax = doc._.sitrep_event_syntax if Doc.has_extension("sitrep_event_syntax") else None
    times = {t.id: t for t in items_of(doc, "times") if t.id and t.spans}
    claims = items_of(doc, "claims")
    seen: set[tuple[str, str]] = set()
    out: list[Forecast] = []
    for index, event in enumerate(items_of(doc, "events")):
        if event.status != "forecast":
            continue
        mentions = [(i, st) for i, st in (syntax or {}).get(index, []) if not st.in_condition]
        if syntax is not None and index in syntax and not mentions:
            continue  # only ever the "if" clause of another forecast
        # A threat, a chance or a call to act puts the event ahead, but nobody predicts it.
        mentions = [(i, st) for i, st in mentions if not _normative(st)]
        if syntax is not None and index in syntax and not mentions:
            continue
        # a mention that predicts ("could fall within weeks") speaks for the event before one that
        # only intends or nears it ("tasked with capturing", "approached the conquest")
        mentions.sort(key=lambda pair: _intention(pair[1]))
        trigger_i, status = mentions[0] if mentions else (None, None)
        key = (event.type, (event.place or "").lower())
        if key in seen:
            continue
        seen.add(key)
        by: list[str] = []
        spans = list(event.spans[:1])
        bounds = (spans[0].start, spans[0].end) if spans else None
        if trigger_i is not None:
            sent = doc[trigger_i].sent
            bounds, spans = (sent.start_char, sent.end_char), [span_of(sent)]
            _cue, holder = holder_of(doc[trigger_i])
            if holder is not None:
                by.append(holder_name(phrase(holder)))
        if not by and bounds is not None:
            by += [
                c.claimant
                for c in claims
                if c.claimant
                and c.stance == "expects"
                and _someone(c.claimant)
                and any(s.start <= bounds[0] < s.end for s in c.spans)
            ][:1]
        first = mentions[0] is (syntax or {}).get(index, [None])[0] if mentions else True
        horizon = _horizon(bounds, event.time if first else None, times, published_of(doc), doc)
        if _intention(status) and not by and horizon is None:
            continue  # an intention nobody vouches for and no date ahead: not yet a prediction
        out.append(
            Forecast(
                event_type=event.type,
                place=event.place,
                by=by,
                horizon=horizon,
                hedge=status.hedge if status is not None else None,
                condition=status.condition if status is not None else event.condition,
                event=event.id,
                spans=spans,
                extractor=EXTRACTOR,
            )
        )
    return out


class ForecastFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.forecasts = find_forecasts(doc)
        return doc


@Language.factory("sitrep_forecasts", assigns=["doc._.forecasts"], requires=["doc._.events", "doc._.times"])
def make_forecast_finder(nlp: Language, name: str) -> ForecastFinder:
    return ForecastFinder(nlp, name)
