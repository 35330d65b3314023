"""Units: military formations, one item per unit with all its mentions, side from the text or the ORBAT.

sitrep.units/1 reads numbered formations on tokens, not NER (spaCy splits "68th Jaeger
Brigade" into ORDINAL + ORG): an ordinal, up to six type words, and an echelon word
("68th Separate Jaeger Brigade", "Russian 2nd Combined Arms Army", "76th Airborne (VDV)
Division"), or an ordinal and a branch the order of battle knows ("155th naval infantry").
Ukrainian and Russian abbreviations ("47 ОМБр", "150 МСД") and named formations from the
ORBAT ("Azov", "Wagner", "Akhmat") count too. A later short mention ("the 68th Brigade",
"the 68th") joins the unit. The side comes from the words before a mention ("Ukraine's
47th", "Russian 155th …"), else from src/sitrep/data/orbat.csv (scripts/build_orbat.py).

    >>> doc = nlp("The 68th Jaeger Brigade held.")  # doctest: +SKIP
    >>> [(u.name, u.number, u.echelon, u.side) for u in doc._.units]  # doctest: +SKIP
    [('68th Jaeger Brigade', 68, 'brigade', 'UA')]
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..models import Side, Unit
from .base import ensure_doc_extension, extractor_id, span_of

NAME = "units"
VERSION = 1
EXTRACTOR = extractor_id(NAME, VERSION)
ORBAT = Path(__file__).resolve().parents[1] / "data" / "orbat.csv"

ECHELONS = {
    "army": "army",
    "armies": "army",
    "corps": "corps",
    "division": "division",
    "divisions": "division",
    "brigade": "brigade",
    "brigades": "brigade",
    "regiment": "regiment",
    "regiments": "regiment",
    "battalion": "battalion",
    "battalions": "battalion",
    "company": "company",
    "companies": "company",
    "platoon": "platoon",
    "squadron": "squadron",
    "detachment": "detachment",
    "flotilla": "flotilla",
    "fleet": "fleet",
    "legion": "legion",
    "bde": "brigade",
    "bn": "battalion",
    "div": "division",
    "regt": "regiment",
}
# Type words between the number and the echelon, lower-cased (capitalised words count anyway).
TYPE_WORDS = set(
    "( ) - air airborne airmobile arms artillery assault border coastal combined defence defense drone "
    "guard guards independent infantry jaeger landing marine mechanised mechanized medical motor "
    "motorised motorized motorized-infantry mountain national naval operational parachute presidential "
    "purpose rapid reaction reconnaissance rifle separate special spetsnaz systems tank territorial "
    "unmanned vdv".split()
)
ORDINAL = re.compile(r"^(\d{1,4})(?:st|nd|rd|th)$", re.IGNORECASE)
# Abbreviations after a bare number: Ukrainian ОМБр/ОШБр/ОДШБр/ОАеМБр/ОБрМП/ОГШБр,
# Russian ОМСБр/МСД/ВДД/ДШД/ТД/ОА/АК.
CYRILLIC = re.compile(r"^(?:Гв)?[А-ЯЄІЇ][А-ЯЄІЇа-яєії]{0,6}$")
CYRILLIC_ECHELON = (
    ("Бр", "brigade"),
    ("БрМП", "brigade"),
    ("МСД", "division"),
    ("ВДД", "division"),
    ("ДШД", "division"),
    ("ТД", "division"),
    ("ОА", "army"),
    ("ТА", "army"),
    ("АК", "corps"),
    ("П", "regiment"),
    ("Б", "battalion"),
)
RUSSIAN_ONLY = ("МСБр", "МСД", "ВДД", "ДШД", "ТД", "ОА", "АК", "МСП")
SIDE_WORDS: dict[str, Side] = {
    "ukrainian": "UA",
    "ukraine": "UA",
    "ukraine's": "UA",
    "kyiv's": "UA",
    "russian": "RU",
    "russia": "RU",
    "russia's": "RU",
    "moscow's": "RU",
    "kremlin's": "RU",
}
# Type words only one side's formations carry (Russian motor rifle, VDV, Spetsnaz, Guards and
# combined arms formations; Ukrainian Jaeger, Territorial Defense and airmobile ones).
BRANCH_SIDE: dict[str, Side] = {
    "rifle": "RU",
    "vdv": "RU",
    "spetsnaz": "RU",
    "guards": "RU",
    "combined": "RU",
    "jaeger": "UA",
    "territorial": "UA",
    "airmobile": "UA",
}
LINKS = {"of", "the", "(", ","}


@dataclass(frozen=True)
class Formation:
    side: Side
    number: int | None
    echelon: str
    branch: str
    name: str
    aliases: tuple[str, ...]


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
        """The side of a numbered formation; type words in the mention settle shared numbers."""
        rows = self.by_number.get((number, echelon), [])
        typed = [f for f in rows if f.branch and set(f.branch.lower().split()) <= set(words.lower().split())]
        sides = {f.side for f in (typed or rows)}
        return sides.pop() if len(sides) == 1 else None

    def by_branch(self, number: int, words: str) -> Formation | None:
        """'155th naval infantry': the formation with this number whose branch the words name."""
        low = set(words.lower().split())
        hits = [
            f
            for (n, _), fs in self.by_number.items()
            if n == number
            for f in fs
            if f.branch and set(f.branch.lower().split()) - {"guards"} <= low
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


@dataclass
class Mention:
    span: SpacySpan
    number: int | None
    echelon: str | None
    side: Side | None = None
    formation: Formation | None = None


def side_before(span: SpacySpan) -> Side | None:
    """'Ukraine's 47th', 'Russian 2nd Army', 'the Russian 155th': a side word just before or inside."""
    doc = span.doc
    words = [t for t in doc[max(0, span.start - 3) : span.end] if t.i < span.start or t.i < span.start + 2]
    for tok in reversed(words):
        key = tok.lower_ + ("'s" if tok.i + 1 < len(doc) and doc[tok.i + 1].text in {"'s", "’s"} else "")
        if key in SIDE_WORDS or tok.lower_ in SIDE_WORDS:
            return SIDE_WORDS.get(key) or SIDE_WORDS[tok.lower_]
    return None


class UnitFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.orbat = load_orbat()
        self.ordinals = Matcher(nlp.vocab)
        # Cheap token attributes in the Matcher; the exact forms are checked in Python on the few hits.
        self.ordinals.add("ORD", [[{"LIKE_NUM": True, "IS_DIGIT": False, "IS_ALPHA": False}]])
        self.ordinals.add("CYR", [[{"IS_DIGIT": True}, {"IS_ALPHA": True, "IS_ASCII": False}]])
        self.named = PhraseMatcher(nlp.vocab)
        self.named_formations: dict[str, Formation] = {}
        for f in self.orbat.formations:
            # Named formations by name; numbered ones by their honorific ("Magura", "Azov").
            for alias in {*f.aliases, *((f.name,) if f.number is None else ())}:
                self.named_formations[alias] = f
                self.named.add(alias, [nlp.make_doc(alias)])

    def __call__(self, doc: Doc) -> Doc:
        doc._.units = self.find_units(doc)
        return doc

    def numbered(self, doc: Doc, i: int) -> Mention | None:
        """A unit starting at the ordinal token i, or None."""
        number = int(ORDINAL.match(doc[i].text).group(1))  # type: ignore[union-attr]
        j = i + 1
        while (
            j < len(doc)
            and j - i <= 7
            and (doc[j].lower_ in TYPE_WORDS or (doc[j].is_title and doc[j].lower_ not in ECHELONS))
        ):
            j += 1
        if j < len(doc) and doc[j].lower_ in ECHELONS:
            # "11th Army Corps": the last echelon word names the formation.
            while (
                j + 1 < len(doc) and doc[j + 1].lower_ in ECHELONS and doc[j + 1].is_title == doc[j].is_title
            ):
                j += 1
            return Mention(doc[i : j + 1], number, ECHELONS[doc[j].lower_])
        if j > i + 1:
            formation = self.orbat.by_branch(number, doc[i + 1 : j].text)
            if formation is not None:
                return Mention(doc[i:j], number, formation.echelon, formation=formation)
        return None

    def cyrillic(self, span: SpacySpan) -> Mention | None:
        abbr = span[1].text
        for suffix, echelon in CYRILLIC_ECHELON:
            if abbr.endswith(suffix):
                side: Side = "RU" if abbr.removeprefix("Гв") in RUSSIAN_ONLY else "UA"
                return Mention(span, int(span[0].text), echelon, side=side)
        return None

    def find_units(self, doc: Doc) -> list[Unit]:
        mentions: list[Mention] = []
        backrefs: list[tuple[SpacySpan, int]] = []
        for match_id, start, end in self.ordinals(doc):
            if any(m.span.start <= start < m.span.end for m in mentions):
                continue
            if doc.vocab.strings[match_id] == "CYR":
                m = self.cyrillic(doc[start:end]) if CYRILLIC.match(doc[start + 1].text) else None
            elif not ORDINAL.match(doc[start].text):
                continue
            else:
                m = self.numbered(doc, start)
                if m is None and start > 0 and doc[start - 1].lower_ in {"the", "'s", "’s"} | set(SIDE_WORDS):
                    backrefs.append((doc[start:end], int(ORDINAL.match(doc[start].text).group(1))))  # type: ignore[union-attr]
            if m is not None:
                mentions.append(m)
        for match_id, start, end in self.named(doc):
            span = doc[start:end]
            if any(m.span.start < end and start < m.span.end for m in mentions):
                continue
            # "Sea of Azov" is a sea: a named formation is not part of a longer proper name.
            if (start > 0 and doc[start - 1].lower_ == "of" and start > 1 and doc[start - 2].is_title) or (
                end < len(doc) and doc[end].lower_ in {"sea", "steel"}
            ):
                continue
            f = self.named_formations[doc.vocab.strings[match_id]]
            mentions.append(Mention(span, f.number, f.echelon, side=f.side, formation=f))
        return self.group(mentions, backrefs)

    def side_of(self, ms: list[Mention]) -> Side | None:
        """The side of one unit: the text, then the ORBAT, then a branch only one side has."""
        full = max(ms, key=lambda m: len(m.span.text))
        side = next((s for m in ms if (s := m.side or side_before(m.span))), None)
        formation = next((m.formation for m in ms if m.formation), None)
        if side is None and full.number is not None and full.echelon:
            side = self.orbat.side_of(full.number, full.echelon, " ".join(m.span.text for m in ms))
        if side is None and formation is not None:
            side = formation.side
        if side is None:
            side = next((BRANCH_SIDE[t.lower_] for t in full.span if t.lower_ in BRANCH_SIDE), None)
        return side

    def group(self, mentions: list[Mention], backrefs: list[tuple[SpacySpan, int]]) -> list[Unit]:
        groups: dict[object, list[Mention]] = {}
        for m in sorted(mentions, key=lambda m: m.span.start):
            key: object = (
                (m.number, m.echelon)
                if m.number is not None
                else (m.formation.name if m.formation else m.span.text)
            )
            groups.setdefault(key, []).append(m)
        by_number = {k[0]: k for k in groups if isinstance(k, tuple) and k[0] is not None}
        for span, number in backrefs:  # "the 68th" after "the 68th Jaeger Brigade"
            key = by_number.get(number)
            if key is not None and span.start > groups[key][0].span.start:
                groups[key].append(Mention(span, number, key[1]))
        sides = {key: self.side_of(ms) for key, ms in groups.items()}
        # A unit named as part of another takes its side: "68th Separate Reconnaissance Battalion
        # of the 20th Motorized Rifle Division", "33rd … Regiment (20th … Division)".
        ordered = sorted(
            ((m, key) for key, ms in groups.items() for m in ms), key=lambda mk: mk[0].span.start
        )
        for (m, k), (n, k2) in zip(ordered, ordered[1:], strict=False):
            between = m.span.doc[m.span.end : n.span.start]
            if (
                sides[k] is None
                and sides[k2]
                and len(between) <= 3
                and all(t.lower_ in LINKS for t in between)
            ):
                sides[k] = sides[k2]
        units = []
        for key, ms in groups.items():
            full = max(ms, key=lambda m: len(m.span.text))
            formation = next((m.formation for m in ms if m.formation), None)
            branch = formation.branch if formation else None
            if full.number is not None and formation is None:
                words = full.span[1:-1].text if full.span[-1].lower_ in ECHELONS else full.span[1:].text
                branch = words or None
            units.append(
                Unit(
                    name=full.span.text,
                    canonical=formation.name if formation else None,
                    number=full.number,
                    echelon=full.echelon,
                    branch=branch,
                    side=sides[key],
                    spans=[span_of(m.span) for m in sorted(ms, key=lambda m: m.span.start)],
                    extractor=EXTRACTOR,
                )
            )
        return units


ensure_doc_extension(NAME)


@Language.factory("sitrep_units", assigns=["doc._.units"], requires=[])
def make_unit_finder(nlp: Language, name: str) -> UnitFinder:
    return UnitFinder(nlp, name)
