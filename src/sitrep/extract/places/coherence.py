"""Coherence: small places resolved near the places written with them, one entry per name.

Front-line reporting names villages in clauses pinned to a reference town ("north of Borova
near Novoplatonivka and toward Stepove", "southeast of Kupiansk near Pishchane") and in lists
of neighbouring settlements. GeoNames cities500 often lacks the village, or holds namesakes
hundreds of kilometres away (Ukraine has a dozen Zelenes and Stepoves). The choice is made
in the light of the places around the mention, nearest first (a place's own relation to a
town or region, anchors.py, has settled it before this runs):

1. the reference town of its clause ("DIRECTION of TOWN near …", up to a semicolon): a
   namesake near that town, else the village is placed at the town;
2. the front sector the text is describing ("in the Huliaipole direction", anchors.py): a
   namesake within its reach, else the village is placed at the sector's town;
3. the places of its sentence (list mates, the town it is "near"): a namesake near one of
   them, never a move without one (a list of villages attacked may span the whole front);
4. the article's front: where none says anything, among namesakes the one nearest the
   article's settled towns (the choice of smallest spread).

A name the gazetteer lacks, taken because a list or a locative says "place"
(``Candidate.unknown``), is kept only where 1 or 2 gives it a place; it is then an
approximation (`feature: "local"`, docs/gazetteer.md). Finally every mention of one name
takes the same entry: one place is one item.

    >>> settle_in_context(candidates, doc)  # doctest: +SKIP
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc

from ...geo import Entry, name_key
from .anchors import DIRECTION_KM, clause_anchor, direction_of, directions, distance_to, own_name
from .geocoding import AREA_FEATURES, WORLD, Candidate, near
from .neighbours import SEPARATORS

#: Below this a place is local enough that its clause's reference town decides between namesakes
#: (Borova, Kharkiv Oblast, 5,000; Borova, Kyiv Oblast, 7,000): settlements of the front line.
CLAUSE_MAX = 20_000
#: Tokens between two members of one list (other names of the list among them).
LIST_SPAN = 16


def _settled(c: Candidate) -> bool:
    return (
        c.chosen is not None
        and c.chosen.feature not in WORLD
        and not (c.approximate or c.tentative or c.adjective or c.unknown or c.site or c.metonym)
    )


def _reliable(c: Candidate) -> bool:
    """Settled without doubt: the only place of its name, a town of CLAUSE_MAX+, or a curated region."""
    return (
        _settled(c)
        and c.chosen is not None
        and (len({e.id for e in c.entries}) <= 1 or c.chosen.population >= CLAUSE_MAX or c.chosen.id < 0)
    )


def _mates(
    cand: Candidate,
    candidates: list[Candidate],
    pool: Callable[[Candidate], bool] = _settled,
    sent: tuple[int, int] | None = None,
) -> list[Candidate]:
    """The settled places of the mention's sentence, nearest in the text first."""
    start, end = sent or (cand.span.sent.start, cand.span.sent.end)
    mates = [
        c
        for c in candidates
        if c is not cand
        and start <= c.span.start < end
        and pool(c)
        and name_key(c.name) != name_key(cand.name)
    ]
    return sorted(mates, key=lambda c: abs(c.span.start - cand.span.start))


def _listed_with(cand: Candidate, mates: list[Candidate], doc: Doc) -> Candidate | None:
    """The nearest mate written in one list with the mention ("near A, B, and C")."""
    for m in mates:
        a, b = sorted((m, cand), key=lambda c: c.span.start)
        between = doc[a.span.end : b.span.start]
        after = doc[b.span.end : b.span.end + 2]
        # A list, not an apposition: a conjunction inside it, or the list going on after it
        # ("leave California, Mark Zuckerberg too" is no list).
        conjoined = any(t.lower_ in {"and", "or", "&"} for t in between) or (
            len(after) == 2 and after[0].text in SEPARATORS and after[1].is_title
        )
        if (
            0 < len(between) <= LIST_SPAN
            and conjoined
            and all(t.text in SEPARATORS or t.is_title or t.text == "-" for t in between)
        ):
            return m
    return None


def close(entry: Entry, anchor: Entry) -> bool:
    """Near a town (the ~150 km box of geocoding.near), or inside a region (its admin1 code):
    a state's or an oblast's centre says little about a place at its edge."""
    if anchor.feature in AREA_FEATURES and anchor.admin1:
        return entry.cc == anchor.cc and entry.admin1 == anchor.admin1
    return near(entry, anchor)


def _nearest(entries: tuple[Entry, ...], there: list[Entry]) -> Entry | None:
    """The namesake near one of `there` (the bigger on a tie of nearness), else None."""
    close_ = [e for e in entries if e.feature not in WORLD and any(close(e, t) for t in there)]
    return max(close_, key=lambda e: (e.main, e.population)) if close_ else None


def _local(e: Entry) -> bool:
    return e.feature in {"town", "village"} and e.population < CLAUSE_MAX


def _spread(entry: Entry, front: list[Entry]) -> float:
    return sum(min(abs(entry.lat - f.lat), 10) + min(abs(entry.lon - f.lon), 10) for f in front)


