"""Units: military formations, one item per unit with all its mentions, side from the text or the ORBAT.

sitrep.units/3 reads numbered formations on tokens, not NER (spaCy splits "68th Jaeger
Brigade" into ORDINAL + ORG): an ordinal, up to nine type words, and an echelon word or an
ISW abbreviation ("68th Separate Jaeger Brigade", "Russian 2nd Combined Arms Army", "20th
CAA", "44th AC", "76th Airborne (VDV) Division"), lists of ordinals sharing one echelon word
("the 252nd and 752nd motorized rifle regiments"), or an ordinal and a branch the order of
battle knows ("155th naval infantry"). Ukrainian and Russian abbreviations ("47 ОМБр",
"47-ї ОМБр"), named formations from the ORBAT ("Azov", "Wagner", "Akhmat"), groups of
forces ("the Tsentr Group of Forces", "the 'Center' troop unit") and names written before
an echelon word ("Zapad-Akhmat Battalion", "BARS-31 Detachment") count too. A later short
mention ("the 68th Brigade", "the 68th") joins the unit. The side comes from the words
around a mention ("Ukraine's 47th", "Russian 155th …", "(… Leningrad Military District)"),
else from src/sitrep/data/orbat.csv (scripts/build_orbat.py), else from a type word only
one side uses, else from the formation it is named as part of.

    >>> doc = nlp("The 68th Jaeger Brigade held.")  # doctest: +SKIP
    >>> [(u.name, u.number, u.echelon, u.side) for u in doc._.units]  # doctest: +SKIP
    [('68th Jaeger Brigade', 68, 'brigade', 'UA')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...lexicons import lexicon
from ...models import Side, Unit
from ..base import ensure_doc_extension, extractor_id, span_of
from .orbat import TYPE_WORDS, Formation, load_orbat

#: This module's word lists, read from src/sitrep/lexicons/en/ (see that package's docstring).
LEX = lexicon("en")

NAME = "units"
VERSION = 3
EXTRACTOR = extractor_id(NAME, VERSION)

ECHELONS = LEX.table("units/echelons")
# ISW's abbreviations after an ordinal ("20th CAA", "1st GTA", "44th AC", "150th MRD"), and the
# Latin forms of Ukrainian ones ("47th OMBr"). Case-sensitive: "AC" is not "ac".
ABBREVIATIONS = LEX.table("units/abbreviations")
ORDINAL = re.compile(r"^(\d{1,4})(?:st|nd|rd|th)$", re.IGNORECASE)
# Ordinals spelt out, capitalised only: "Ukraine's Third Assault Brigade", not "the first brigade to …".
WORD_ORDINALS = {
    w: n
    for n, w in enumerate(
        "First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh Twelfth".split(), start=1
    )
}
# Abbreviations after a bare number: Ukrainian ОМБр/ОШБр/ОДШБр/ОАеМБр/ОБрМП/ОГШБр,
# Russian ОМСБр/МСД/ВДД/ДШД/ТД/ОА/АК.
CYRILLIC = re.compile(r"^(?:Гв)?[А-ЯЄІЇ][А-ЯЄІЇа-яєії]{0,6}$")
CYRILLIC_ECHELON = tuple(LEX.table("units/cyrillic_echelons").items())
# Ukrainian and Russian echelon words in any case form ("бригада", "бригади", "полку").
CYRILLIC_WORDS = (
    ("бригад", "brigade"),
    ("полк", "regiment"),
    ("батальйон", "battalion"),
    ("батальон", "battalion"),
    ("дивізі", "division"),
    ("дивизи", "division"),
    ("корпус", "corps"),
)
RUSSIAN_ONLY = ("МСБр", "МСД", "ВДД", "ДШД", "ТД", "ОА", "АК", "МСП")
SIDE_WORDS: dict[str, Side] = cast("dict[str, Side]", LEX.table("sides", ("UA", "RU"), tag="unit"))
# Words in the bracket after a unit that place it in one army: Russian military districts and
# fleets as ISW abbreviates them ("(… 44th AC, LMD)"), the GRU, the occupation "republics".
AFTER_SIDE: dict[str, Side] = cast("dict[str, Side]", {**SIDE_WORDS, **LEX.table("units/after_side")})
# Type words only one side's formations carry (Russian motor rifle, VDV, Spetsnaz, Guards and
# combined arms formations, Kadyrov's Akhmat; Ukrainian Jaeger, Territorial Defense, airmobile).
BRANCH_SIDE: dict[str, Side] = {
    "rifle": "RU",
    "vdv": "RU",
    "spetsnaz": "RU",
    "guards": "RU",
    "combined": "RU",
    "akhmat": "RU",
    "jaeger": "UA",
    "territorial": "UA",
    "airmobile": "UA",
}
# Tokens that may stand between a unit and the formation it belongs to: "33rd Regiment of the
# 20th Division", "(20th MRD, 8th CAA)", "(both 25th CAA)", "including its 215th Battalion".
LINKS = {"of", "the", "(", ",", "[", "]", "its", "including", "both", "all", "reportedly", "formerly"}
# Names of Russian groups of forces and Ukrainian operational-strategic groups, folded to the
# ORBAT's names. Only these spellings: a misspelt name is left out rather than guessed.
GROUP_WORDS = LEX.table("units/group_words")
# Capitalised words before an echelon word that do not name a unit ("the Russian Army brigade").
NOT_NAMES = LEX.words("units/not_names") | frozenset(SIDE_WORDS) | frozenset(TYPE_WORDS)
# Words after an alias that make it a place or a weapon ("Azov Sea", "Magura drones", "Magura V5").
NOT_AFTER_ALIAS = {"sea", "steel", "drone", "drones", "boat", "boats", "missile", "missiles"}
MODEL = re.compile(r"^[A-Z]{0,3}-?\d")
NAMED_ECHELONS = {"battalion", "regiment", "brigade", "detachment", "legion"}


@dataclass
class Mention:
    span: SpacySpan
    number: int | None
    echelon: str | None
    side: Side | None = None
    formation: Formation | None = None
    name: str | None = None  # when the name is not the span's text ("252nd" of "252nd and 752nd …")

    @property
    def text(self) -> str:
        return self.name or self.span.text


def numbered_text(text: str) -> bool:
    """'414th brigade', 'Third Assault Brigade': a mention written with its number."""
    head = text.split()[0]
    return head in WORD_ORDINALS or ORDINAL.match(head) is not None


def side_word(doc: Doc, i: int) -> Side | None:
    tok = doc[i]
    key = tok.lower_ + ("'s" if i + 1 < len(doc) and doc[i + 1].text in {"'s", "’s"} else "")
    return SIDE_WORDS.get(key) or SIDE_WORDS.get(tok.lower_)


def side_before(span: SpacySpan) -> Side | None:
    """'Ukraine's 47th', 'Russian 2nd Army', 'the Russian 155th': a side word just before or inside."""
    doc = span.doc
    for i in reversed(range(max(0, span.start - 3), min(span.end, span.start + 2))):
        if i < span.start and doc[i].is_punct:
            break  # "… was Ukrainian; the Second Battalion": another clause
        side = side_word(doc, i)
        if side is not None:
            return side
    return None


