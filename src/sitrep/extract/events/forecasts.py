"""Forecasts: every expectation, with who holds it, the expected event and place, horizon and hedge.

sitrep.forecasts/3 turns each forecast event of sitrep_events into a Forecast that a later
step can check against what happened: who expects it (the subject of the expectation or
speech verb governing it: "Analysts estimate that …", "The Economist writes that …", or the
claimant of a covering ``expects`` claim from sitrep_claims), the horizon (a time expression
of its sentence from sitrep_times: "within weeks" → "weeks", "by May 9", "this summer"), the
hedge ("could", "likely") and the condition ("if Ukraine retreats from Pokrovsk").
An event that is itself only the "if" clause of another forecast is not a forecast; since
version 3 a mention predicts only from inside what is expected and where it names its place
(docs/events.md lists the rules: framing clauses, negation, past markers, borrowed places).
Since version 4 it also reads expectations without an event word of their own (stated
objectives, expected moves, expected event nouns: `expectations`), and keeps a forecast only
at a place of the record or the gazetteer.

    >>> holder_name("the analysts")
    'analysts'
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...errors import ConfigError, Messages
from ...geo import get_gazetteer
from ...models import EventType, Forecast, TimeRef
from ..base import ensure_doc_extension, extractor_id, items_of, published_of, span_of
from .event_places import Mention, place_mentions
from .events import clean_horizon
from .expectations import (
    ASSESSING,
    assessor,
    expected_moves,
    expected_nominals,
    expected_type,
    objective_events,
    objective_lines,
)
from .lexicon import (
    ANAPHORS,
    CLAIM,
    CONDITION_MARKS,
    EXPECT,
    HOLDER_NOUNS,
    MODALS,
    holder_of,
    phrase,
    subject_of,
)
from .status import AHEAD_FOR, Status

NAME = "forecasts"
VERSION = 4
EXTRACTOR = extractor_id(NAME, VERSION)

ensure_doc_extension(NAME)

PRONOUNS = {"he", "she", "they", "we", "i"}
# Time expressions that place an event in the past cannot be its horizon.
PAST_WORDS = {"ago", "last", "since", "yesterday", "earlier", "past", "recent"}
NOT_PREDICTIONS = {"threat", "danger", "risk", "time", "urge", "call", "chance", "able", "should", "must"}
# Estimative words of the low end of ICD 203's scale: "unlikely to seize the city" expects it not to happen.
IMPROBABLE = {"unlikely", "improbable", "doubtful"}
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

# Subordinators and prepositions of adverbial clauses that frame an expectation without being
# its content: "While authorities said some had been killed, investigators prepared for the
# worst", "exploiting a truce to stockpile weapons before launching attacks" (PTB/ClearNLP
# ``advcl``/``prep`` heads; the if/unless conditions are kept apart as conditions).
FRAMING = {
    "while",
    "although",
    "though",
    "whereas",
    "after",
    "as",
    "because",
    "since",
    "when",
    "before",
    "despite",
    "following",
    "without",
}
# Nouns that look back on an event: "the anniversary of the invasion", "the memory of the strike".
RETROSPECTIVE = {"anniversary", "memory", "aftermath", "wake", "legacy", "memorial", "history", "lesson"}
# Intentions told in the past tense are history, not expectations: "Roosevelt sought to help …
# fight Nazi Germany" (unlike "expected", "warned": a forecast someone made).
PAST_INTENTIONS = {"seek", "want", "aim", "intend", "hope", "try", "plan", "attempt"}
# Determiners that make "the city", "this town" point back to a place named before.
POINTING = {"the", "this", "that", "these", "those"}
# Adverbs that put an event behind us: "previously occupied territories".
BEHIND = {"previously", "already", "earlier", "once", "formerly"}
# Readiness words whose infinitive is a plan at hand: "ready to conduct a serious offensive".
READY = {"ready", "poised", "determined", "eager", "about", "willing"}
# Verbs of intending: their subject intends; whoever reports or assesses the intention expects it.
INTENDING = {"intend", "plan", "aim", "seek", "want", "prepare", "task"}
# Who assesses or expects an intention predicts it ("ISW assesses", "the governor warned").
FORESEEING = (ASSESSING | EXPECT) - INTENDING
# Verbs whose holder vouches for an intention (an expectation or a claim), unlike a plain "said".
VOUCHING = EXPECT | CLAIM


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


def _predicted_above(trigger: Token) -> bool:
    """A modal or an estimative word governs the intention ("will likely continue efforts to seize
    X"): someone predicts the attempt, not only its purpose."""
    for node in trigger.ancestors:
        if any(
            c.dep_ in ("aux", "advmod") and (c.tag_ == "MD" or c.lower_ == "likely") for c in node.children
        ):
            return True
        if node.dep_ in ("ccomp", "ROOT") or node.lemma_.lower() in VOUCHING:
            return False
    return False


def _purpose(status: object) -> bool:
    """The event is the purpose infinitive of what was done ("measures were taken to strengthen
    the brigades"): no modal or expectation word puts it ahead."""
    cue = getattr(status, "forecast_cue", None)
    return (
        cue is not None
        and cue.pos_ == "VERB"
        and cue.lemma_.lower() not in EXPECT
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children)
        # "in preparation to conduct assaults", "ready to attack": a plan, not a purpose
        and cue.head.lemma_.lower() not in EXPECT | AHEAD_FOR | READY
    )


