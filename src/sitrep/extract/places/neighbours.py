"""Neighbours: villages placed by the places written next to them.

Front-line reporting pins villages to a town in brackets: "central Ternove (southeast of
Oleksandrivka)", "Orestopil, Vovche, and Hai (all east of Huliaipole)". That neighbour is
the best evidence of where a small village is: GeoNames often lacks it and holds a namesake
elsewhere in the country (a Ternovo 950 km away, in Zakarpattia).
A village chosen far from its neighbour takes the namesake near it, or, with none, is placed at
the neighbour and marked as an approximation (`feature: "local"`; docs/gazetteer.md).

    >>> settle_by_neighbours(candidates, doc)  # doctest: +SKIP
"""

from __future__ import annotations

from spacy.tokens import Doc

from ...geo import Entry
from .geocoding import WORLD, Candidate, near

SEPARATORS = {",", "and", "or", "&"}
VILLAGE_MAX = 5_000  # towns above this are notable enough for the gazetteer to know the right one
MAX_GAP = 6  # tokens between two members of a list: separators and names the gazetteer lacks


def list_runs(candidates: list[Candidate], doc: Doc) -> list[list[Candidate]]:
    """Candidates in the same written list, in text order (candidates sorted by position)."""
    runs: list[list[Candidate]] = []
    for cand in candidates:
        if runs:
            last = runs[-1][-1]
            gap = doc[last.span.end : cand.span.start]
            if (
                0 < len(gap) <= MAX_GAP
                and any(t.text in SEPARATORS for t in gap)
                and all(t.text in SEPARATORS or t.is_title for t in gap)
            ):
                runs[-1].append(cand)
                continue
        runs.append([cand])
    return runs


def bracketed_anchor(doc: Doc, end: int, starts: dict[int, Candidate]) -> tuple[Candidate, bool] | None:
    """The place of "(southeast of Oleksandrivka)" right after token end, and whether it is said of
    every name before it ("(all west of Pokrovsk)", "(both ...)")."""
    if end >= len(doc) or doc[end].text != "(":
        return None
    for i in range(end + 1, min(end + 7, len(doc) - 1)):
        if doc[i].text == ")":
            return None
        if doc[i].lower_ == "of" and i + 1 in starts:
            return starts[i + 1], doc[end + 1].lower_ in {"all", "both", "each"}
    return None


def neighbours_of(candidates: list[Candidate], doc: Doc) -> dict[int, Candidate]:
    """For each candidate (by id), the place written in brackets as its neighbour.

    Lists alone are no evidence: a list of villages attacked may span the whole front.
    """
    starts = {c.span.start: c for c in candidates}
    out: dict[int, Candidate] = {}
    for run in list_runs(candidates, doc):
        shared = bracketed_anchor(doc, run[-1].span.end, starts)
        for cand in run:
            own = bracketed_anchor(doc, cand.span.end, starts)
            anchor = own[0] if own else (shared[0] if shared and shared[1] else None)
            if anchor is not None and anchor is not cand:
                out[id(cand)] = anchor
    return out


def small_place(entry: Entry | None) -> bool:
    return (
        entry is not None
        and entry.id > 0
        and entry.feature in {"town", "village"}
        and entry.population < VILLAGE_MAX
    )


def settle_by_neighbours(candidates: list[Candidate], doc: Doc, *, placed_only: bool = False) -> None:
    """Move villages chosen far from their bracketed neighbour to a namesake near it, or approximate them there.

    `placed_only`: only re-place the names already placed at a neighbour (after coherence.py
    has moved that neighbour), leaving the gazetteer's choices alone.
    """
    if placed_only and not any(c.placed_at is not None for c in candidates):
        return
    neighbours = neighbours_of(candidates, doc)
    for cand in candidates:
        if placed_only and cand.placed_at is None:
            continue
        anchor = neighbours.get(id(cand))
        there = None
        if anchor is not None and not anchor.approximate:
            there = anchor.chosen or anchor.placed_at  # a neighbour itself placed by its context
        if there is None or there.feature in WORLD or cand.within is not None:
            continue
        if cand.chosen is None and (
            cand.placed_at is not None or cand.unknown or (cand.from_ner and not cand.entries)
        ):
            cand.placed_at, cand.evidence = (
                there,
                3,
            )  # a name the gazetteer lacks: "Radkivka (north of Kupiansk)"
            continue
        # A village, or a place known only by another name of a town (GeoNames keeps "Sereda" as
        # an old name of Furmanov, 800 km from the Sereda by Kharkiv).
        if not (small_place(cand.chosen) or (cand.chosen is not None and not cand.chosen.main)):
            continue
        cand.evidence = 3
        assert cand.chosen is not None
        if near(cand.chosen, there):
            continue
        namesakes = [e for e in cand.entries if e.feature not in WORLD and near(e, there)]
        if namesakes:
            cand.chosen = max(namesakes, key=lambda e: (e.main, e.population))
        else:
            cand.chosen, cand.placed_at = None, there
