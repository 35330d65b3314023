"""Events: what happened where, by whom, and whether it is reported, claimed, denied or forecast.

sitrep.events/3 finds event triggers by lemma (lexicon_events.TRIGGERS: "advance", "capture",
"fall of", "encircle", "retreat", "fighting", "strike", "killed", "reinforce", "evacuate", …),
attaches the place the trigger's phrase names (a place ``name`` from ``doc._.places``; "the
city" resolves to the most salient city named before), the side acting, the time, and a status read
from the syntax around the trigger:

- ``denied``: a denial verb governs the clause ("Ukraine denies Moscow's claim that …"), or
  the trigger itself is negated ("did not capture");
- ``forecast``: a modal, future or expectation governs it ("could fall", "will likely have
  to abandon", "under threat of encirclement", "tasked with capturing"); an "if" clause is
  kept as the event's ``condition``;
- ``claimed``: it sits inside a claim ("claimed its forces had taken", "Moscow said …");
- ``reported`` otherwise.

Where ``doc._.claims`` exists (sitrep_claims), a ``denies`` claim covering the trigger makes it
``denied``, and the id of the claim the event sits in is kept in ``claim``.
One event per (type, place, status), claimed and reported counting as one: articles repeat themselves.

    >>> clean_horizon("within weeks")
    'weeks'
"""

from __future__ import annotations

from spacy.attrs import LEMMA
from spacy.language import Language
from spacy.tokens import Doc, Token

from ...models import Event, EventType, Side
from ..base import ensure_doc_extension, extractor_id, items_of, span_of
from .arguments import clause_words
from .event_places import PLACE_LABELS, line_bounds, place_for, place_mentions, positions
from .lexicon import (
    ABSTRACT,
    ADVANCE_OBJECTS,
    AGREEMENTS,
    ANAPHORS,
    MODES,
    NOT_TARGETS,
    NOUN_ONLY,
    REACH_OBJECTS,
    SPEECH,
    TAKE_OBJECTS,
    TRIGGERS,
    VERB_ONLY,
    WEAPONS,
    side_of_text,
    subject_of,
)
from .occurrence import article_now, not_an_occurrence
from .status import claim_status, covering_claims, status_of

NAME = "events"
VERSION = 3
EXTRACTOR = extractor_id(NAME, VERSION)

ensure_doc_extension(NAME)
# {event index: [(trigger token index, Status)]}: the syntax sitrep_forecasts reuses, kept off the record.
ensure_doc_extension("event_triggers")

# Ground units: "Russian forces attacked near Lyman" is an assault, not a strike.
# Where a ground assault is fought ("attacks near X") and what a strike is aimed at ("attacks on X").
POSITIONAL = {"near", "toward", "towards", "around", "outside", "along"}
TARGETING = {"on", "against", "at"}
# What "captured" takes when it is about prisoners, not ground.
PEOPLE = {
    "troop",
    "soldier",
    "prisoner",
    "serviceman",
    "servicemen",
    "fighter",
    "civilian",
    "people",
    "man",
    "men",
}


# What is seized that is not ground: ships, goods and the like ("France has seized two tankers").
SEIZED_THINGS = {
    "tanker",
    "ship",
    "vessel",
    "cargo",
    "asset",
    "property",
    "weapon",
    "document",
    "initiative",
    "oil",
}
# Words of talks: "breakthrough" and "progress" there are diplomatic, not on the ground.
DIPLOMACY = {"talk", "negotiation", "negotiator", "diplomatic", "diplomacy", "peace", "ceasefire", "summit"}


def clean_horizon(text: str) -> str:
    """A forecast horizon as the scorer's gold writes it: 'within weeks' → 'weeks'."""
    words = text.split()
    while words and words[0].lower() in ("within", "in", "the", "nearest", "coming", "next", "few", "a"):
        if words[0].lower() in ("next",) and len(words) > 1 and not words[1].endswith("s"):
            break  # "next week" stays as written
        words = words[1:]
    rest = " ".join(words)
    return rest if rest in ("days", "weeks", "months", "years", "hours") else text


def _trigger_hashes(doc: Doc) -> set[int]:
    """Hashes of every lemma that can start an event (triggers, 'take', weapons as subjects)."""
    strings = doc.vocab.strings
    words = (*TRIGGERS, "take", "fire", "launch", *WEAPONS)
    return {strings.add(v) for w in words for v in (w, w.capitalize())}  # "Fighting" opening a line


