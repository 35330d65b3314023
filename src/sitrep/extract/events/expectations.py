"""Expected events that sitrep_events does not list: stated objectives, and moves toward a place.

Two kinds of language state an expectation without an event word of their own:

- a labelled objective ("Russian objective: Cross the Dnipro River and push east into Zaporizhzhia
  Oblast"): an assessment lists what a side intends as imperative predicates on one line;
  every predicate gives one expected event at each place it is directed to ("into", "toward",
  "of", its object), not at a place it only starts from or borders ("back from the border", "a
  land corridor with Crimea");
- a verb of directed motion under a modal or an expectation ("forces could cross the river",
  "the enemy intends to enter the town"): as what is expected it is an advance toward its goal,
  though told as done it is no event ("a convoy crossed the bridge").

The assessing body that holds an objective is the article's outlet where it is known, else the
body the article names assessing ("ISW assesses", "ISW's assessment").

    >>> sorted(EXPECTED_MOVES)[:3]
    ['advance', 'approach', 'cross']
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...lexicons import lexicon
from ...models import EventType
from .event_places import CITY_ANAPHORS, Mention, place_for
from .lexicon import TRIGGERS, VERB_ONLY, agentive, doc_text, phrase, subject_of
from .status import OBJECTIVE_LABEL, Status, status_of

LEX = lexicon("en")

#: Lemma → event type of a move toward a goal, when expected (Levin 1993 §51.1, see the file).
EXPECTED_MOVES: dict[str, EventType] = LEX.table("events/expected_moves")  # type: ignore[assignment]
# Prepositions that lead to where a move is directed or what it takes ("into X", "the entirety of X",
# "to within range of X"); "from", "with", "by" name a start, a neighbour or a means.
GOAL_PREPS = {
    "to",
    "toward",
    "towards",
    "into",
    "on",
    "onto",
    "upon",
    "against",
    "of",
    "in",
    "across",
    "at",
    "near",
    "within",
    "through",
    "along",
    "beyond",
}
# Prepositions that, right after a place, only say where that place is.
LOCATORS = {"near", "in", "at", "outside", "around"}
COORDINATION = {",", "and", "or", "as", "well"}
# Words that may stand between a goal word and the place ("into eastern Kharkiv Oblast").
MODIFIERS = {"DET", "ADJ", "NUM", "PART", "PROPN"}
ASSESSING = {"assess", "assessment", "judge", "estimate", "forecast"}
#: Adjectives that put the event their noun names ahead ("a possible offensive"; ICD 203, FactBank).
EXPECTED_MODIFIERS = LEX.words("events/expected_modifiers")
# An attack expected on a place is an expected advance on it: an offensive a later report of
# gained ground can confirm ("armored assaults in the near future", "will try an offensive").
ASSAULTS = {"assault", "storm", "attack"}
# Generic nouns of military action whose modifier says which event they are ("offensive operations").
EVENT_HEADS = {"operation", "action", "campaign", "effort"}


@dataclass(frozen=True)
class Expected:
    """One expected event: its type, the place it is directed to, its word and how it is framed."""

    type: EventType
    place: str
    trigger: int
    status: Status
    objective: bool = False


def objective_lines(doc: Doc) -> list[tuple[Token, int, int]]:
    """(label, first token, end token) of each line that states an objective after a label."""
    text = doc_text(doc)
    out: list[tuple[Token, int, int]] = []
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        found = OBJECTIVE_LABEL.search(text, start, min(end, start + 60))
        if found is not None and end > found.end():
            label = doc.char_span(found.start(1), found.end(1), alignment_mode="expand")
            body = doc.char_span(found.end(), end, alignment_mode="contract")
            if label is not None and body is not None and len(body):
                out.append((label[0], body.start, body.end))
        start = end + 1
    return out


def _predicate(token: Token) -> EventType | None:
    """The event type of an objective's predicate word ("Capture", "push", "approach")."""
    if token.pos_ in ("ADP", "DET", "PRON", "PUNCT", "CCONJ", "ADJ") or token.dep_ in ("amod", "compound"):
        return None
    for word in (token.lemma_.lower(), token.lower_):
        etype = EXPECTED_MOVES.get(word) or TRIGGERS.get(word)
        if etype is not None and etype not in ("casualties", "evacuation"):
            return etype
    return None