def side_after(span: SpacySpan) -> Side | None:
    """'(… Leningrad Military District [LMD])', 'of the Armed Forces of Ukraine': the words after a unit."""
    doc = span.doc
    end = span.end
    if end >= len(doc) or doc[end].text not in {"(", "of"}:
        return None
    if doc[end].text == "of":
        words = doc[end : min(len(doc), end + 6)]
    else:
        depth, stop = 0, end
        while stop < min(len(doc), end + 40):
            depth += {"(": 1, ")": -1}.get(doc[stop].text, 0)
            stop += 1
            if depth == 0:
                break
        words = doc[end:stop]
    sides = {AFTER_SIDE[t.lower_] for t in words if t.lower_ in AFTER_SIDE}
    if any(t.lower_ == "district" for t in words):
        sides.add("RU")  # ISW names the military district only of Russian formations
    return sides.pop() if len(sides) == 1 else None


class UnitFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.orbat = load_orbat()
        self.matcher = Matcher(nlp.vocab)
        # Cheap token attributes in the Matcher; the exact forms are checked in Python on the few hits.
        self.matcher.add("ORD", [[{"LIKE_NUM": True, "IS_DIGIT": False, "IS_ALPHA": False}]])
        self.matcher.add("CYR", [[{"IS_DIGIT": True}, {"IS_ALPHA": True, "IS_ASCII": False}]])
        self.matcher.add("CYR", [[{"IS_DIGIT": True}, {"ORTH": "-"}, {"IS_ALPHA": True, "IS_ASCII": False}]])
        # Anchor words in a PhraseMatcher (a hash lookup per token, where a Matcher "IN" costs a
        # Python call): spelt ordinals, echelon words before a name, groups of forces ("group of
        # forces", "battlegroup", "troop unit"), whose name beside them group_span reads.
        self.anchors = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.anchors.add("WORD", [nlp.make_doc(w) for w in WORD_ORDINALS])
        self.anchors.add("ECH", [nlp.make_doc(w) for w in sorted(NAMED_ECHELONS)])
        groups = [f"{g} of {f}" for g in ("group", "grouping") for f in ("forces", "troops")]
        groups += ["battlegroup", "troop unit", "troop group", "troop grouping"]
        self.anchors.add("GROUP", [nlp.make_doc(g) for g in groups])
        # One-word aliases exactly as written ("Azov", not "azov"); longer ones in any case.
        self.named = PhraseMatcher(nlp.vocab)
        self.named_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        owners: dict[str, set[str]] = {}
        for f in self.orbat.formations:
            for alias in {*f.aliases, *((f.name,) if f.number is None else ())}:
                owners.setdefault(alias, set()).add(f.name)
        self.named_formations: dict[str, Formation] = {}
        for f in self.orbat.formations:
            # Named formations by name; numbered ones by their honorific ("Magura", "Azov").
            for alias in {*f.aliases, *((f.name,) if f.number is None else ())}:
                if len(owners[alias]) > 1:
                    continue  # an alias two formations share names neither
                self.named_formations[alias] = f
                self.named_formations[alias.lower()] = f
                pattern = nlp.make_doc(alias)
                (self.named if len(pattern) == 1 else self.named_lower).add(alias, [pattern])
        self.group_formations = {
            f.name.split()[0]: f for f in self.orbat.formations if f.echelon == "group of forces"
        }

    def __call__(self, doc: Doc) -> Doc:
        doc._.units = self.find_units(doc)
        return doc

    def numbered(self, doc: Doc, i: int) -> Mention | None:
        """A unit starting at the ordinal token i, or None."""
        spelt = doc[i].text in WORD_ORDINALS
        number = WORD_ORDINALS[doc[i].text] if spelt else int(ORDINAL.match(doc[i].text).group(1))  # type: ignore[union-attr]
        if i + 1 < len(doc) and doc[i + 1].text in ABBREVIATIONS:
            return Mention(doc[i : i + 2], number, ABBREVIATIONS[doc[i + 1].text])
        j = i + 1
        while j < len(doc) and j - i <= 9:
            tok = doc[j]
            if tok.lower_ in ECHELONS or tok.text in ABBREVIATIONS:
                break
            inner = 0 < j - i and j + 1 < len(doc) and doc[j + 1].is_title
            if not (
                tok.lower_ in TYPE_WORDS
                or tok.is_title
                or (tok.is_upper and tok.is_alpha and len(tok) <= 4)  # "LNR", "VDV"
                # "Luhansk People's Republic Army Corps", "Radiation, Chemical, and Biological …"
                or (inner and tok.text in {"'s", "’s", "and"})
                or (
                    tok.text == ","
                    and j + 1 < len(doc)
                    and (doc[j + 1].is_title or doc[j + 1].lower_ == "and")
                )
            ):
                break
            j += 1
        if j < len(doc) and (doc[j].lower_ in ECHELONS or (j > i + 1 and doc[j].text in ABBREVIATIONS)):
            echelon = ECHELONS.get(doc[j].lower_) or ABBREVIATIONS[doc[j].text]
            # "11th Army Corps": the last echelon word names the formation.
            while (
                j + 1 < len(doc) and doc[j + 1].lower_ in ECHELONS and doc[j + 1].is_title == doc[j].is_title
            ):
                j += 1
                echelon = ECHELONS[doc[j].lower_]
            return Mention(doc[i : j + 1], number, echelon)
        while j > i + 1 and doc[j - 1].text in {",", "and", "'s", "’s"}:
            j -= 1
        if j > i + 1 and not spelt:
            formation = self.orbat.by_branch(number, doc[i + 1 : j].text)
            if formation is not None:
                return Mention(doc[i:j], number, formation.echelon, formation=formation)
        return None

    def coordinated(self, head: Mention) -> list[Mention]:
        """'the 252nd and 752nd motorized rifle regiments': the ordinals listed before a unit."""
        doc, out = head.span.doc, []
        tail = head.span[1:].text
        k = head.span.start - 1
        while k > 0:
            if doc[k].lower_ == "the":
                k -= 1
            if k < 1 or doc[k].lower_ not in {"and", ",", "or"}:
                break
            k -= 1
            if doc[k].text == ",":
                k -= 1
            match = ORDINAL.match(doc[k].text) if k >= 0 else None
            if match is None:
                break
            out.append(
                Mention(doc[k : k + 1], int(match.group(1)), head.echelon, name=f"{doc[k].text} {tail}")
            )
            k -= 1
        return out

    def cyrillic(self, span: SpacySpan) -> Mention | None:
        """'47 ОМБр', '47-ї ОМБр', '47-ма окрема механізована бригада'."""
        doc, number = span.doc, int(span[0].text)
        j = span.end if len(span) == 3 else span.end - 1  # the first word after the number and its ending
        if j < len(doc) and CYRILLIC.match(doc[j].text):
            abbr = doc[j].text
            for suffix, echelon in CYRILLIC_ECHELON:
                if abbr.endswith(suffix):
                    side: Side = "RU" if abbr.removeprefix("Гв") in RUSSIAN_ONLY else "UA"
                    return Mention(doc[span.start : j + 1], number, echelon, side=side)
        if len(span) < 3:
            return None  # "14 дивізій" counts divisions: an ordinal has its ending ("47-ї")
        # Written out: the echelon word follows within four lower-case words.
        for k in range(j, min(len(doc), j + 4)):
            for stem, echelon in CYRILLIC_WORDS:
                if doc[k].lower_.startswith(stem):
                    return Mention(doc[span.start : k + 1], number, echelon)
            if not (doc[k].is_lower and doc[k].is_alpha and not doc[k].is_ascii):
                break
        return None

    @staticmethod
    def group_span(doc: Doc, start: int, end: int) -> tuple[SpacySpan, Token] | None:
        """The mention around an anchor and its name word: 'Tsentr Group of Forces', 'Battlegroup Center'."""
        quotes = {"'", "‘", "’", '"', "“", "”"}
        if doc[start].lower_ == "troop":  # "the 'Center' troop unit"
            if start >= 3 and doc[start - 1].text in quotes and doc[start - 3].text in quotes:
                return doc[start - 3 : end], doc[start - 2]
            return None
        if doc[start].lower_ == "battlegroup" and end < len(doc) and doc[end].is_title:
            return doc[start : end + 1], doc[end]
        if start > 0 and doc[start - 1].is_title:
            return doc[start - 1 : end], doc[start - 1]
        return None

    def group_of_forces(self, span: SpacySpan, word: Token) -> Mention | None:
        """'the Tsentr Group of Forces', 'Battlegroup Center', "the 'Center' troop grouping"."""
        key = GROUP_WORDS.get(word.lower_)
        formation = self.group_formations.get(key or "")
        if formation is None:
            return None
        return Mention(span, None, formation.echelon, side=formation.side, formation=formation)

    def named_unit(self, doc: Doc, j: int) -> Mention | None:
        """'Zapad-Akhmat Battalion', 'BARS-31 Detachment': a name written before an echelon word."""
        e = j
        while e > 1 and j - e < 2 and doc[e - 1].is_lower and doc[e - 1].lower_ in TYPE_WORDS:
            e -= 1  # "Black Raven drone detachment"
        k = e
        while (
            k > 0
            and e - k < 5
            and (
                doc[k - 1].is_title or (doc[k - 1].is_upper and doc[k - 1].is_alpha) or "-" in doc[k - 1].text
            )
        ):
            k -= 1
        bounded = k > 0 and (doc[k - 1].is_lower or doc[k - 1].is_punct)
        if e - k >= 5 or k == e or not (bounded or doc[k].lower_ in {"the", "a", "an"}):
            return None  # a headline in title case, a numbered unit, a name we cannot bound
        if j + 1 < len(doc) and doc[j + 1].is_title:
            return None  # "Legion Media": the echelon word is part of another name
        while k < j and doc[k].lower_ in NOT_NAMES:
            k += 1  # "the Russian Army …", "Chechen Akhmat …": not part of the name
        words = [t for t in doc[k:e] if t.text != "-"]
        if not words or all(t.lower_ in NOT_NAMES or t.like_num for t in words):
            return None
        if not doc[j].is_title and not any(t.is_title or t.is_upper for t in words):
            return None
        span = doc[k : j + 1]
        formation = self.named_formations.get(doc[k:j].text) or self.named_formations.get(span.text)
        if formation is not None:
            return Mention(
                span, formation.number, formation.echelon, side=formation.side, formation=formation
            )
        # "Azov Assault Battalion": a formation the name holds gives the side.
        side = next(
            (self.named_formations[t.text].side for t in words if t.text in self.named_formations), None
        )
        return Mention(span, None, ECHELONS[doc[j].lower_], side=side)

    def find_units(self, doc: Doc) -> list[Unit]:
        """Every unit of the article: numbered first, then groups, names before echelons, aliases."""
        mentions: list[Mention] = []
        backrefs: list[tuple[SpacySpan, int]] = []

        def free(start: int, end: int) -> bool:
            return not any(m.span.start < end and start < m.span.end for m in mentions)

        matches: dict[str, list[tuple[int, int]]] = {"GROUP": [], "ECH": []}
        found = [*self.named(doc), *self.named_lower(doc)]
        # A former name with its number ("2nd Luhansk People's Republic Army Corps", now the 3rd
        # Guards Combined Arms Army) is an ORBAT alias: the unit keeps the number it is written
        # with, and takes its side from the formation, not from another side's 2nd corps.
        for match_id, start, end in sorted(found, key=lambda x: (x[1] - x[2], x[1])):
            if ORDINAL.match(doc[start].text) and free(start, end) and (m := self.numbered(doc, start)):
                f = self.named_formations[doc.vocab.strings[match_id]]
                mentions.append(Mention(m.span, m.number, m.echelon, side=f.side))
        numbers = list(self.matcher(doc))
        for match_id, start, end in self.anchors(doc):
            label = doc.vocab.strings[match_id]
            if label == "WORD":
                if doc[start].text in WORD_ORDINALS:  # capitalised only
                    numbers.append((match_id, start, end))
            else:
                matches[label].append((start, end))
        for match_id, start, end in sorted(numbers, key=lambda m: m[1]):
            if not free(start, start + 1):
                continue
            label = doc.vocab.strings[match_id]
            if label == "CYR":
                m = self.cyrillic(doc[start:end])
            elif label == "WORD":
                m = self.numbered(doc, start)
            elif not ORDINAL.match(doc[start].text):
                continue
            else:
                m = self.numbered(doc, start)
                if m is None and start > 0 and doc[start - 1].lower_ in {"the", "'s", "’s"} | set(SIDE_WORDS):
                    backrefs.append((doc[start:end], int(ORDINAL.match(doc[start].text).group(1))))  # type: ignore[union-attr]
            if m is not None:
                listed = self.coordinated(m)
                taken = {c.span.start for c in listed}
                backrefs = [(s, n) for s, n in backrefs if s.start not in taken]
                mentions.extend([m, *listed])
        for start, end in matches["GROUP"]:
            grp = self.group_span(doc, start, end)
            if grp and free(grp[0].start, grp[0].end) and (m := self.group_of_forces(*grp)):
                mentions.append(m)
        # A name written before an echelon word first: "Zapad-Akhmat Battalion" is not Akhmat.
        for j, _ in matches["ECH"]:
            if (
                j > 0
                and free(j - 1, j + 1)
                and (m := self.named_unit(doc, j)) is not None
                and free(m.span.start, m.span.end)
            ):
                mentions.append(m)
        for match_id, start, end in sorted(found, key=lambda x: (x[1] - x[2], x[1])):  # longest first
            span = doc[start:end]
            if not free(start, end) or self.inside_name(span):
                continue
            f = self.named_formations[doc.vocab.strings[match_id]]
            mentions.append(Mention(span, f.number, f.echelon, side=f.side, formation=f))
        return self.group(mentions, backrefs)

    @staticmethod
    def inside_name(span: SpacySpan) -> bool:
        """'Sea of Azov', 'Azov Sea', 'Ann Wagner', 'Sever-Akhmat': the alias is part of a longer name."""
        doc, start, end = span.doc, span.start, span.end
        if start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ == "sea":
            return True
        if end < len(doc) and (doc[end].lower_ in NOT_AFTER_ALIAS or MODEL.match(doc[end].text)):
            return True  # "Azov Sea", "Magura V5 sea drones": a place, a weapon
        if (start > 0 and doc[start - 1].text == "-") or (end < len(doc) and doc[end].text == "-"):
            return True
        return any(
            e.label_ == "PERSON" and (e.start < start or e.end > end)
            for e in doc.ents
            if e.start < end and start < e.end
        )

    def side_of(self, ms: list[Mention]) -> Side | None:
        """The side of one unit: the text, then the ORBAT, then a branch only one side has."""
        full = max(ms, key=lambda m: len(m.text))
        side = next((s for m in ms if (s := m.side or side_before(m.span) or side_after(m.span))), None)
        formation = next((m.formation for m in ms if m.formation), None)
        if side is None and full.number is not None and full.echelon:
            side = self.orbat.side_of(full.number, full.echelon, " ".join(m.text for m in ms))
        if side is None and formation is not None:
            side = formation.side
        if side is None:
            words = {w.strip("()[]") for m in ms for w in m.text.lower().replace("-", " ").split()}
            side = next((BRANCH_SIDE[w] for w in sorted(words) if w in BRANCH_SIDE), None)
        return side

    def group(self, mentions: list[Mention], backrefs: list[tuple[SpacySpan, int]]) -> list[Unit]:
        groups: dict[object, list[Mention]] = {}
        for m in sorted(mentions, key=lambda m: m.span.start):
            key: object = (
                (m.number, m.echelon)
                if m.number is not None
                else (m.formation.name if m.formation else m.span.text.lower())
            )
            groups.setdefault(key, []).append(m)
        by_number = {k[0]: k for k in groups if isinstance(k, tuple) and k[0] is not None}
        for span, number in backrefs:  # "the 68th" after "the 68th Jaeger Brigade"
            key = by_number.get(number)
            if key is not None and span.start > groups[key][0].span.start:
                groups[key].append(Mention(span, number, key[1]))
        sides = {key: self.side_of(ms) for key, ms in groups.items()}
        # A unit named beside the formation it belongs to takes its side, either way round:
        # "68th … Battalion of the 20th Motorized Rifle Division", "(72nd MRD, 44th AC)".
        ordered = sorted(
            ((m, key) for key, ms in groups.items() for m in ms), key=lambda mk: mk[0].span.start
        )
        for _ in range(2):
            for (m, k), (n, k2) in zip(ordered, ordered[1:], strict=False):
                between = m.span.doc[m.span.end : n.span.start]
                if len(between) <= 4 and all(t.lower_ in LINKS for t in between):
                    if sides[k] is None and sides[k2]:
                        sides[k] = sides[k2]
                    elif sides[k2] is None and sides[k]:
                        sides[k2] = sides[k]
        units = []
        for key, ms in groups.items():
            ms.sort(key=lambda m: m.span.start)
            # The fullest numbered form names it ("414th brigade", not its honorific).
            full = max(ms, key=lambda m: (numbered_text(m.text), m.name is None, len(m.text)))
            formation = next((m.formation for m in ms if m.formation), None)
            branch = formation.branch if formation else None
            if full.number is not None and formation is None:
                words = full.text.split()[1:]
                if words and (words[-1].lower() in ECHELONS or words[-1] in ABBREVIATIONS):
                    words = words[:-1]
                branch = " ".join(words) or None
            units.append(
                Unit(
                    name=full.text,
                    canonical=formation.name if formation else None,
                    number=full.number,
                    echelon=full.echelon,
                    branch=branch,
                    side=sides[key],
                    spans=[span_of(m.span) for m in ms],
                    extractor=EXTRACTOR,
                )
            )
        return units


ensure_doc_extension(NAME)


@Language.factory(
    "sitrep_units",
    assigns=["doc._.units"],
    requires=["doc.ents"],
)
def make_unit_finder(nlp: Language, name: str) -> UnitFinder:
    return UnitFinder(nlp, name)
