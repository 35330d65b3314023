"""The curated order of battle (src/sitrep/data/orbat.csv) and the type words units are compared on.

scripts/build_orbat.py builds the table from data/orbat/orbat_source.csv, every row with its
source. `Orbat.side_of` gives a numbered formation its side when the text does not, using the
type words written ("155th Mechanized" is Ukrainian, "155th Naval Infantry" Russian).

    >>> load_orbat().side_of(68, "brigade", "68th Jaeger Brigade")
    'UA'
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ...lexicons import lexicon
from ...models import Side

#: This module's word lists, read from src/sitrep/lexicons/en/ (see that package's docstring).
LEX = lexicon("en")

ORBAT = Path(__file__).resolve().parents[2] / "data" / "orbat.csv"

# Type words: what a formation is, written between its number and its echelon word ("68th Separate
# Jaeger Brigade"), lower-cased; units.py also takes any capitalised word there.
TYPE_WORDS = LEX.words("units/type_words")
# Words that say nothing about which formation is meant ("Separate", "Guards" come and go).
GENERIC = {"separate", "independent", "guards", "guard", "(", ")", "-", "the", "and", ","}
# Echelons that every formation has a numbered one of: the table settles them only by type words.
SMALL_ECHELONS = {"battalion", "company", "platoon", "squadron", "detachment"}
# Spelling variants folded before the written type words are compared with the ORBAT's branch.
BRANCH_FOLD = {
    "mechanised": ("mechanized",),
    "motorised": ("motorized",),
    "motor": ("motorized",),
    "defence": ("defense",),
    "marine": ("naval", "infantry"),
    "marines": ("naval", "infantry"),
    "vdv": ("airborne",),
}


@dataclass(frozen=True)
class Formation:
    side: Side
    number: int | None
    echelon: str
    branch: str
    name: str
    aliases: tuple[str, ...]


def branch_words(words: str, *, strict: bool = False) -> set[str]:
    """The type words of a mention or a branch, spelling folded, generic words dropped."""
    out: set[str] = set()
    for w in words.lower().replace("(", " ").replace(")", " ").split():
        out.update(BRANCH_FOLD.get(w, (w,)))
    if not strict and {"air", "assault"} <= out:
        # Airborne forces: Russia's VDV and Ukraine's DShV formations are called both.
        out = (out - {"air", "assault"}) | {"airborne"}
    return out - GENERIC


@dataclass
class Orbat:
    """The curated order of battle, indexed by (number, echelon) and by alias."""

    formations: list[Formation]
    by_number: dict[tuple[int, str], list[Formation]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for f in self.formations:
            if f.number is not None:
                self.by_number.setdefault((f.number, f.echelon), []).append(f)

    def side_of(self, number: int, echelon: str, words: str) -> Side | None:
        """The side of a numbered formation; type words in the mention settle shared numbers.

        Written type words that no row's branch matches ("72nd Motorized Rifle Brigade" against
        Ukraine's 72nd Mechanized) mean another formation: the ORBAT does not know it.
        """
        rows = self.by_number.get((number, echelon), [])
        written = branch_words(words)
        # "56th Motorised Brigade" is the 56th Motorized Infantry: either words may hold the other.
        types = written & TYPE_WORDS
        if not types and echelon in SMALL_ECHELONS:
            return None  # "the 2nd Battalion": every brigade has one; the table lists few battalions
        typed = [
            f
            for f in rows
            if f.branch and (branch_words(f.branch) <= written or (types and types <= branch_words(f.branch)))
        ]
        if not typed and written & TYPE_WORDS - GENERIC:
            return None
        sides = {f.side for f in (typed or rows)}
        return sides.pop() if len(sides) == 1 else None

    def by_branch(self, number: int, words: str) -> Formation | None:
        """'155th naval infantry': the formation with this number whose branch the words name.

        Strict: without an echelon word, "82nd Airborne" must not pass for an air assault brigade.
        """
        written = branch_words(words, strict=True)
        hits = [
            f
            for (n, _), fs in self.by_number.items()
            if n == number
            for f in fs
            if f.branch and branch_words(f.branch, strict=True) <= written
        ]
        return hits[0] if len(hits) == 1 else None


@lru_cache(maxsize=1)
def load_orbat(path: Path = ORBAT) -> Orbat:
    with path.open(encoding="utf-8", newline="") as f:
        rows = [
            Formation(
                r["side"],  # type: ignore[arg-type]  # build_orbat.py admits only UA and RU
                int(r["number"]) if r["number"] else None,
                r["echelon"],
                r["branch"],
                r["name"],
                tuple(a for a in r["aliases"].split("|") if a),
            )
            for r in csv.DictReader(f)
        ]
    return Orbat(rows)
