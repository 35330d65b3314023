"""Places: toponyms resolved against the offline gazetteer, one item per place with all its mentions.

sitrep.places/7 assembles the items: candidates.py finds every mention that may be a place
(spaCy's entities, mis-tagged names where the syntax says "place", "Parkland, Florida",
adjectives such as "Syrian army", and the streets, buildings and businesses of sites.py);
geocoding.py scores each candidate's gazetteer entries (own name, the state written after it,
the article's countries, named regions, nearby places, population); neighbours.py checks
villages against the place written in brackets next to them, anchors.py every place against
its own relation to a town or region (outranking population), and coherence.py against their
clause's town, the front sector named, their sentence's places and the article's front. Here the mentions of one place
become one item, sites are placed in their town, a toponym used for a government ("Kyiv
denies", "Moscow's claim", "the Kremlin") is marked ``literal=False`` (metonymy.py), and
relative locations ("3 km south of Pokrovsk") are kept on their anchor.

    >>> doc = nlp("Fighting continues near Pokrovsk in the Donetsk region.")  # doctest: +SKIP
    >>> [(p.name, p.country) for p in doc._.places]  # doctest: +SKIP
    [('Pokrovsk', 'UA'), ('Donetsk region', 'UA')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from ...geo import Entry, Gazetteer, get_gazetteer, name_key
from ...models import Place, RelativeLocation, Span
from ..base import ensure_doc_extension, extractor_id, span_of
from .anchors import settle_by_anchors
from .candidates import TOWNS, adjective_candidates, find_candidates
from .coherence import settle_in_context
from .geocoding import WORLD, Candidate, local_fallback, near, resolve
from .metonymy import after_scene_preposition, is_metonym, is_scene, literal_item
from .neighbours import settle_by_neighbours
from .sites import (
    is_local,
    misplaced,
    site_town,
)

NAME = "places"
VERSION = 7
EXTRACTOR = extractor_id(NAME, VERSION)
_RELATIVE = re.compile(
    r"(?P<dist>\d+(?:[.,]\d+)?\s*(?:km|kilometres|kilometers|miles|mi)\s+)?"
    r"(?:(?P<dir>(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?)\s+(?:of\s+)?"
    r"|(?P<rel>on the outskirts of|the outskirts of|outskirts of|outside|near|close to|just off|around)\s+)$",
    re.IGNORECASE,
)


def relative_of(cand: Candidate, text: str) -> list[RelativeLocation]:
    """'3 km south of Pokrovsk', 'on the outskirts of Pokrovsk': the words right before the mention.

    `text` is the article text (``doc.text`` rebuilds it from the tokens on every access).
    """
    start = max(0, cand.span.start_char - 60)
    before = text[start : cand.span.start_char]
    m = _RELATIVE.search(before)
    if not m:
        return []
    begin = start + m.start()
    distance = None
    if m.group("dist"):
        number, unit = re.match(r"([\d.,]+)\s*(\w+)", m.group("dist")).groups()  # type: ignore[union-attr]
        distance = float(number.replace(",", ".")) * (1.609 if unit.lower().startswith("mi") else 1.0)
    direction = m.group("dir")
    relation = (
        "direction"
        if direction
        else (m.group("rel") or "").lower().replace("on the ", "").replace("the ", "")
    )
    if direction:
        direction = direction.lower().removesuffix("ern")
    span = Span(start=begin, end=cand.span.end_char, text=text[begin : cand.span.end_char])
    return [
        RelativeLocation(
            text=span.text, relation=relation or "near", direction=direction, distance_km=distance, span=span
        )
    ]


def find_places(
    doc: Doc, gaz: Gazetteer | None = None, *, english: frozenset[str] = frozenset()
) -> list[Place]:
    """Every place the article names, resolved, with all its mentions.

    `english` holds lower-case English words (the lemmatizer's index): single capitalised words
    found by syntax alone are dropped when they are ordinary words.
    """
    gaz = gaz or get_gazetteer()
    text = doc.text
    candidates = find_candidates(doc, gaz, english)
    resolve(candidates, doc, gaz, english)
    candidates = confirmed(candidates)
    settle_by_neighbours(candidates, doc)
    for c in candidates:
        c.relative = relative_of(c, text)
    # A place's own relation to a town or region outranks its namesakes' populations.
    settle_by_anchors(candidates, doc)
    settle_in_context(candidates, doc)
    # Again for names placed at a neighbour that coherence moved ("Sereda (northeast of Zelene)").
    settle_by_neighbours(candidates, doc, placed_only=True)
    # A name the gazetteer lacks that neither its clause nor its list placed is no place.
    candidates = [c for c in candidates if not c.unknown or c.placed_at is not None]
    taken = {i for c in candidates for i in range(c.span.start, c.span.end)}
    candidates += adjective_candidates(doc, gaz, taken)
    for c in candidates:
        # GeoWebNews Embedded_Non_Lit: a toponym in an organisation's name stands for it, unless a
        # scene preposition precedes it (a run-on heading the tagger read as a name: "into X Oblast Russian forces").
        c.metonym = (c.in_org and not after_scene_preposition(c.span)) or is_metonym(c.span, c.chosen)
        if c.adjective:
            c.relative = relative_of(c, text)
    fallback = local_fallback(*group(candidates, None, provisional=True))
    anchors = [
        c.chosen for c in candidates if c.chosen and not c.approximate and c.chosen.feature not in WORLD
    ]
    groups, local = group(candidates, fallback, anchors)
    places = []
    for key, cands in groups.items():
        # A folded-in adjective ("Russian forces" next to "Russia") neither names nor judges the item.
        voters = [c for c in cands if not c.adjective] or cands
        # Named as first written where it is a place, not where it names a body ("Virginia Gateway").
        first = next((c for c in voters if not c.metonym), voters[0])
        entry = first.chosen
        metonyms = sum(c.metonym for c in voters)
        # Named once as the scene ("fighting in Ukraine"): a place, however often it also acts.
        scene = any(not c.metonym and not c.adjective and is_scene(c.span) for c in voters)
        # A street or building sits in the town its sentence names, else in the article's town.
        towns = [t for t in (town_in_sentence(first, candidates), fallback) if t is not None]
        if key not in local:
            towns = [fallback] if fallback else []
        if entry is not None and misplaced(first, entry, towns, anchors):
            entry = None
        # Unknown to the gazetteer and one word, or no capital letter ("veranda", "більшу"): a
        # tagger's guess, placed nowhere, not even in the article's town, unless it is a street.
        guess = (
            entry is None
            and first.placed_at is None
            and ((len(first.span) == 1 and not first.site) or first.name.islower())
        )
        if guess:
            continue
        base = entry or first.placed_at or (site_town(first.chosen, towns) if key in local else None)
        places.append(
            Place(
                name=first.name,
                canonical=entry.name if entry else None,
                geonameid=entry.geonameid if entry else None,
                lat=base.lat if base else None,
                lon=base.lon if base else None,
                country=base.cc if base else None,
                region=base.region if base else None,
                feature=entry.feature if entry else ("local" if base else None),
                literal=literal_item(metonyms, len(voters), scene=scene),
                anchor_of=[r.text for c in cands for r in c.relative],
                relative=[r for c in cands for r in c.relative],
                spans=[span_of(c.span) for c in sorted(cands, key=lambda c: c.span.start)],
                extractor=EXTRACTOR,
            )
        )
    return places


def town_in_sentence(cand: Candidate, candidates: list[Candidate]) -> Entry | None:
    """The town named nearest to the candidate in its sentence: "A Museum of Modern Art reopens
    on Park Avenue in Miami Beach", in an article that also tells of Tacoma."""
    sent = cand.span.sent
    towns = [
        c
        for c in candidates
        if c is not cand
        and sent.start <= c.span.start < sent.end
        and c.chosen is not None
        and c.chosen.feature in TOWNS
        and not (c.approximate or c.tentative or c.adjective or is_local(c))
    ]

    def gap(c: Candidate) -> tuple[int, int]:
        # Words between them; on a tie the town after it ("Le Bernardin in New York").
        after = c.span.start >= cand.span.end
        return (c.span.start - cand.span.end if after else cand.span.start - c.span.end), 0 if after else 1

    closest = min(towns, key=gap, default=None)
    return closest.chosen if closest else None


def confirmed(candidates: list[Candidate]) -> list[Candidate]:
    """Without the tentative candidates that did not resolve next to another place of the article."""
    # Next to a town, not merely inside a state's box ("Prince Bishop", a horse, is no Bishop, California).
    placed = [c.chosen for c in candidates if c.chosen and not c.tentative and c.chosen.feature in TOWNS]
    return [
        c
        for c in candidates
        if not c.tentative
        or (c.chosen is not None and any(near(c.chosen, p) for p in placed if p.id != c.chosen.id))
    ]


def group(
    candidates: list[Candidate],
    fallback: Entry | None,
    anchors: Sequence[Entry] = (),
    *,
    provisional: bool = False,
) -> tuple[dict[object, list[Candidate]], set[object]]:
    """Candidates by the place they name, and the keys of the groups that are streets or buildings.

    `provisional`: grouping to find the article's town, every approximation apart.
    """
    groups: dict[object, list[Candidate]] = {}
    nouns = {c.chosen.id for c in candidates if c.chosen and not c.adjective}
    for c in candidates:
        # A site placed at its state ("Florida Atlantic University" at Florida) is not that state, nor
        # one placed at a village far from the article's town; one at its town is the town's
        # ("the Votkinsk Machine Building Plant").
        apart = (
            c.approximate
            and c.chosen is not None
            and (
                provisional
                or c.chosen.feature not in TOWNS
                or misplaced(c, c.chosen, [fallback] if fallback else [], anchors)
            )
        )
        key: object = c.chosen.id if c.chosen and not apart else name_key(c.name)
        if c.adjective and key not in nouns:
            key = ("adjective", key)  # "Syrian" is its own item unless the article names Syria
        groups.setdefault(key, []).append(c)
    return groups, {key for key, cands in groups.items() if is_local(cands[0])}


def english_words(nlp: Language) -> frozenset[str]:
    """Lower-case English words from the pipeline's lemmatizer tables (empty when it has none)."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or "lemma_index" not in lookups.tables:
        return frozenset()
    return frozenset(w for words in lookups.get_table("lemma_index").values() for w in words)


class PlaceFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.english = english_words(nlp)

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = find_places(doc, english=self.english)
        return doc


ensure_doc_extension(NAME)


@Language.factory(
    "sitrep_places",
    assigns=["doc._.places"],
    requires=["token.lemma", "token.dep", "token.tag", "doc.sents", "doc.ents"],
)
def make_place_finder(nlp: Language, name: str) -> PlaceFinder:
    return PlaceFinder(nlp, name)