def etype_people(token: Token) -> bool:
    """'captured 5,000 Russian troops': a capture verb whose object is people."""
    if token.pos_ != "VERB" or TRIGGERS.get(token.lemma_.lower()) != "capture":
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in PEOPLE | SEIZED_THINGS for c in token.children)


# ---- triggers -------------------------------------------------------------------------------


def trigger_type(token: Token) -> EventType | None:
    """The event type a token triggers, or None."""
    lemma = token.lemma_.lower()
    if token.dep_ in ("amod", "compound") or token.pos_ not in ("NOUN", "VERB", "ADJ", "PROPN"):
        return None
    if etype_people(token):
        return None
    if token.tag_ == "VBN" and token.dep_ in ("amod", "acl") and lemma in ("occupy", "liberate", "capture"):
        return None  # "occupied Nova Karakuba", "liberated territories": a state, not an event
    if (
        lemma in ("occupy", "liberate")
        and token.i > 0
        and token.i + 1 < len(token.doc)
        and (token.doc[token.i - 1].pos_ in ("ADP", "DET") or token.doc[token.i - 1].text in ("-", "–"))
        and token.doc[token.i + 1].pos_ == "PROPN"
    ):
        return None  # "near occupied Nova Karakuba" misparsed as a verb: still an adjective
    if lemma in ("fire", "launch"):
        # "fired three dozen missiles", "launched 242 drones", "artillery fire"
        weapons = [c for c in token.children if c.dep_ in ("dobj", "compound", "nsubj")]
        return "strike" if any(MODES.get(c.lower_) or c.lemma_.lower() in WEAPONS for c in weapons) else None
    if lemma == "take" and token.pos_ == "VERB":
        objs = [c for c in token.children if c.dep_ == "dobj"]
        return (
            "capture"
            if any(o.lemma_.lower() in TAKE_OBJECTS or o.ent_type_ in PLACE_LABELS for o in objs)
            else None
        )
    if lemma in WEAPONS and token.pos_ == "NOUN" and token.dep_ == "nsubj" and token.head.pos_ == "VERB":
        head = token.head.lemma_.lower()
        return "strike" if head not in SPEECH and head not in TRIGGERS and head != "be" else None
    etype = TRIGGERS.get(lemma)
    if etype is None:
        return None
    if lemma in NOUN_ONLY and token.pos_ != "NOUN":
        return None
    if lemma in VERB_ONLY and token.pos_ != "VERB":
        return None
    if lemma == "loss":
        if token.lower_ == "losses":
            return "casualties"
        return "capture" if any(c.lower_ == "of" for c in token.children) else None
    if lemma == "fall":
        if token.pos_ == "NOUN":
            return "capture" if any(c.lower_ == "of" for c in token.children) else None
        subj = subject_of(token)
        ok = subj is not None and (
            subj.ent_type_ in PLACE_LABELS
            or subj.lemma_.lower() in ANAPHORS
            # "Kostiantynivka is likely to fall": a name the small model tags PERSON still falls
            or (
                subj.pos_ == "PROPN"
                and subj.ent_type_ in ("", "PERSON", "ORG")
                and side_of_text(subj.text) is None
            )
        )
        # "fell to Russian forces", not "levels fell to a ten-year low"
        to_side = any(
            c.lower_ == "to"
            and any(o.dep_ == "pobj" and (o.ent_type_ or side_of_text(_np(o))) for o in c.children)
            for c in token.children
        )
        return "capture" if ok or to_side else None
    if lemma == "attack" and token.pos_ == "VERB":
        # "Russian forces attacked near Lyman" is a ground assault; with a weapon in its own
        # clause ("attacked Kharkiv with drones", "missiles attacked the city") it is a strike
        subj = subject_of(token)
        weapon = weapon_in_clause(token) or (subj is not None and subj.lemma_.lower() in WEAPONS)
        if not weapon:
            return "fighting"
    if lemma == "attack" and token.pos_ == "NOUN" and not weapon_in_clause(token):
        # "attacks near Pokrovsk" are positions fought over; "attacks on Kharkiv" strike a target
        preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
        if preps & POSITIONAL and not preps & TARGETING:
            return "fighting"
    if lemma == "buzz":
        subj = subject_of(token)
        return "strike" if subj is not None and subj.lemma_.lower() in WEAPONS else None
    if lemma == "advance" and token.pos_ == "VERB":
        objs = [c for c in token.children if c.dep_ == "dobj"]
        if any(o.lemma_.lower() not in ADVANCE_OBJECTS and not o.like_num for o in objs):
            return None  # "advancing efforts", "advance their interests": promoting, not moving
    if lemma == "push" and token.pos_ == "VERB":
        if any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children):
            return None  # "the US pushes for a compromise"
    if etype == "strike" and token.pos_ == "VERB":
        if any(c.dep_ == "dobj" and c.lemma_.lower() in NOT_TARGETS for c in token.children):
            return None  # "struck a bellicose tone", "hit a record"
    if etype == "reinforcement" and token.pos_ == "VERB":
        if any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ABSTRACT for c in token.children):
            return None  # "reinforce the fact", "sanctions would be strengthened", "strengthen ties"
    if lemma in ("deploy", "redeploy") and any(
        c.dep_ == "dobj" and (c.lemma_.lower() in WEAPONS or MODES.get(c.lower_)) for c in token.children
    ):
        return None  # "deploying 71 missiles and 450 drones" is part of the strike
    if lemma in ("breakthrough", "progress") and any(t.lemma_.lower() in DIPLOMACY for t in token.sent):
        return None  # "no major breakthrough in the talks"
    if etype == "withdrawal" and _from_an_agreement(token):
        return None  # "withdraw from the grain deal"
    if lemma == "surround" and token.tag_ == "VBG" and token.dep_ in ("acl", "prep", "advcl"):
        return None  # "intelligence surrounding the invasion": about, not around
    if lemma == "reach":
        # "reached the outskirts of Pokrovsk", "could reach Kramatorsk"; not "reach an agreement"
        objs = [c for c in token.children if c.dep_ == "dobj"]
        ok = any(o.lemma_.lower() in REACH_OBJECTS or o.pos_ == "PROPN" for o in objs)
        return "advance" if ok else None
    if lemma == "dead" and token.pos_ != "ADJ":
        return None
    return etype


