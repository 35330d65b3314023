"""Anchors: the places a mention is written relative to, weighed against the gazetteer's choice.

Front-line reporting locates a village by a better-known town, and that relation is the best
evidence of which namesake is meant, better than a namesake's population (a city of 50,000
four hundred kilometres away is not the "Pryluky (northwest of Huliaipole)"). Kinds of
relation, strongest first:

1. its own: a bracket after it ("Pryluky (northwest of Huliaipole)", shared by a list: "(all
   east of Huliaipole)"), an apposition ("Hai, east of Huliaipole", "Dobropillia near
   Huliaipole"), or its clause's reference town ("northwest of Huliaipole near Pryluky, Zelene
   and Hai"): the place lies within RELATION_KM of that town;
2. the region its sentence names as the scene ("In Zaporizhia Oblast, …", "… near Pryvillia in
   Donetsk Oblast"): the place lies inside it;
3. the direction (front sector) the text names ("in the Huliaipole direction", "the Dobropillia
   tactical area"), until the next one: a small place lies within DIRECTION_KM of its town.
   Weaker than the place's own sentence (coherence.py asks its list mates first).

A place chosen outside what its relation allows takes the namesake that fits (the nearest),
or, with none, is placed at its anchor as an approximation (`feature: "local"`,
docs/gazetteer.md). A town written relative to a bigger one nearby keeps its own entry
("Izium, southeast of Kharkiv"): one locates a smaller place by a bigger one.

    >>> settle_by_anchors(candidates, doc)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from ...geo import Entry, distance_km
from .geocoding import AREA_FEATURES, WORLD, Candidate, near, own_spelling
from .neighbours import neighbours_of

#: How far from its anchor a place written "north of TOWN", "(near TOWN)" lies: front-line
#: reporting anchors villages to a town a few to some 30 km away.
RELATION_KM = 45.0
#: A city's surroundings reach further: "north of Kharkiv" may be 70 km out.
CITY = 100_000
CITY_RELATION_KM = 100.0
#: How far from a direction's town the places of that front sector lie.
DIRECTION_KM = 80.0
#: Above this a town is notable enough that the gazetteer's own choice stands against a direction.
LOCAL_MAX = 20_000
#: Words that make a town the name of a front sector: "the Huliaipole direction", "axis".
SECTOR_WORDS = {"direction", "axis", "sector", "front"}
#: Characters a direction's scope runs at most (an ISW section), unless another direction starts.
DIRECTION_SCOPE = 6_000
TOWN_FEATURES = {"capital", "city", "town", "village"}


@dataclass(frozen=True)
class Anchor:
    """The place a mention is written relative to, and the kind of relation."""

    entry: Entry
    kind: str  # "own" (bracket, apposition or clause), "region" or "direction"


def _where(c: Candidate) -> Entry | None:
    """A candidate's position, if it can anchor others: a town settled by name, not a guess."""
    if c.approximate or c.tentative or c.adjective or c.metonym or c.unknown:
        return None
    entry = c.chosen or c.placed_at
    return entry if entry is not None and entry.feature not in WORLD else None


def _town(c: Candidate) -> Entry | None:
    """A town that can anchor others, known by the name written: not a city chosen under one
    of its other names (an "Oleksandrivka" taken for a district of Donetsk anchors nothing)."""
    entry = _where(c)
    if entry is None or entry.feature not in TOWN_FEATURES:
        return None
    return entry if c.placed_at is entry or own_name(entry, c.name) else None


def _certain(c: Candidate) -> bool:
    """Settled beyond doubt (the one town of its name, a town of LOCAL_MAX+, or placed by its own
    context): the only kind of town a bare apposition may anchor to."""
    entry = _town(c)
    names = {e.id for e in c.entries if e.main}
    return entry is not None and (len(names) <= 1 or entry.population >= LOCAL_MAX or c.evidence >= 3)


#: Tokens between a clause's reference town and a village it anchors.
CLAUSE_SPAN = 40


