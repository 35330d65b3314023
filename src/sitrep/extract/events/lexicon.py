"""Curated cue lexicons for events, status and forecasts, and the syntax helpers that read them.

The event types and their cue verbs follow the categories of PLOVER (ASSAULT, COERCE,
MOBILIZE, RETREAT, … — Open Event Data Alliance, PLOVER codebook 2021) and ACLED's event
types (Battles, Explosions/Remote violence, Strategic developments — ACLED codebook 2023),
narrowed to what war reporting on a front line says; docs/events.md gives the mapping.
Status cues (reporting, claiming, denying, modal and future verbs) follow FactBank's
event-factuality cues (Saurí & Pustejovsky 2009) and PLOVER's `context`/`mode` fields.

    >>> side_of_text("Russian troops")
    'RU'
"""

from __future__ import annotations

from typing import cast

from spacy.attrs import ORTH, SPACY
from spacy.tokens import Doc, Token

from ...lexicons import lexicon
from ...models import EventType, Side

#: This module's word lists, read from src/sitrep/lexicons/en/ (see that package's docstring).
LEX = lexicon("en")

# ---- event triggers: lemma → event type (nouns and verbs alike) ----------------------------
# The curated lemmas, then the nouns WordNet derives from them ("infiltration", "abandonment").
TRIGGERS: dict[str, EventType] = cast(
    "dict[str, EventType]", LEX.table("events/triggers_derived") | LEX.table("events/triggers")
)

# Lemmas that trigger only as one part of speech (the other use is not an event).
NOUN_ONLY = {
    "loss",
    "losses",
    "occupation",
    "pocket",
    "offensive",
    "gain",
    "progress",
    "casualty",
    "death",
    "injury",
    "fighting",
    "battle",
    "combat",
    "siege",
    "barrage",
    "volley",
    "salvo",
}
VERB_ONLY = {
    "control",
    "push",
    "hit",
    "pound",
    "target",
    "buzz",
    "storm",
    "occupy",
    "shell",
    "surround",
    "abandon",
    "die",
    "flee",
    "deploy",
    "strengthen",
    "regroup",
}
# "fall" captures only with a place as subject or in "the fall of X"; "loss of X" likewise.
# Phrasal captures that a single lemma cannot carry: "take (control of) X", "take X".
# What a military advance covers as its object ("advanced 5 km", "advanced their positions");
# any other object means "promote" ("advancing efforts to end the war").
ADVANCE_OBJECTS = {
    "km",
    "kilometer",
    "kilometre",
    "mile",
    "meter",
    "metre",
    "position",
    "line",
    "front",
    "way",
}
# What "strike"/"hit" take when they are not an attack ("struck a bellicose tone", "hit a record").
NOT_TARGETS = {
    "tone",
    "note",
    "chord",
    "deal",
    "agreement",
    "balance",
    "bargain",
    "compromise",
    "pose",
    "record",
}
# What one reinforces or strengthens when it is no troops ("reinforce the fact", "strengthen ties").
ABSTRACT = LEX.words("events/abstract_objects")
# What one withdraws from in politics, not on the front ("withdrew from the grain deal").
AGREEMENTS = {
    "deal",
    "agreement",
    "treaty",
    "accord",
    "pact",
    "talks",
    "negotiation",
    "initiative",
    "convention",
    "race",
    "election",
    "market",
    "programme",
    "program",
    "organization",
    "council",
}
# What "reach" takes when troops advance ("reached the outskirts"), besides a place's name.
REACH_OBJECTS = {
    "outskirts",
    "outskirt",
    "border",
    "river",
    "bank",
    "edge",
    "centre",
    "center",
    "suburb",
    "approach",
}
TAKE_OBJECTS = {"control", "village", "city", "town", "settlement", "position", "positions"}

# Weapons that make a strike, and the mode each gives (ACLED sub-event types:
# "Air/drone strike", "Shelling/artillery/missile attack").
MODES: dict[str, str] = LEX.table("events/modes")
WEAPONS = {"drone", "artillery", "missile", "rocket", "uav", "shahed", "mortar", "bomb"}

# ---- status cues ---------------------------------------------------------------------------
SPEECH = LEX.words("verbs_of_saying", "status-report")
CLAIM = LEX.words("verbs_of_saying", "status-claim")
DENY = LEX.words("verbs_of_saying", "status-deny")
# Holding an expectation: the event they govern lies ahead (FactBank: "predictive" sources).
EXPECT = LEX.words("verbs_of_saying", "status-expect")
MODALS = {"will", "would", "could", "may", "might", "shall", "can", "should", "must", "'ll", "wo", "ca"}
HEDGES = LEX.words("hedges", "event")
NEGATIONS = LEX.words("negation")
CONDITION_MARKS = {"if", "unless"}