def _np(token: Token) -> str:
    return " ".join(t.text for t in token.subtree)


def _from_an_agreement(token: Token) -> bool:
    """'withdrew from the grain deal', 'withdrawal from the treaty': politics, not the front."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            if any(o.dep_ == "pobj" and o.lemma_.lower() in AGREEMENTS for o in prep.children):
                return True
    return False


def weapon_in_clause(trigger: Token) -> bool:
    """A weapon word among the trigger's own clause ("attacked Kharkiv with glide bombs")."""
    lo, hi = line_bounds(trigger)
    return any(
        MODES.get(t.lower_) or t.lemma_.lower() in WEAPONS for t in clause_words(trigger) if lo <= t.i < hi
    )


def mode_of(trigger: Token) -> str | None:
    """drone / artillery / missile / air, from the weapon words nearest the trigger in its line
    (a sentence the parser ran across a line break ends at the break)."""
    best: tuple[int, str] | None = None
    lo, hi = line_bounds(trigger)
    for t in trigger.doc[lo:hi]:
        mode = MODES.get(t.lower_)
        if mode and (best is None or abs(t.i - trigger.i) < best[0]):
            best = (abs(t.i - trigger.i), mode)
    return best[1] if best else None


def actor_side(trigger: Token) -> Side | None:
    """The side acting: the trigger's own modifiers ('Russian offensive'), its subject, the sentence."""
    for child in trigger.children:
        if child.dep_ in ("amod", "poss", "compound", "nmod", "agent"):
            side = side_of_text(" ".join(t.text for t in child.subtree))
            if side:
                return side
    subj = subject_of(trigger if trigger.pos_ == "VERB" else trigger.head)
    if subj is not None and subj.i != trigger.i:
        side = side_of_text(" ".join(t.text for t in subj.subtree))
        if side:
            return side
    return side_of_text(trigger.sent.text)


def target_side(trigger: Token) -> Side | None:
    """The side struck or attacked: 'on Ukraine', 'against Russian positions'."""
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "against", "at"):
            side = side_of_text(" ".join(t.text for t in prep.subtree))
            if side:
                return side
    return None


# ---- the component ---------------------------------------------------------------------------

#: Statuses of one event: an advance a side claims and a source reports is one advance, not two
#: (denials and forecasts stay apart: they say something else about it).
SAME_EVENT = {"claimed": "reported"}
#: The countries where the war's events happen (sitrep records the Russo-Ukrainian war): a
#: trigger placed elsewhere ("deaths in Gaza", "tankers seized in the Atlantic" by France) is
#: other news. Places without a country (seas, unplaced villages) are kept.
THEATRE = ("UA", "RU", "BY")


