"""Units in Ukrainian and Russian text: an ordinal, its title's adjectives and an echelon noun.

"68-ма окрема єгерська бригада", "76-й гвардейской десантно-штурмовой дивизии", "116 ОМБр" (and
formations known by name, lexicons/<lang>/units/named.txt: "Чорноморського флоту"):
a number (with or without its case ending), up to five lower-case title words, and a noun whose
pymorphy3 lemma is an echelon of lexicons/<lang>/units/echelons.txt, or an abbreviation listed there. A unit named twice ("68-ї
бригади" later) is one item, named in its fullest form. A title word of one side's naming
conventions ("гвардейская", Russia's Guards; "окрема", Ukraine's separate brigades) gives the
side; Russian markers win, since Russian brigades may be "отдельные" too.

    >>> [u.name for u in find_units(nlp("Бійці 68-ї окремої єгерської бригади.") )]  # doctest: +SKIP
    ['68-ї окремої єгерської бригади']
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ...lexicons import lexicon
from ...models import Side, Unit
from ..base import ensure_doc_extension, extractor_id, span_of
from ..morphology import lemmas, tags

NAME = "units"
VERSION = 1
EXTRACTOR = extractor_id("units.cyrillic", VERSION)
# Up to three digits: a four-digit number before "році"/"году" is a year.
ORDINAL = re.compile(r"^(\d{1,3})(?:-?[а-яіїєґё]{1,3})?$", re.IGNORECASE)
#: pymorphy3 parts of speech of a unit's title words (adjectives and participles: "окремої", "гвардейской").
TITLE = {"ADJF", "ADJS", "PRTF", "PRTS"}
MAX_TITLE_WORDS = 5


class CyrillicUnits:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lang = str(nlp.lang)
        lex = lexicon(self.lang)
        entries = lex.entries("units/echelons").tags
        self.echelons = {w: t[-1] for w, t in entries.items() if "echelon" in t}
        self.sides: dict[str, Side] = {w: t[-1] for w, t in entries.items() if "side" in t}  # type: ignore[misc]
        # "омбр  brigade UA": the echelon, and the side its title word gives ("окрема": Ukraine's)
        self.abbreviations = {w: t[1] for w, t in entries.items() if "abbreviation" in t}
        self.abbreviation_sides: dict[str, Side] = {
            w: t[2] for w, t in entries.items() if "abbreviation" in t and len(t) > 2  # type: ignore[misc]
        }
        self.names: dict[tuple[str, ...], tuple[str, Side]] = {
            tuple(w.split("_")): (t[0], t[1]) for w, t in lex.entries("units/named").tags.items()  # type: ignore[misc]
        }

    def named(self, doc: Doc) -> list[tuple[SpacySpan, str, Side]]:
        """(span, echelon, side) of formations known by name ("Чорноморського флоту", "Северного флота")."""
        found = []
        for token in doc:
            for phrase, (echelon, side) in self.names.items():
                span = doc[token.i : token.i + len(phrase)]
                if len(span) == len(phrase) and span[0].text[:1].isupper() and all(
                    word in lemmas(t.text, self.lang) for t, word in zip(span, phrase, strict=True)
                ):
                    found.append((span, echelon, side))
        return found

    def _echelon(self, word: str) -> str | None:
        return next((self.echelons[lemma] for lemma in lemmas(word, self.lang) if lemma in self.echelons), None)

    def mentions(self, doc: Doc) -> list[tuple[SpacySpan, int, str]]:
        """(span, number, echelon) of every numbered unit mention."""
        found = []
        for token in doc:
            m = ORDINAL.match(token.text)
            if not m:
                continue
            j = token.i + 1
            while j < len(doc) and j - token.i <= MAX_TITLE_WORDS + 2:
                word = doc[j]
                echelon = self._echelon(word.text) if word.is_alpha else None
                if echelon is None:  # "116 ОМБр", "155 омбр"
                    echelon = self.abbreviations.get(word.lower_)
                if echelon:
                    found.append((doc[token.i : j + 1], int(m.group(1)), echelon))
                    break
                if not (word.text == "-" or (word.is_lower and (tags(word.text, self.lang) & TITLE or "-" in word.text))):
                    break
                j += 1
        return found

    def side(self, span: SpacySpan) -> Side | None:
        words = {lemma for t in span for lemma in lemmas(t.text, self.lang)}
        sides = {self.sides[w] for w in words if w in self.sides}
        sides |= {self.abbreviation_sides[t.lower_] for t in span if t.lower_ in self.abbreviation_sides}
        return "RU" if "RU" in sides else ("UA" if "UA" in sides else None)

    def find(self, doc: Doc) -> list[Unit]:
        units: dict[tuple[int, str], Unit] = {}
        for span, number, echelon in self.mentions(doc):
            key = (number, echelon)
            side = self.side(span)
            unit = units.get(key)
            if unit is None:
                units[key] = Unit(
                    name=span.text, number=number, echelon=echelon, side=side,
                    spans=[span_of(span)], extractor=EXTRACTOR,
                )
                continue
            unit.spans.append(span_of(span))
            if len(span.text) > len(unit.name):
                unit.name = span.text
            unit.side = unit.side or side
        by_name: dict[tuple[str, ...], Unit] = {}
        for span, echelon, named_side in self.named(doc):
            key_words = tuple(lemmas(t.text, self.lang)[0] for t in span)
            if key_words in by_name:
                by_name[key_words].spans.append(span_of(span))
                continue
            by_name[key_words] = Unit(
                name=span.text, number=None, echelon=echelon, side=named_side, spans=[span_of(span)], extractor=EXTRACTOR
            )
        return list(units.values()) + list(by_name.values())

    def __call__(self, doc: Doc) -> Doc:
        doc._.units = self.find(doc)
        return doc


ensure_doc_extension(NAME)


@Language.factory("sitrep_units_cyrillic", assigns=["doc._.units"], requires=["doc.sents"])
def make_cyrillic_units(nlp: Language, name: str) -> CyrillicUnits:
    return CyrillicUnits(nlp, name)
