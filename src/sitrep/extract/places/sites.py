"""Sites: streets, buildings and businesses an article names, and where to put them.

GeoWebNews counts them as toponyms (Literal, and Coercion for a business where something
happens); the gazetteer rarely knows them. They are found by their words ("Buckland
Elementary", "Hrushevsky railway station", "Hotel Kyjev", "Bourbon and Dauphine streets",
"dinner at Black Sheep") and placed in the article's town (`feature: "local"`), not at a
namesake elsewhere ("Marigny Canal" is not in Marigny, Normandy). docs/gazetteer.md has the rules.

    >>> poi_run(doc, i, gaz)  # doctest: +SKIP
    Buckland Elementary
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ...geo import Entry, Gazetteer
from ...lexicons import lexicon
from ..base import POSSESSIVE
from .geocoding import AREA_FEATURES, Candidate, near

#: This module's word lists, read from src/sitrep/lexicons/en/ (see that package's docstring).
LEX = lexicon("en")

# Last words of organisation names that are buildings or sites (GeoWebNews counts them as toponyms).
POI_HEADS = LEX.words("places/poi_heads")

# Nouns of people: "a fellow at the Atlantic Council" names an employer, not a location.
ROLE_NOUNS = LEX.words("places/role_nouns")
NOT_VENUES = {
    "DATE",
    "TIME",
    "EVENT",
    "CARDINAL",
    "ORDINAL",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "NORP",
    "LAW",
    "LANGUAGE",
}


def venue(doc: Doc, i: int, gaz: Gazetteer) -> SpacySpan | None:
    """A business or institution named as the place where something happens: "dinner at Black Sheep",
    "queued at the Shell station", "walk to the Co-op", "The Arcade at Riverside". Not after a person ("a fellow at Chatham House", "John Smith at Reuters")."""
    tok = doc[i]
    j = i - 1 if i and doc[i - 1].lower_ != "the" else i - 2
    if j < 0 or doc[j].lower_ not in {"at", "to"}:
        return None
    # The tagger calls a one-word shop name NORP now and then; a demonym ("the Russian …") is never a venue.
    if tok.ent_type_ in NOT_VENUES and not (tok.ent_type_ == "NORP" and not gaz.demonym(tok.text)):
        return None
    prep = doc[j]
    if prep.lower_ == "to" and prep.head.lemma_ not in {"walk", "drive", "go", "move", "travel", "come"}:
        return None
    head = prep.head
    if head.pos_ not in {"VERB", "NOUN", "PROPN"} or head.lower_ in ROLE_NOUNS or head.ent_type_ == "PERSON":
        return None
    end = i + 1
    if tok.ent_iob_ == "B":
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    else:
        while end < len(doc) and end - i < 4 and doc[end].is_title and not doc[end].is_sent_start:
            end += 1
    span, root = doc[i:end], doc[i:end].root
    object_of = root.head.head if root.dep_ == "compound" else root.head  # "at the Lukoil gas station"
    return span if object_of.i == j else None


# Lower-case words for buildings and sites after a name ("Pokrovsk railway station", "Sheikh Akil
# graveyard"), words that open one ("Hotel Kyjev"), and plural street words after a list of names
# ("Bourbon and Dauphine streets", "the Chartres/Franklin intersection").
SITE_NOUNS = LEX.words("places/site_nouns")
SITE_OPENERS = {"Hotel", "Rue", "Camp", "Cafe", "Café", "Faubourg", "Avenue", "Boulevard", "Quai", "Vulytsia"}
PARTICLES = {"de", "du", "des", "la", "le", "les", "di", "del", "della", "von", "van"}


def particle(word: str) -> bool:
    """A lower-case particle inside a French, Italian, German or Dutch name: "Rue d’Enghein"."""
    return word in PARTICLES or word[:2] in {"d’", "d'"}


CENTRE_KINDS = LEX.words("places/centre_kinds")
NAMED_AFTER_ELSEWHERE = {"Hotel", "Cafe", "Café"}  # "Hotel Moskva", "Cafe Vienna": not where they are
STREET_LISTS = {"streets", "avenues", "roads", "boulevards", "intersection", "corner"}


def with_site_word(span: SpacySpan) -> SpacySpan | None:
    """The entity and the word for a building or site right after it: "St. Peter's Basilica"."""
    doc, j = span.doc, span.end
    if j < len(doc) and doc[j].text in POSSESSIVE:
        j += 1
    return doc[span.start : j + 1] if j < len(doc) and doc[j].text in POI_HEADS else None


# "The Orthodox Church", "the Greek Catholic Church": a denomination, not a building.
DENOMINATIONS = set(
    "Orthodox Catholic Adventist Baptist Methodist Lutheran Anglican Evangelical Apostolic Pentecostal "
    "Protestant Reformed Presbyterian Episcopal".split()
)


def institution(span: SpacySpan, gaz: Gazetteer) -> bool:
    """A body named like a building: "the Ukrainian Orthodox Church", "the Greek Catholic Church"
    (a denomination and its peoples only; "Third Presbyterian Church" is a building)."""
    words = [t.text for t in span[:-1] if t.lower_ != "the"]
    return (
        len(span) > 1
        and span[-1].text == "Church"
        and any(w in DENOMINATIONS for w in words)
        and all(w in DENOMINATIONS or gaz.demonym(w) for w in words)
    )


def poi_run(
    doc: Doc, i: int, gaz: Gazetteer, english: frozenset[str] = frozenset(), *, max_len: int = 6
) -> SpacySpan | None:
    """A capitalised name of a building or site, by its last or first word: "Buckland Elementary",
    "Marjory Stoneman Douglas High School", "Kerch bridge", "Hotel Kyjev" (whatever label the parser
    gave). A name opening with a demonym ("Russian church") is no site's name."""
    if doc[i].lower_ == "the":
        i += 1
    opener = i < len(doc) and doc[i].text in SITE_OPENERS
    end = i
    while (
        end < len(doc)
        and end - i < max_len
        and (doc[end].is_title or (opener and end > i and particle(doc[end].text)))
        and (end == i or not doc[end].is_sent_start)
    ):
        end += 1
    while opener and end > i + 1 and doc[end - 1].text in PARTICLES:
        end -= 1  # "Rue de" is no name
    if end == i or doc[i].ent_type_ in NOT_VENUES or gaz.demonym(doc[i].text):
        return None
    # "Hrushevsky railway station": the site word, or a word and the site word, in lower case.
    for tail in (1, 2):
        last = end + tail - 1
        if (
            last < len(doc)
            and doc[last].lower_ in SITE_NOUNS
            and all(t.is_lower for t in doc[end : last + 1])
        ):
            # One ordinary word is no name: "Steel plant", "Whilst market" opening a sentence.
            one_word = end - i == 1 and (doc[i].lower_ in english or doc[i].is_sent_start)
            return None if one_word else doc[i : last + 1]
    # The whole run must end there: "Wall Street Journal" is a newspaper.
    if end - i > 1 and (doc[end - 1].text in POI_HEADS or doc[i].text in SITE_OPENERS):
        return None if institution(doc[i:end], gaz) else doc[i:end]
    # "Haymarket Village Center", "Kharkiv Detention Centre": a centre of a kind that is a place
    # ("the Wilson Center", a think tank, is not).
    if end - i > 2 and doc[end - 1].text in {"Center", "Centre"} and doc[end - 2].text in CENTRE_KINDS:
        return doc[i:end]
    # "Museum of Ice Cream", "Cathedral of Christ the Saviour": the site word, then "of" and a name.
    if doc[end - 1].text in POI_HEADS and end + 1 < len(doc) and doc[end].lower_ == "of":
        tail = end + 1 + (doc[end + 1].lower_ == "the")
        stop = tail
        while stop < len(doc) and stop - tail < max_len and doc[stop].is_title:
            stop += 1
        if stop > tail:
            return doc[i:stop]
    return None