# ---- sides ---------------------------------------------------------------------------------
RU_WORDS = frozenset(w for w, side in LEX.table("sides", ("UA", "RU"), tag="event").items() if side == "RU")
UA_WORDS = frozenset(w for w, side in LEX.table("sides", ("UA", "RU"), tag="event").items() if side == "UA")
ANAPHORS = {"city", "town", "village", "settlement", "area", "there", "direction", "sector", "region"}


def side_of_text(text: str) -> Side | None:
    """'RU' or 'UA' when the words name one side only (demonyms, capitals, leaders)."""
    words = {w.strip(".,'’\"").lower() for w in text.replace("’s", "").replace("'s", "").split()}
    ru, ua = bool(words & RU_WORDS), bool(words & UA_WORDS)
    return "RU" if ru and not ua else "UA" if ua and not ru else None


def subject_of(token: Token) -> Token | None:
    """The nominal subject of `token`'s clause, following xcomp/conj up to the verb that has one."""
    node = token
    for _ in range(4):
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass", "agent"):
                return child
        # "X is likely to fall": through the predicate adjective ("acomp") to the copula's subject
        if node.dep_ in ("xcomp", "conj", "advcl", "relcl", "acl", "acomp") and node.head is not node:
            node = node.head
        else:
            return None
    return None


def phrase(token: Token, *, limit: int = 8) -> str:
    """The token's noun phrase (its left modifiers and compounds), at most `limit` tokens."""
    left = [t for t in token.lefts if t.dep_ in ("compound", "amod", "det", "poss", "nmod", "nummod")]
    start = min([t.left_edge.i for t in left] + [token.i])
    end = token.i + 1
    of = [c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"]
    if of:
        end = max(end, of[0].right_edge.i + 1)
    start = max(start, end - limit)
    doc = token.doc
    # a phrase never runs over a line break (headlines and captions sit on lines of their own)
    for t in doc[start:end]:
        if "\n" in t.text_with_ws and t.i < token.i:
            start = t.i + 1
        elif "\n" in t.text_with_ws and t.i >= token.i:
            end = t.i + 1
            break
    span = doc[start:end]
    return span.text.strip().removeprefix("the ").removeprefix("The ")


# Common nouns that can hold a view or say something: people, their roles and their bodies
# (the speaker roles of war reporting; cf. the SOURCE roles of FactBank). "No evidence" or
# "troop deployments" as a verb's subject are not holders.
HOLDER_NOUNS = LEX.words("events/holder_nouns")
NOT_HOLDERS = {
    "it",
    "this",
    "that",
    "there",
    "which",
    "what",
    "who",
    "whom",
    "you",
    "few",
    "many",
    "some",
    "all",
    "none",
}


def agentive(subj: Token) -> bool:
    """A subject that can hold a view: a name, a personal pronoun, or a person's or body's noun."""
    if subj.lower_ in NOT_HOLDERS:
        return False
    if subj.pos_ in ("PROPN", "PRON") or subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    return subj.lemma_.lower() in HOLDER_NOUNS


def holder_of(token: Token) -> tuple[Token | None, Token | None]:
    """The (cue, holder) of the nearest speech, claim, denial or expectation governing `token`."""
    cues = SPEECH | CLAIM | DENY | EXPECT
    for node in token.ancestors:
        if node.lemma_.lower() in cues and node.pos_ in ("VERB", "AUX", "NOUN"):
            subj = subject_of(node)
            if subj is None and node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
                subj = node.head
            if subj is not None and agentive(subj):
                return node, subj
    # "according to X": the source is the object of the preposition
    for tok in token.sent:
        if tok.lower_ == "according" and tok.i + 2 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            objs = [c for c in tok.nbor(1).children if c.dep_ == "pobj"]
            if objs:
                return tok, objs[0]
    return None, None


def doc_text(doc: Doc) -> str:
    """``doc.text``, rebuilt from the token arrays and kept: ``Doc.text`` makes a Token per word."""
    cached = doc.user_data.get("sitrep_text")
    if cached is None:
        strings = doc.vocab.strings
        cached = "".join(
            strings[orth] + (" " if space else "") for orth, space in doc.to_array([ORTH, SPACY]).tolist()
        )
        doc.user_data["sitrep_text"] = cached
    return cached