def _lead(doc: Doc, m: Mention, lo: int) -> Token | None:
    """The word a place mention follows once its modifiers are skipped ("into [eastern] X")."""
    i = m.start - 1
    while i >= lo and (doc[i].pos_ in MODIFIERS and doc[i].lower_ not in GOAL_PREPS or doc[i].tag_ == "POS"):
        i -= 1
    return doc[i] if i >= lo else None


def goal_places(
    doc: Doc, predicate: Token, lo: int, hi: int, mentions: list[Mention], *, wide: bool = True
) -> list[str]:
    """The places a predicate's words from `lo` to `hi` direct it to: its object, the object of a goal
    preposition, and places coordinated with one of these (a country only with `wide`: in running
    prose "elsewhere in Ukraine" frames the war, an objective's line may name a country as its goal)."""
    out: list[str] = []
    last_ok = False
    for m in mentions:
        if not lo <= m.start < hi or (m.wide and not wide):
            continue
        lead = _lead(doc, m, lo)
        if lead is not None and lead.lower_ in LOCATORS and _after_place(doc, lead, mentions):
            continue  # "cross the Oskil River near Kupiansk": the town only locates the river
        if lead is None or lead.i == predicate.i:
            ok = True
        elif lead.lower_ in COORDINATION:
            ok = last_ok
        else:
            ok = lead.lower_ in GOAL_PREPS
        last_ok = ok
        if ok and m.name not in out:
            out.append(m.name)
    return out


def _after_place(doc: Doc, lead: Token, mentions: list[Mention]) -> bool:
    """The preposition follows a place mention directly ("the Oskil River | near Kupiansk")."""
    return any(m.end == lead.i for m in mentions)


def objective_events(doc: Doc, mentions: list[Mention]) -> list[Expected]:
    """Every predicate of every objective line, at each place it is directed to."""
    out: list[Expected] = []
    for label, lo, hi in objective_lines(doc):
        heads = [(t.i, etype) for t in doc[lo:hi] if (etype := _predicate(t)) is not None]
        for n, (i, etype) in enumerate(heads):
            end = heads[n + 1][0] if n + 1 < len(heads) else hi
            status = Status(status="forecast", cue=label, forecast_cue=label)
            out += [
                Expected(etype, place, i, status, True)
                for place in goal_places(doc, doc[i], i + 1, end, mentions)
            ]
    return out


def _goal_scope(token: Token) -> tuple[int, int] | None:
    """Token bounds of a move's object and goal phrases ("cross [the river]", "move [toward the town]")."""
    parts = [
        c
        for c in token.children
        if c.dep_ == "dobj" or (c.dep_ in ("prep", "advmod") and c.lower_ in GOAL_PREPS)
    ]
    if token.pos_ == "NOUN" and token.dep_ == "dobj":
        # "continue offensive operations toward X": the parser often hangs the goal on the verb
        parts += [
            c for c in token.head.children if c.dep_ == "prep" and c.lower_ in GOAL_PREPS and c.i > token.i
        ]
    if not parts:
        return None
    return min(p.left_edge.i for p in parts), max(p.right_edge.i for p in parts) + 1


def expected_moves(doc: Doc, mentions: list[Mention], skip: set[int]) -> list[Expected]:
    """Moves toward a place that a modal, an expectation or an intention puts ahead ("could cross
    the Oskil River"), for the verbs sitrep_events does not take as events themselves."""
    out: list[Expected] = []
    for token in doc:
        if token.i in skip or token.pos_ != "VERB" or token.lemma_.lower() in TRIGGERS:
            continue
        etype = EXPECTED_MOVES.get(token.lemma_.lower())
        scope = _goal_scope(token) if etype is not None else None
        if etype is None or scope is None:
            continue
        status = status_of(token)
        if status.status != "forecast" or status.in_condition:
            continue
        out += [
            Expected(etype, place, token.i, status)
            for place in goal_places(doc, token, *scope, mentions, wide=False)
        ]
    return out