def _framed(trigger: Token, cue: Token | None) -> bool:
    """The event sits in an adverbial clause or phrase of the expectation's verb ("while …",
    "after …", "before launching …"), outside what is expected."""
    if cue is None or cue.i == trigger.i:
        return False
    holder = cue.head if cue.dep_ in ("aux", "auxpass", "acomp") else cue
    node = trigger
    while node.i != holder.i and node.head.i != node.i:  # Tokens are views: compare indices, not identity
        framing = (
            node.dep_ == "advcl"
            and not any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in node.children)
            and any(m.dep_ in ("mark", "advmod") and m.lower_ in FRAMING for m in node.children)
        )
        if framing or (node.dep_ == "prep" and node.lower_ in FRAMING):
            return True
        node = node.head
    return False


def _predicts(trigger: Token, status: object) -> bool:
    """A forecast mention that does predict: not an event put behind by "previously", not a
    heading's word taken for a cue ("Order of Battle:"), not a place that "can die"."""
    if any(c.dep_ == "advmod" and c.lower_ in BEHIND for c in trigger.children):
        return False
    if _boilerplate(trigger.sent):
        return False
    cue = getattr(status, "forecast_cue", None)
    if cue is not None and cue.pos_ == "PROPN":
        return False
    if cue is not None and cue.lemma_.lower() in IMPROBABLE:
        return False
    if cue is not None and cue.pos_ == "NOUN" and cue.lemma_.lower() == "estimate":
        return False  # "estimates of Russia's losses": a count, not a prediction
    if _dated(trigger, published_of(trigger.doc)):
        return False
    if trigger.head.lower_ == "of" and trigger.head.head.lemma_.lower() in RETROSPECTIVE:
        return False
    if cue is not None and cue.tag_ == "VBD" and cue.lemma_.lower() in PAST_INTENTIONS:
        return False
    if cue is not None and _negated_path(trigger, cue):
        return False
    if trigger.pos_ == "VERB" and trigger.lemma_.lower() in ("die", "perish"):
        # "Europe is mortal and it can die": a country or a body dies only as a figure of speech
        subj = subject_of(trigger)
        return subj is None or subj.ent_type_ not in ("GPE", "LOC", "ORG", "NORP") and subj.lower_ != "it"
    return True


def _boilerplate(sent: Span) -> bool:
    """A run of menus, share buttons or headlines left in a web page ("Updated\nFeb 25\nFacebook\n
    Twitter\n…"): a sentence of prose does not break across many lines."""
    return sent.text.count("\n") >= 4


def _dated(trigger: Token, published: date | None) -> bool:
    """'the March 2022 Kyiv City strike', 'last year's offensive': a dated noun names a past event
    (a year before publication; "a summer 2026 offensive" read in 2026 still lies ahead)."""
    if trigger.pos_ != "NOUN":
        return False
    for child in trigger.children:
        if child.dep_ in ("compound", "nmod", "poss", "amod") and child.ent_type_ == "DATE":
            words = {t.lower_ for t in child.subtree}
            if words & PAST_WORDS:
                return True
            years = [int(w) for w in words if w.isdigit() and len(w) == 4]
            if published is not None and any(y < published.year for y in years):
                return True
    return False