def street_list(doc: Doc, i: int, *, max_len: int = 8) -> list[SpacySpan]:
    """The names before a plural street word: "Bourbon and Dauphine streets", "Chartres/Franklin intersection"."""
    names, j = [], i
    while j < len(doc) and j - i < max_len:
        tok = doc[j]
        if tok.is_title and tok.ent_type_ not in NOT_VENUES:
            names.append(doc[j : j + 1])
        elif tok.text not in {",", "and", "/", "&"}:
            break
        j += 1
    if j < len(doc) and doc[j].lower_ in STREET_LISTS and len(names) > 1:
        return names
    return []


def misplaced(cand: Candidate, entry: Entry, towns: Sequence[Entry], anchors: Sequence[Entry]) -> bool:
    """Whether a street or building is not where its gazetteer entry is, given the towns it may be in
    (the one its sentence names, the article's): "Marigny Canal" is not in Marigny, Normandy, nor
    "Washington Square" in Philadelphia, nor "Sheikh Akil graveyard" in Akil, Mexico; one placed at
    its state is better placed at a town in that state ("the Illinois State Armory" in a Chicago
    story). "Haymarket Village Center" next to the article's Gainesville stays in Haymarket."""
    if not is_local(cand) or not (cand.approximate or cand.span[-1].text in POI_HEADS):
        return False
    if cand.span[0].text in NAMED_AFTER_ELSEWHERE:  # "Hotel Kyjev" is in Bratislava, not in Kyiv
        return bool(towns) and not any(near(entry, t) for t in towns)
    if entry.feature in AREA_FEATURES:
        return any(inside(t, entry) for t in towns)
    if entry.id < 0 or entry.feature not in {"town", "village", "local"}:
        return False
    if towns:
        return not any(near(entry, t) for t in towns)
    return not any(near(entry, a) or inside(entry, a) for a in anchors)


def site_town(entry: Entry | None, towns: Sequence[Entry]) -> Entry | None:
    """Of the towns a site may be in, the one inside its entry's region if any, else the first."""
    if entry is not None and entry.feature in AREA_FEATURES:
        return next((t for t in towns if inside(t, entry)), towns[0] if towns else None)
    return towns[0] if towns else None


def inside(entry: Entry, area: Entry) -> bool:
    """The entry lies in the region the area is ("Immokalee" in Florida)."""
    return (
        area.id < 0 and area.feature in AREA_FEATURES and (entry.cc, entry.admin1) == (area.cc, area.admin1)
    )


def is_local(cand: Candidate) -> bool:
    """Streets, buildings and the article's own county or township ("Morris County", unknown to
    cities500): they sit in the article's town. So does an unknown name built on a small place's
    name ("Le Bernardin", a restaurant, is not in Bernardin, Austria)."""
    span = cand.span
    return (
        cand.site
        or span.root.ent_type_ in {"FAC", "LOC"}
        or span[-1].text in POI_HEADS
        or (len(span) > 1 and span[-1].lower_ in {"county", "township", "parish"})
        or (cand.approximate and cand.chosen is not None and cand.chosen.feature in {"town", "village"})
    )