def expected_type(etype: EventType, token: Token) -> EventType:
    """An expected assault is an expected advance (`ASSAULTS`); any other type stays."""
    return "advance" if etype == "fighting" and token.lemma_.lower() in ASSAULTS else etype


def _nominal_type(token: Token) -> EventType | None:
    """The event a noun names, itself or through its modifier ("offensive operation")."""
    if token.pos_ != "NOUN":
        return None
    # the modifier names the event only on a generic event noun: "offensive operations", not "the
    # besieged city"
    modifiers = (
        [c for c in token.children if c.dep_ in ("amod", "compound")]
        if token.lemma_.lower() in EVENT_HEADS
        else []
    )
    for word in (token, *modifiers):
        etype = TRIGGERS.get(word.lemma_.lower())
        if etype is not None and word.lemma_.lower() not in VERB_ONLY:  # "control" as a noun is no capture
            return expected_type(etype, word)
    return None


def expected_nominals(
    doc: Doc, mentions: list[Mention], by_token: dict[int, Mention], skip: set[int]
) -> list[Expected]:
    """Event nouns that sitrep_events did not take, put ahead by an expectation adjective ("a
    possible future offensive operation against X") or by a modal or an expectation above them
    ("will likely continue offensive operations toward X"), at the places their own phrase is
    directed to."""
    out: list[Expected] = []
    for token in doc:
        if token.i in skip or token.pos_ != "NOUN":
            continue
        etype = _nominal_type(token)
        scope = _goal_scope(token) if etype is not None else None
        if etype is None or scope is None:
            continue
        cue = next((c for c in token.children if c.dep_ == "amod" and c.lower_ in EXPECTED_MODIFIERS), None)
        if cue is not None:
            status = Status(status="forecast", cue=cue, forecast_cue=cue, hedge=cue.lower_)
        else:
            # "will likely continue offensive operations toward X": a modal or an expectation above
            status = status_of(token)
            if status.status != "forecast" or status.in_condition:
                continue
        places = goal_places(doc, token, *scope, mentions, wide=False)
        if not places and any(_pointing(t) for t in doc[scope[0] : scope[1]]):
            # "against the city": the city named before
            found = [m for m in place_for(token, mentions, by_token)[0] if not m.wide]
            places = [found[0].name] if found else []
        out += [Expected(etype, place, token.i, status) for place in places]
    return out


def _pointing(token: Token) -> bool:
    """'the city', 'this town': a settlement noun without a name of its own points back to one."""
    return (
        token.lemma_.lower() in CITY_ANAPHORS
        and any(d.lower_ in ("the", "this", "that") for d in token.children)
        and not any(d.dep_ in ("compound", "appos", "prep") for d in token.children)
    )


def assessor(doc: Doc) -> str | None:
    """Who assesses in this article: its outlet, else the body named most often assessing."""
    if doc._.outlet:
        return str(doc._.outlet)
    counts: Counter[str] = Counter()
    for token in doc:
        if token.lemma_.lower() not in ASSESSING:
            continue
        holder = subject_of(token) if token.pos_ in ("VERB", "AUX") else None
        if holder is None and token.pos_ == "NOUN":
            holder = next((c for c in token.children if c.dep_ == "poss"), None)
        # a body's name, not a pronoun or a role ("we assess", "analysts assess"); the small model
        # tags an acronym such as "ISW" a common noun
        named = holder is not None and (
            holder.pos_ == "PROPN" or holder.ent_type_ in ("ORG", "PERSON") or holder.text.isupper()
        )
        if holder is not None and named and agentive(holder):
            counts[phrase(holder)] += 1
    return counts.most_common(1)[0][0] if counts else None