def find_events(doc: Doc, *, theatre: tuple[str, ...] = THEATRE) -> list[Event]:
    """Every event in `doc`, one per (type, place, status), in the order of first mention.

    Triggers that report nothing that happened (background, capability, demands, held ground:
    see occurrence.py) are left out, and so are places outside `theatre`.
    """
    doc._.event_triggers = {}  # fresh on every run over the doc
    now = article_now(doc)
    mentions = place_mentions(doc)
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    times = [
        (t, doc.char_span(t.spans[0].start, t.spans[0].end, alignment_mode="expand"))
        for t in items_of(doc, "times")
        if t.spans
    ]
    seen: dict[tuple[str, str, str], int] = {}
    events: list[Event] = []
    for i in positions(doc, LEMMA, _trigger_hashes(doc)):
        token = doc[i]
        if token.i in by_token:
            continue
        etype = trigger_type(token)
        if etype is None:
            continue
        places, how = place_for(token, mentions, by_token, etype=etype)
        places = [p for p in places if p.country is None or p.country in theatre]
        if not places or not_an_occurrence(token, now=now) is not None:
            continue
        st = status_of(token)
        side = actor_side(token)
        covering = covering_claims(doc, token)
        if st.status == "reported":
            # Moscow's word on its own successes is a claim, not a report (ISW, Reuters style).
            st.status = claim_status(covering) or (
                "claimed" if st.ru_source and side in ("RU", None) else "reported"
            )
        time = _time_of(token, times)
        for place in places:
            key = (etype, place.name.lower(), SAME_EVENT.get(st.status, st.status))
            if key in seen:
                # keep every mention's syntax: a forecast first seen as an "if" clause may recur as one
                _annotations(doc)[seen[key]].append((token.i, st))
                first = events[seen[key]]
                if st.status == "reported" and first.status == "claimed":
                    # one event, claimed by a side and reported as fact: the report stands
                    events[seen[key]] = first.model_copy(update={"status": "reported"})
                continue
            seen[key] = len(events)
            events.append(
                Event(
                    id=f"e{len(events) + 1}",
                    type=etype,
                    place=place.name,
                    status=st.status,
                    actor_side=side,
                    target_side=target_side(token),
                    mode=mode_of(token) if etype == "strike" else None,
                    time=time,
                    condition=st.condition if st.status == "forecast" else None,
                    claim=covering[0][0] if covering else None,
                    spans=[span_of(token.sent), span_of(doc[token.i : token.i + 1])],
                    extractor=EXTRACTOR,
                )
            )
            _annotations(doc)[len(events) - 1] = [(token.i, st)]
    return events


def _annotations(doc: Doc) -> dict:
    """Per-event syntax the forecasts component reuses (trigger index, status), kept off the record."""
    return doc._.event_triggers


def _time_of(trigger: Token, times: list) -> str | None:
    """The id of the time expression in the trigger's clause, or else nearest in its sentence."""
    sent = trigger.sent
    in_sent = [(t, span) for t, span in times if span is not None and sent.start <= span.start < sent.end]
    if not in_sent:
        return None
    subtree = {t.i for t in trigger.subtree} | {t.i for t in trigger.head.subtree}
    inside = [(t, span) for t, span in in_sent if span.start in subtree]
    pool = inside or in_sent
    best = min(pool, key=lambda pair: abs(pair[1].start - trigger.i))
    return best[0].id


class EventFinder:
    def __init__(self, nlp: Language, name: str, *, theatre: tuple[str, ...] = THEATRE) -> None:
        self.name = name
        self.theatre = tuple(theatre)

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = find_events(doc, theatre=self.theatre)
        return doc


@Language.factory(
    "sitrep_events",
    default_config={"theatre": list(THEATRE)},
    assigns=["doc._.events", "doc._.event_triggers"],
    requires=[
        "token.lemma",
        "token.dep",
        "token.tag",
        "doc.sents",
        "doc.ents",
        "doc._.places",
        "doc._.times",
        "doc._.claims",
    ],
)
def make_event_finder(nlp: Language, name: str, theatre: list[str]) -> EventFinder:
    return EventFinder(nlp, name, theatre=tuple(theatre))