def clause_anchor(
    cand: Candidate,
    candidates: list[Candidate],
    doc: Doc,
    pool: Callable[[Candidate], bool],
    sent: tuple[int, int] | None = None,
) -> Entry | None:
    """The reference town of the mention's clause: "north of Borova near Novoplatonivka".

    The last place before the mention in its sentence, after its own semicolon, written with a
    bearing ("north of", "southeast of"); not the mention itself. `pool` says which places count.
    """
    sent_start, _ = sent or (cand.span.sent.start, cand.span.sent.end)
    start = sent_start
    for i in range(cand.span.start - 1, max(sent_start, cand.span.start - CLAUSE_SPAN) - 1, -1):
        if doc[i].text == ";":
            start = i + 1
            break
    best = None
    for c in candidates:
        if c is cand or not (start <= c.span.start < cand.span.start) or not pool(c):
            continue
        # "north of Borova", not "northern Kharkiv Oblast" (where the fighting is, not a reference).
        bearing = any(r.relation == "direction" and r.direction and " of " in r.text for r in c.relative)
        if bearing and c.chosen is not None and c.chosen.feature in TOWN_FEATURES:
            best = c.chosen
    return best


def apposition(cand: Candidate, candidates: list[Candidate], text: str) -> Candidate | None:
    """The town written right after the mention as its neighbour: "Hai, east of Huliaipole",
    "Dobropillia near Huliaipole" (the town's own relation starting where the mention ends).

    `text` is the Doc's text, passed in: `Doc.text` joins every token on each call."""
    if any(r.relation == "direction" for r in cand.relative):
        return None  # "south of Kupiansk near Pishchane": Kupiansk anchors its clause, not the reverse
    for c in candidates:
        if c is cand or c.span.start <= cand.span.end or c.span.start > cand.span.end + 6:
            continue
        for r in c.relative:
            if r.span is None or r.relation not in {"direction", "near", "outskirts of", "outside"}:
                continue
            between = text[cand.span.end_char : r.span.start]
            if between.strip() in {"", ","} and _certain(c):
                return c
        return None
    return None


def region_of(cand: Candidate, candidates: list[Candidate], doc: Doc) -> Entry | None:
    """The oblast (or other curated region) the sentence names as the mention's scene: "In Donetsk
    Oblast, …" opening the sentence, or "… near Pryvillia in Donetsk Oblast" right after it."""
    sent = cand.span.sent
    regions = [
        c
        for c in candidates
        if sent.start <= c.span.start < sent.end
        and c.chosen is not None
        and c.chosen.id < 0
        and c.chosen.feature in AREA_FEATURES
        and c.chosen.admin1  # a region the gazetteer can tell inside from outside
        and c.span.start > 0
        and doc[c.span.start - 1].lower_ == "in"
    ]
    for r in regions:
        opening = r.span.start - sent.start <= 2 and r.span.start < cand.span.start
        # "near Pryvillia in Donetsk Oblast", "Pryvillia village in …": a few words after it.
        after = 0 < r.span.start - cand.span.end <= 3 and all(
            not t.is_punct and not t.is_title for t in doc[cand.span.end : r.span.start - 1]
        )
        if opening or after:
            return r.chosen
    return None


def directions(candidates: list[Candidate], doc: Doc) -> list[tuple[int, int, Entry]]:
    """(start, end, town) of each front sector the text names: "in the Huliaipole direction",
    "the Kostiantynivka-Druzhkivka tactical area" (the first town), each running to the next."""
    found: list[tuple[int, Entry]] = []
    for c in candidates:
        end = c.span.end
        # Skip a second town of a hyphenated sector ("Kostiantynivka-Druzhkivka direction").
        while end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].is_title:
            end += 2
        if end >= len(doc):
            continue
        word = doc[end].lower_
        sector = word in SECTOR_WORDS or (
            word == "tactical" and end + 1 < len(doc) and doc[end + 1].lower_ == "area"
        )
        if sector and (town := _town(c)) is not None:
            if not found or found[-1][1].id != town.id:
                found.append((c.span.start_char, town))
    out = []
    for i, (start, town) in enumerate(found):
        stop = found[i + 1][0] if i + 1 < len(found) else len(doc.text)
        out.append((start, min(stop, start + DIRECTION_SCOPE), town))
    return out


def direction_of(cand: Candidate, scopes: list[tuple[int, int, Entry]]) -> Entry | None:
    """The direction whose scope holds the mention, else None."""
    at = cand.span.start_char
    return next((town for start, end, town in scopes if start <= at < end), None)