def settle_in_context(candidates: list[Candidate], doc: Doc) -> None:
    """Choose namesakes (and place unknown names) by the places around them; see the module doc.

    Two passes: the first reads only places settled beyond doubt (the one place of its name, a
    town of CLAUSE_MAX+, a region), so that one wrong namesake cannot drag its list mates away;
    the second reads every settled place, the first pass's choices among them.
    """
    # Each mention's sentence, and the candidates of each sentence: read once, not per pair.
    sents: dict[int, tuple[int, int]] = {}
    by_sent: dict[tuple[int, int], list[Candidate]] = {}
    for c in candidates:
        bounds = (c.span.sent.start, c.span.sent.end)
        sents[id(c)] = bounds
        by_sent.setdefault(bounds, []).append(c)
    for pool in (_reliable, _settled):
        front = [
            c.chosen for c in candidates if pool(c) and c.chosen is not None and c.chosen.feature != "country"
        ]
        scopes = directions([c for c in candidates if pool(c)], doc)
        sector_towns = {town.id for _, _, town in scopes}
        for cand in candidates:
            sent = sents[id(cand)]
            # A town that names a sector of its own ("the Hulyaipole direction") lies in no other.
            own_sector = cand.chosen is not None and cand.chosen.id in sector_towns
            sector = None if own_sector else direction_of(cand, scopes)
            _settle(cand, by_sent[sent], doc, pool, front, sector, sent=sent, final=pool is _settled)
    one_entry_per_name(candidates)


def _settle(
    cand: Candidate,
    candidates: list[Candidate],
    doc: Doc,
    pool: Callable[[Candidate], bool],
    front: list[Entry],
    sector: Entry | None,
    *,
    sent: tuple[int, int],
    final: bool,
) -> None:
    if cand.within is not None or cand.placed_at is not None or cand.adjective or cand.site:
        return
    # A name the gazetteer lacks: taken for its list or locative, or tagged a place by the parser.
    unknown = cand.chosen is None and (cand.unknown or (cand.from_ner and not cand.entries))
    local = unknown or (
        cand.chosen is not None
        and cand.chosen.id > 0
        and (cand.chosen.population < CLAUSE_MAX or not cand.chosen.main)
        and cand.chosen.feature in {"town", "village"}
    )
    if cand.evidence >= 3:
        return  # its bracketed neighbour settled it
    if not local or (not unknown and len({e.id for e in cand.entries}) < 2 and not final):
        return
    anchor = clause_anchor(cand, candidates, doc, pool, sent)
    if anchor is not None:
        if cand.chosen is not None and close(cand.chosen, anchor):
            return
        namesake = _nearest(cand.entries, [anchor])
        if namesake is not None:
            cand.chosen, cand.evidence = namesake, 3
        elif final:
            cand.chosen, cand.placed_at, cand.evidence = None, anchor, 3
        return
    # The front sector the text is describing ("in the Huliaipole direction"): a small place lies in
    # it. Its namesake there, else (the gazetteer lacking the village) at the sector's town.
    if sector is not None and cand.chosen is not None and distance_to(cand.chosen, sector) > DIRECTION_KM:
        fitting = [
            e
            for e in cand.entries[:30]
            if _local(e) and own_name(e, cand.name) and distance_to(e, sector) <= DIRECTION_KM
        ]
        if fitting:
            cand.chosen, cand.evidence = min(fitting, key=lambda e: distance_to(e, sector)), 2
        elif final:
            cand.chosen, cand.placed_at, cand.evidence = None, sector, 2
        return
    mates = _mates(cand, candidates, pool, sent)
    there = [m.chosen for m in mates if m.chosen is not None]
    if unknown:
        listed = _listed_with(cand, mates, doc)
        if listed is not None and final:
            cand.placed_at, cand.evidence = listed.chosen, 2
        return
    assert cand.chosen is not None
    if any(close(cand.chosen, t) for t in there):
        return
    if (namesake := _nearest(cand.entries, there)) is not None:
        cand.chosen, cand.evidence = namesake, 2
        return
    # Nothing in its sentence: the namesake nearest the article's front (the smallest spread).
    others = [f for f in front if f.id != cand.chosen.id]
    namesakes = [e for e in cand.entries[:30] if _local(e)]
    if others and len(namesakes) > 1 and not any(close(cand.chosen, f) for f in others):
        best = min(namesakes, key=lambda e: _spread(e, others))
        if any(close(best, f) for f in others):
            cand.chosen, cand.evidence = best, 1


def one_entry_per_name(candidates: list[Candidate]) -> None:
    """Every mention of a name takes one entry: the one the strongest context settled (a clause's
    town or bracketed neighbour over a sentence over the front), else the one most mentions chose."""
    by_name: dict[str, list[Candidate]] = {}
    for c in candidates:
        if not (c.adjective or c.site or c.within is not None):
            by_name.setdefault(name_key(c.name), []).append(c)
    for cands in by_name.values():
        if len(cands) < 2:
            continue
        votes: Counter[tuple[int | None, int | None]] = Counter()
        strength: dict[tuple[int | None, int | None], int] = {}
        for c in cands:
            key = (c.chosen.id if c.chosen else None, c.placed_at.id if c.placed_at else None)
            votes[key] += 1
            strength[key] = max(strength.get(key, 0), c.evidence)
        if len(votes) < 2:
            continue
        best = max(votes, key=lambda k: (strength[k], votes[k], k != (None, None)))
        winner = next(
            c
            for c in cands
            if (c.chosen.id if c.chosen else None, c.placed_at.id if c.placed_at else None) == best
        )
        for c in cands:
            c.chosen, c.placed_at, c.approximate = winner.chosen, winner.placed_at, winner.approximate
            c.evidence = winner.evidence