def _negated_path(trigger: Token, cue: Token) -> bool:
    """'will never recognise the annexations', 'China will not abandon': a negated expectation
    expects the event not to happen."""
    top = cue.head if cue.dep_ in ("aux", "auxpass", "acomp") else cue
    node = trigger
    for _ in range(8):
        if any(c.dep_ == "neg" for c in node.children):
            return True
        if node.i == top.i or node.head is node:
            return False
        node = node.head
    return False


def _named_in(trigger: Token, place: str | None, spans: dict[str, list[tuple[int, int]]]) -> bool:
    """The place is named in the trigger's phrase (or the clause a noun trigger hangs on), or
    "the city"/"there" points back to it.

    A place the events component borrowed from elsewhere in the paragraph is the venue of what
    happened there, not of what someone expects: "We will continue to evaluate … combat in urban
    areas" closing an ISW report is no forecast at the report's last town."""
    if not place:
        return False
    doc = trigger.doc
    scope = trigger.head if trigger.pos_ != "VERB" or trigger.dep_ in ("xcomp", "conj") else trigger
    if trigger.dep_ == "pobj" and scope.dep_ == "prep":
        scope = scope.head  # "press on in the Y direction in a new offensive": the phrase's verb
    prepared = next(
        (a for a in trigger.ancestors if a.lemma_.lower() in AHEAD_FOR and a.pos_ == "NOUN"), None
    )
    if prepared is not None:
        # "increased strikes in the Y direction, likely in preparation to conduct assaults": what is
        # prepared is expected where the preparing is done
        scope = next((a for a in prepared.ancestors if a.pos_ in ("VERB", "AUX")), scope)
    lo, hi = min(scope.left_edge.i, trigger.left_edge.i), max(scope.right_edge.i, trigger.right_edge.i)
    # a relative clause only describes a place ("the Dnieper River, which … flows into the Black
    # Sea"): its places are not where the event is expected
    above = {trigger.i, *(a.i for a in trigger.ancestors)}
    skip: set[int] = set()
    for t in doc[lo : hi + 1]:
        # nor is a clause conjoined to the expectation another place of it ("will likely seize X
        # and may indicate … the Y direction")
        clause = t.dep_ == "relcl" or (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX"))
        if clause and t.i not in above and t.i not in skip:
            skip.update(range(t.left_edge.i, t.right_edge.i + 1))
    kept = [t for t in doc[lo : hi + 1] if t.i not in skip]
    starts = {t.idx for t in kept}
    if place.lower() in "".join(t.text_with_ws for t in kept).lower() or any(
        first in starts for first, _ in spans.get(place.lower(), [])
    ):
        return True
    return any(
        t.lower_ == "there"
        or (
            t.lemma_.lower() in ANAPHORS
            and t.tag_ == "NN"  # "the city"; not "the four eastern regions"
            and any(d.lower_ in POINTING for d in t.children)
            # "the Slovyansk direction" names its own place: it points back to none
            and not any(d.dep_ in ("compound", "appos", "nmod") and d.pos_ == "PROPN" for d in t.children)
        )
        for t in trigger.sent
    )


def _hedge(status: object, sent: Span) -> str | None:
    """The status's hedge word, unless it is only a month written like one ("by May 9")."""
    word = getattr(status, "hedge", None)
    if word is None:
        return None
    return word if any(t.lower_ == word and not t.is_title for t in sent) or sent[0].lower_ == word else None


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
    """One forecast per expected (event type, place): the forecast events of ``doc._.events``, the
    predicates of stated objectives and the expected moves of `expectations`."""
    syntax = doc._.event_triggers
    if syntax is None:
        raise ConfigError(Messages.E013, extension="event_triggers", writer="sitrep_events")
    times = {t.id: t for t in items_of(doc, "times") if t.id and t.spans}
    claims = items_of(doc, "claims")
    place_spans: dict[str, list[tuple[int, int]]] = {}
    for place in items_of(doc, "places"):
        place_spans.setdefault(place.name.lower(), []).extend((sp.start, sp.end) for sp in place.spans)
    mentions = place_mentions(doc)
    objectives = objective_events(doc, mentions)
    # an objective's line is read predicate by predicate below, not by the events found on it
    on_objective_lines = {i for _, lo, hi in objective_lines(doc) for i in range(lo, hi)}
    seen: set[tuple[str, str]] = set()
    out: list[Forecast] = []
    events = items_of(doc, "events")
    for index, event in enumerate(events):
        if event.status != "forecast":
            continue
        mentions_ = [(i, st) for i, st in (syntax or {}).get(index, []) if not st.in_condition]
        if syntax is not None and index in syntax and not mentions_:
            continue  # only ever the "if" clause of another forecast
        mentions_ = [(i, st) for i, st in mentions_ if i not in on_objective_lines]
        # A threat, a chance or a call to act puts the event ahead, but nobody predicts it.
        mentions_ = [(i, st) for i, st in mentions_ if not _normative(st)]
        # Only a mention inside what is expected, with its place named there, predicts.
        mentions_ = [
            (i, st)
            for i, st in mentions_
            if _predicts(doc[i], st)
            and not _framed(doc[i], st.forecast_cue)
            and _named_in(doc[i], event.place, place_spans)
        ]
        if syntax is not None and index in syntax and not mentions_:
            continue
        # a mention that predicts ("could fall within weeks") speaks for the event before one that
        # only intends or nears it ("tasked with capturing", "approached the conquest")
        mentions_.sort(key=lambda pair: _intention(pair[1]))
        trigger_i, status = mentions_[0] if mentions_ else (None, None)
        etype = expected_type(event.type, doc[trigger_i]) if trigger_i is not None else event.type
        key = (etype, (event.place or "").lower())
        if key in seen:
            continue
        seen.add(key)
        first = mentions_[0] is (syntax or {}).get(index, [None])[0] if mentions_ else True
        spans = list(event.spans[:1])
        made = _forecast(
            doc,
            etype,
            event.place,
            trigger_i,
            status,
            spans,
            claims,
            times,
            event.time if first else None,
            condition=event.condition,
        )
        if made is not None:
            made.event = event.id
            out.append(made)
            # "assaults in the Y and Z direction": an expectation distributes over conjoined places
            for other in (
                _conjoined(doc[trigger_i].sent, event.place, mentions) if trigger_i is not None else []
            ):
                if (etype, other.lower()) not in seen:
                    seen.add((etype, other.lower()))
                    out.append(made.model_copy(update={"place": other, "event": None}))
    # stated objectives, held by the assessing body; moves toward a place that only the
    # expectation makes an event
    holder = assessor(doc) if objectives else None
    by_key = {(e.type, (e.place or "").lower()): e.id for e in events if e.status == "forecast"}
    triggers = {i for pairs in syntax.values() for i, _ in pairs}
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    extra = (
        objectives
        + expected_moves(doc, mentions, triggers)
        + expected_nominals(doc, mentions, by_token, triggers | set(by_token))
    )
    for expected in extra:
        key = (expected.type, expected.place.lower())
        trigger = doc[expected.trigger]
        if (
            key in seen
            or _negated_path(trigger, trigger)
            or _boilerplate(trigger.sent)
            and not expected.objective
        ):
            continue
        if not expected.objective and (
            _normative(expected.status)
            or not _predicts(trigger, expected.status)
            or _framed(trigger, expected.status.forecast_cue)
        ):
            continue
        seen.add(key)
        made = _forecast(
            doc,
            expected.type,
            expected.place,
            expected.trigger,
            expected.status,
            [],
            claims,
            times,
            None,
            objective=expected.objective,
        )
        if made is None:
            continue
        if expected.objective and holder and not made.by:
            made.by = [holder]
        made.event = by_key.get(key)
        out.append(made)
    # the ledger checks a forecast against later events at its place: only a place the gazetteer
    # knows, under the name the record gives it, can be checked ("toward Kramatorsk" read by the
    # syntax alone may name a person the model mistook for a place)
    names = [p.name for p in items_of(doc, "places")]
    kept = []
    for forecast in out:
        known = gazetteer_name(forecast.place, names)
        if known is None and forecast.place and get_gazetteer().lookup(forecast.place):
            known = forecast.place  # a place of the gazetteer the places component left out
        if known is not None:
            forecast.place = known
            kept.append(forecast)
    return kept


def _conjoined(sent: Span, place: str | None, mentions: list[Mention]) -> list[str]:
    """Places of the sentence conjoined with a mention of `place` ("the Y and Z direction")."""
    here = [m for m in mentions if sent.start <= m.start < sent.end]
    doc = sent.doc
    roots = {doc[m.root].i for m in here if place and m.name.lower() == place.lower()}
    out = []
    for m in here:
        root = doc[m.root]
        linked = (root.dep_ == "conj" and root.head.i in roots) or any(
            doc[r].dep_ == "conj" and doc[r].head.i == root.i for r in roots
        )
        if m.name.lower() != (place or "").lower() and linked:
            out.append(m.name)
    return out


def gazetteer_name(place: str | None, names: list[str]) -> str | None:
    """The name of the record's place that `place` names: itself, or the one whose words hold
    its words in order ("Dnipropetrovsk" → "Dnipropetrovsk Oblast"); None when none does.

    >>> gazetteer_name("Dnipropetrovsk", ["Dnipro", "Dnipropetrovsk Oblast"])
    'Dnipropetrovsk Oblast'
    """
    if not place:
        return None
    words = place.lower().split()
    exact = next((n for n in names if n.lower() == place.lower()), None)
    if exact is not None:
        return exact
    for name in names:
        held = name.lower().split()
        if any(held[i : i + len(words)] == words for i in range(len(held) - len(words) + 1)):
            return name
    return None


def _forecast(
    doc: Doc,
    etype: EventType,
    place: str | None,
    trigger_i: int | None,
    status: Status | None,
    spans: list,
    claims: list,
    times: dict[str, TimeRef],
    time_id: str | None,
    *,
    objective: bool = False,
    condition: str | None = None,
) -> Forecast | None:
    """The forecast of one expected event, or None where it is only an intention nobody vouches for."""
    by: list[str] = []
    bounds = (spans[0].start, spans[0].end) if spans else None
    if trigger_i is not None:
        sent = doc[trigger_i].sent
        bounds, spans = (sent.start_char, sent.end_char), [span_of(sent)]
        cue, holder = holder_of(doc[trigger_i])
        if cue is not None and cue.lemma_.lower() in INTENDING:
            # "ISW assesses that Russian forces intend to seize X": the intention is the forces',
            # the expectation the assessor's
            outer_cue, outer = holder_of(cue)
            # only one who assesses or expects it makes it a prediction, not a side saying what it wants
            if outer is not None and outer_cue is not None and outer_cue.lemma_.lower() in FORESEEING:
                cue, holder = outer_cue, outer
        # "measures were taken to strengthen the brigades, the commander said": an intention
        # a speaker only reports is not one he vouches for as a prediction
        vouches = not _purpose(status) or (cue is not None and cue.lemma_.lower() in VOUCHING)
        if holder is not None and vouches and not objective:
            # "The Commander-in-Chief …, Colonel-General Oleksandr Syrskyi": the name in apposition
            named = next((c for c in holder.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
            by.append(holder_name(phrase(named or holder)))
    if not by and bounds is not None and not objective:
        by += [
            c.claimant
            for c in claims
            if c.claimant
            and c.stance == "expects"
            and _someone(c.claimant)
            and any(s.start <= bounds[0] < s.end for s in c.spans)
        ][:1]
    horizon = _horizon(bounds, time_id, times, published_of(doc), doc)
    predicted = trigger_i is not None and _predicted_above(doc[trigger_i])
    if _intention(status) and not by and horizon is None and not objective and not predicted:
        return None  # an intention nobody vouches for and no date ahead: not yet a prediction
    own = doc[trigger_i].sent if trigger_i is not None else None
    return Forecast(
        event_type=etype,
        place=place,
        by=by,
        horizon=horizon,
        hedge=_hedge(status, own) if status is not None and own is not None else None,
        condition=status.condition if status is not None else condition,
        spans=spans,
        extractor=EXTRACTOR,
    )


class ForecastFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.forecasts = find_forecasts(doc)
        return doc


@Language.factory(
    "sitrep_forecasts",
    assigns=["doc._.forecasts"],
    requires=[
        "token.lemma",
        "token.dep",
        "token.tag",
        "doc.sents",
        "doc.ents",
        "doc._.published",
        "doc._.outlet",
        "doc._.places",
        "doc._.times",
        "doc._.claims",
        "doc._.events",
        "doc._.event_triggers",
    ],
)
def make_forecast_finder(nlp: Language, name: str) -> ForecastFinder:
    return ForecastFinder(nlp, name)
