"""Actors: named people and organisations with their side, and the governments that metonyms name.

sitrep.actors/3: spaCy's PERSON and ORG entities, merged so that a later short mention
("Zelensky") joins the fullest earlier one ("President Volodymyr Zelensky"); entities that
the places component took for a place ("Pokrovsk" tagged PERSON) are left out. The side
comes from the words around a mention ("Ukrainian President …", "Russia's Defense
Ministry", "Dmitry Peskov, the Kremlin spokesman"), from the name itself ("Armed Forces
of Ukraine"), or from a small curated table of officials (src/sitrep/data/actors.csv, each
row with its source). Places used as metonyms ("Kyiv denies", "the Kremlin said") join as
actors of kind ``government`` with the side of their country.

    >>> [(a.name, a.side) for a in nlp("Russian President Vladimir Putin spoke.")._.actors]  # doctest: +SKIP
    [('Vladimir Putin', 'RU')]
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path
from typing import cast

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ...geo import name_key
from ...lexicons import lexicon
from ...models import Actor, Place, Side
from ...outlets import load_outlets
from ..base import ensure_doc_extension, extractor_id, items_of, spans_of
from ..places.places import english_words

#: This module's word lists, read from src/sitrep/lexicons/en/ (see that package's docstring).
LEX = lexicon("en")

NAME = "actors"
VERSION = 3
EXTRACTOR = extractor_id(NAME, VERSION)
KINDS = {"PERSON": "person", "ORG": "organisation"}
CURATED = Path(__file__).resolve().parents[2] / "data" / "actors.csv"
# Titles that spaCy sometimes folds into a PERSON entity; the name is what follows.
TITLES = {
    "president",
    "minister",
    "general",
    "gen.",
    "colonel",
    "col.",
    "commander",
    "mr",
    "mr.",
    "ms",
    "ms.",
}
# Words that give a side, in a name or next to it.
SIDE_WORDS: dict[str, Side] = cast("dict[str, Side]", LEX.table("sides", ("UA", "RU"), tag="actor"))
SIDES = {"UA", "RU"}
# Lower-case words a name may start with or hold anywhere ("Institute for the Study of War").
FUNCTION_WORDS = LEX.words("voices/function_words")
# Weapon systems the small model tags ORG or PERSON (Wikipedia: "List of military equipment
# used in the Russian invasion of Ukraine"): not actors.
WEAPONS = LEX.words("voices/weapons")
WINDOW = 4  # tokens looked at before a mention ("Russian Defense Minister Andrei Belousov")
# The press reports the story, it does not act in it: outlets, news agencies, channels and
# platforms are sources (sitrep_sources), not actors. A state agency (SBU, FSB) is an actor.
MEDIA_KINDS = {"outlet", "news agency", "channel", "platform", "osint"}

ensure_doc_extension(NAME)


@lru_cache(maxsize=1)
def media_names() -> frozenset[str]:
    """Lower-cased names and aliases of the curated media (data/outlets.csv)."""
    return frozenset(
        name.lower() for o in load_outlets() if o.kind in MEDIA_KINDS for name in (o.name, *o.aliases)
    )


def not_an_actor(name: str, mentions: list[SpacySpan], english: frozenset[str]) -> bool:
    """Media, weapons and ships by their numbers ("FP-5 Flamingo", "Project 22460 Okhotnik"), an
    ordinary word the tagger took for a name ("Fahrenheit", "Telegram"), or a Ukrainian word
    opening a sentence ("Понад", "Разом") that the English model tagged."""
    words = name.split()
    if name.lower() in media_names() or name.lower().removeprefix("the ") in media_names():
        return True
    if len(words) > 1 and any(any(c.isdigit() for c in w) for w in words):
        return True
    if len(words) == 1 and name.lower() in english:
        return True
    cyrillic = any("\u0400" <= c <= "\u04ff" for c in name)
    return len(words) == 1 and cyrillic and all(m.start == m.sent.start for m in mentions)


@lru_cache(maxsize=1)
def curated_actors(path: Path = CURATED) -> dict[str, tuple[str, Side]]:
    """Lower-cased name or alias → (kind, side), from the curated table of officials and bodies."""
    out: dict[str, tuple[str, Side]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for name in [row["name"], *row["aliases"].split("|")]:
                if name and row["side"] in SIDES:
                    out[name.lower()] = (row["kind"], row["side"])  # type: ignore[assignment]
    return out


def clean_name(ent: SpacySpan) -> str:
    words = [t for t in ent if not (t.i == ent.start and t.lower_ in TITLES)]
    text = ent.doc[words[0].i : words[-1].i + 1].text if words else ent.text
    return text.removesuffix("'s").removesuffix("’s").strip()


def looks_like_name(name: str) -> bool:
    """A name, not a phrase, a weapon or a region: capitalised words ("Armed Forces of Ukraine")."""
    words = [w for w in name.split() if any(c.isalpha() for c in w)]
    if not words or len(name) < 2:
        return False
    # Page furniture left in scraped text: links and markup ("Sports](https://…", "CookieConsent\n…").
    if any(mark in name for mark in ("](", "http", "www.", "\n", "|", "[", "]")):
        return False
    # Lower-case words: "Ukraine's foreign ministry" is a name; a Cyrillic phrase the English
    # model tagged in a Ukrainian text ("Марлз на спільній прес-конференції") is not.
    lower = [w for w in words if w[0].islower() and w.lower() not in FUNCTION_WORDS]
    if (lower and lower[0] == words[0]) or (lower and any("\u0400" <= c <= "\u04ff" for c in name)):
        return False
    first = words[0].lower()
    return (
        name.lower() not in WEAPONS and first not in WEAPONS and words[-1].lower() not in {"oblast", "region"}
    )


def same_entity(short: str, full: str) -> bool:
    """'Zelensky' is 'Volodymyr Zelensky': the words of one appear, in order, in the other."""
    s, f = short.lower().split(), full.lower().split()
    return bool(s) and any(f[i : i + len(s)] == s for i in range(len(f) - len(s) + 1))


def side_words(tokens: list) -> Side | None:
    for tok in tokens:
        side = SIDE_WORDS.get(tok.lower_)
        if side:
            return side
    return None


def side_of_mention(ent: SpacySpan) -> Side | None:
    """The side the words in, just before, or in apposition after a mention give."""
    doc = ent.doc
    side = side_words(list(ent))
    if side:
        return side
    before = []
    for tok in reversed(doc[max(ent.sent.start, ent.start - WINDOW) : ent.start]):
        if (
            tok.is_punct
            or tok.is_space
            or "\n" in tok.whitespace_
            or (tok.pos_ in {"VERB", "AUX", "ADP"} and tok.lower_ != "of")
        ):
            break
        before.append(tok)
    side = side_words(before)
    if side:
        return side
    if ent.end < len(doc) and doc[ent.end].text == ",":  # "Dmitry Peskov, the Kremlin spokesman,"
        after = []
        for tok in doc[ent.end + 1 : min(ent.sent.end, ent.end + 1 + WINDOW + 2)]:
            if tok.is_punct or tok.is_space or tok.pos_ in {"VERB", "AUX"}:
                break
            after.append(tok)
        return side_words(after)
    return None


def unit_tokens(doc: Doc) -> set[int]:
    """Token indices of unit mentions: "Jaeger Brigade" (spaCy's ORG) is a unit, not an actor."""
    out: set[int] = set()
    for unit in items_of(doc, "units"):
        for span in unit.spans:
            s = doc.char_span(span.start, span.end, alignment_mode="expand")
            if s is not None:
                out.update(range(s.start, s.end))
    return out


def place_tokens(doc: Doc) -> set[int]:
    """Token indices of place mentions: an entity there is a place (or a government, below)."""
    out: set[int] = set()
    for place in items_of(doc, "places"):
        for span in place.spans:
            s = doc.char_span(span.start, span.end, alignment_mode="expand")
            if s is not None:
                out.update(range(s.start, s.end))
    return out


def governments(doc: Doc, places: list[Place]) -> list[Actor]:
    """Metonymic places that act as governments: 'Kyiv denies', 'the Kremlin said' → side of their country.

    Only places that are the subject of a verb somewhere: "US weapons" is a metonym (GeoWebNews
    Non_Literal_Modifier) but does not make "US" an actor of the story.
    """
    out = []
    for p in places:
        if p.literal or not any(
            (s := doc.char_span(sp.start, sp.end, alignment_mode="expand")) is not None
            and s.root.dep_ in {"nsubj", "nsubjpass"}
            for sp in p.spans
        ):
            continue
        side = p.country if p.country in SIDES else None
        out.append(Actor(name=p.name, kind="government", side=side, spans=list(p.spans), extractor=EXTRACTOR))  # type: ignore[arg-type]
    return out


def find_actors(doc: Doc, english: frozenset[str] = frozenset()) -> list[Actor]:
    """People, organisations and governments named in the article, one item each, with side.

    `english` holds lower-case English words: a one-word "name" that is one is no actor.
    """
    curated = curated_actors()
    taken = place_tokens(doc) | unit_tokens(doc)
    # Names of places, wherever the tagger put them ("Chasiv Yar" tagged PERSON once more).
    places = {name_key(n) for p in items_of(doc, "places") if p.literal for n in (p.name, p.canonical) if n}
    groups: list[tuple[str, str, list[SpacySpan]]] = []  # (name, kind, mentions)
    for ent in doc.ents:
        kind = KINDS.get(ent.label_)
        # An entity that is (all but its article) a place or unit mention: "Pokrovsk" tagged PERSON,
        # "Jaeger Brigade" tagged ORG. "Armed Forces of Ukraine" only contains one, and stays.
        if kind is None or all(t.i in taken for t in ent if t.lower_ != "the"):
            continue
        name = clean_name(ent)
        if not looks_like_name(name) or name_key(name) in places:
            continue
        for i, (known, known_kind, mentions) in enumerate(groups):
            if known_kind == kind and (same_entity(name, known) or same_entity(known, name)):
                mentions.append(ent)
                if len(name) > len(known):
                    groups[i] = (name, kind, mentions)
                break
        else:
            groups.append((name, kind, [ent]))
    actors = []
    for name, kind, mentions in groups:
        if name.lower() not in curated and not_an_actor(name, mentions, english):
            continue
        kind, side = curated.get(name.lower(), (kind, None))
        side = side or next((s for m in mentions if (s := side_of_mention(m))), None)
        actors.append(Actor(name=name, kind=kind, side=side, spans=spans_of(mentions), extractor=EXTRACTOR))  # type: ignore[arg-type]
    govs = {g.name.lower(): g for g in governments(doc, items_of(doc, "places"))}
    named = {a.name.lower() for a in actors}
    return actors + [g for name, g in govs.items() if name not in named]


class ActorFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.english = english_words(nlp)

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = find_actors(doc, self.english)
        return doc


@Language.factory(
    "sitrep_actors",
    assigns=["doc._.actors"],
    requires=[
        "token.lemma",
        "token.dep",
        "token.tag",
        "doc.sents",
        "doc.ents",
        "doc._.places",
        "doc._.units",
    ],
)
def make_actor_finder(nlp: Language, name: str) -> ActorFinder:
    return ActorFinder(nlp, name)