def own_anchors(candidates: list[Candidate], doc: Doc) -> dict[int, Anchor]:
    """Each mention's own relation (by candidate id): bracket, apposition or clause town."""
    brackets = neighbours_of(candidates, doc)
    text = doc.text
    out: dict[int, Anchor] = {}
    for cand in candidates:
        if cand.within is not None or cand.adjective or cand.site:
            continue
        written = brackets.get(id(cand)) or apposition(cand, candidates, text)
        entry = _town(written) if written is not None and _certain(written) else None
        if entry is None:
            entry = clause_anchor(cand, candidates, doc, pool=_certain)
            entry = entry if entry is not None and entry.feature in TOWN_FEATURES else None
        if entry is not None and not (cand.chosen is not None and cand.chosen.id == entry.id):
            out[id(cand)] = Anchor(entry, "own")
            continue
        region = region_of(cand, candidates, doc)
        if region is not None:
            out[id(cand)] = Anchor(region, "region")
    return out


def own_name(entry: Entry, written: str) -> bool:
    """The entry's own name, or a spelling of it (geocoding.own_spelling), not a town's other name."""
    return entry.main or own_spelling(written, entry.name)


def distance_to(a: Entry, b: Entry) -> float:
    """Great-circle km between two entries."""
    return distance_km(a.lat, a.lon, b.lat, b.lon)


def inside(entry: Entry, region: Entry) -> bool:
    return entry.cc == region.cc and entry.admin1 == region.admin1


def reach(anchor: Anchor) -> float:
    """How far from its anchor a place may lie: a city's surroundings reach further ("north of
    Kharkiv" may be 70 km out) than a small town's."""
    if anchor.kind == "direction":
        return DIRECTION_KM
    return CITY_RELATION_KM if anchor.entry.population >= CITY else RELATION_KM


def fits(entry: Entry, anchor: Anchor, *, alone: bool = False) -> bool:
    """Whether the entry lies where its relation says.

    `alone`: the entry is the only place of its name. Such a place, or a town of LOCAL_MAX+,
    written relative to a bigger town within ~150 km keeps its own entry ("Izium, southeast of
    Kharkiv"): one locates a smaller place by a bigger one.
    """
    if anchor.kind == "region":
        return inside(entry, anchor.entry)
    if distance_to(entry, anchor.entry) <= reach(anchor):
        return True
    return (
        anchor.kind == "own"
        and (alone or entry.population >= LOCAL_MAX)
        and entry.population < anchor.entry.population
        and near(entry, anchor.entry)
    )


def place_by(cand: Candidate, anchor: Anchor) -> bool:
    """Put the mention where its anchor says: its own entry if it fits, else the namesake that
    fits nearest the anchor, else at the anchor itself. True when it changed."""
    alone = len({e.id for e in cand.entries if own_name(e, cand.name)}) <= 1
    if cand.chosen is not None and fits(cand.chosen, anchor, alone=alone):
        return False
    fitting = [e for e in cand.entries[:30] if e.feature not in WORLD and fits(e, anchor)]
    if fitting:
        cand.chosen = min(fitting, key=lambda e: (not own_name(e, cand.name), distance_to(e, anchor.entry)))
        cand.placed_at = None
    else:
        cand.chosen, cand.placed_at = None, anchor.entry
    cand.approximate = False
    return True


def settle_by_anchors(candidates: list[Candidate], doc: Doc) -> None:
    """Place every mention with a relation of its own (bracket, apposition, clause town, region)
    where that relation says, whatever its population; see the module doc.

    Needs each candidate's `relative` (places.relative_of). Marks them `evidence = 4`: coherence
    and one-entry-per-name rank a place's own relation above everything else. Only settlements
    (or names the gazetteer lacks) move: a country or region written "near" a town stays.
    """
    anchors = own_anchors(candidates, doc)
    for cand in candidates:
        anchor = anchors.get(id(cand))
        if anchor is None or cand.approximate:
            continue  # an approximation ("Tijuana River" at Tijuana) is placed by its known part
        if cand.chosen is None:
            if not (cand.unknown or cand.placed_at or (cand.from_ner and not cand.entries)):
                continue
        elif cand.chosen.id < 0 or cand.chosen.feature not in TOWN_FEATURES:
            continue
        elif anchor.kind == "region" and cand.chosen.population >= LOCAL_MAX:
            continue
        place_by(cand, anchor)
        cand.evidence = 4
