"""Places in Ukrainian and Russian text: Cyrillic and inflected names, resolved like English ones.

A candidate is a run of capitalised words (at most three): an adjective that is not a region
name ("Украинская армия", "Покровська громада") is no place. Each word is lemmatised with
pymorphy3 and every combination of its lemmas and its written form is looked up in the
gazetteer, whose names include GeoNames' Cyrillic alternate names: the parse whose lemma the
gazetteer knows wins, not pymorphy3's first ("Покровськом" → покровськ → Pokrovsk). Regions are
read from lexicons/<lang>/places/regions.txt ("Донецькій області", "на Донеччині"). The
candidates then go through the English pipeline's `resolve` (geocoding.py), so an ambiguous
name is settled by the same front-line coherence: Pokrovsk in Donetsk Oblast next to
Myrnohrad, not Pokrovsk in Yakutia.

Each place is named as first written, as the record names every place; its English (gazetteer)
name is its `canonical`, by which stories, timelines and reports merge it with the English
pipeline's places; the spans keep every form written.

    >>> doc = nlp("Бої тривають біля Покровська та Мирнограда.")  # doctest: +SKIP
    >>> [p.canonical for p in doc._.places]  # doctest: +SKIP
    ['Pokrovsk', 'Myrnohrad']
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import product

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...geo import Entry, Gazetteer, get_gazetteer
from ...lexicons import lexicon
from ...models import Place
from ..base import ensure_doc_extension, extractor_id, span_of
from ..morphology import lemmas, tags
from .geocoding import Candidate, resolve

NAME = "places"
VERSION = 1
EXTRACTOR = extractor_id("places.cyrillic", VERSION)
MAX_WORDS = 3
#: pymorphy3 grammemes of people's names: "Олег Петренко" is no village, whatever GeoNames holds.
PERSON = {"Name", "Surn", "Patr"}
#: pymorphy3 parts of speech of function words: a capitalised "По" or "Як" opens a sentence, not a place.
FUNCTION = {"PREP", "CONJ", "PRCL", "NPRO", "ADVB", "PRED", "INTJ"}
#: A sentence-initial word is capitalised by position only: it must be a known toponym (Geox),
#: unknown to the dictionary, or a town of this size.
INITIAL_MIN_POPULATION = 5000


def _capitalised(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and not token.is_upper


def _runs(doc: Doc) -> list[SpacySpan]:
    """Maximal runs of capitalised words inside one sentence ("Часів Яр", "Покровська")."""
    runs, start = [], None
    for i, token in enumerate(doc):
        joins = (
            start is not None and _capitalised(token) and not token.is_sent_start and i - start < MAX_WORDS
        )
        if joins:
            continue
        if start is not None:
            runs.append(doc[start:i])
        start = i if _capitalised(token) else None
    if start is not None:
        runs.append(doc[start:])
    return runs


#: Countries whose places have Cyrillic names of their own (GeoNames alternate names elsewhere are
#: mostly transliterations that common words collide with).
CYRILLIC_COUNTRIES = {
    "UA",
    "RU",
    "BY",
    "KZ",
    "KG",
    "TJ",
    "BG",
    "RS",
    "MK",
    "MN",
    "MD",
    "GE",
    "AM",
    "AZ",
    "UZ",
}
NOT_TOWNS = {
    "country",
    "sea",
    "ocean",
    "continent",
    "oblast",
    "krai",
    "region",
    "republic",
    "peninsula",
    "river",
}


def _likely(entry: Entry) -> bool:
    return (
        entry.cc in CYRILLIC_COUNTRIES
        or entry.feature in NOT_TOWNS
        or entry.feature == "capital"
        or (entry.population >= 500_000)
    )


def _forms(token: Token, lang: str) -> list[str]:
    """The written form, then every lemma (the gazetteer decides which parse is right)."""
    out = [token.text.lower()]
    out += [lemma for lemma in lemmas(token.text, lang) if lemma not in out]
    return out


class CyrillicPlaces:
    """Finds and resolves the places of a Ukrainian or Russian Doc."""

    def __init__(self, nlp: Language, name: str, gaz: Gazetteer | None = None) -> None:
        self.name = name
        self.lang = str(nlp.lang)
        self.gaz = gaz
        lex = lexicon(self.lang)
        regions = lex.entries("places/regions").tags
        # adjective lemma → (the noun it needs, the gazetteer name): "донецький" → область, Donetsk Oblast
        self.adjective_regions = {
            w: (t[1], t[-1].replace("_", " ")) for w, t in regions.items() if "adjective" in t
        }
        self.named_regions = {w: t[-1].replace("_", " ") for w, t in regions.items() if "shchyna" in t}
        self.abbreviations = {w: t[-1].replace("_", " ") for w, t in regions.items() if "abbreviation" in t}
        self.saying = lex.words("verbs_of_saying")
        self.heads = lex.words("places/metonym_heads")

    # --- finding ----------------------------------------------------------------------------
    def _noun_after(self, token: Token, noun: str) -> Token | None:
        """The region noun an adjective hangs on: next to it ("Донецькій області"), or at the end of a
        list of such adjectives ("Київською, Полтавською та Черкаською областями")."""
        doc = token.doc
        for j in range(token.i + 1, min(token.i + 16, len(doc))):
            word = doc[j]
            if word.lower_ == "обл" or noun in lemmas(word.lower_, self.lang):
                return word
            listed = word.text in {",", "і", "й", "та", "и"} or (
                _capitalised(word) and any(f in self.adjective_regions for f in lemmas(word.text, self.lang))
            )
            if not listed:
                return None
        return None

    def _region(self, token: Token, gaz: Gazetteer) -> tuple[SpacySpan, tuple[Entry, ...]] | None:
        """'Донецькій області' (adjective + region noun) or 'Донеччині' (a -щина name)."""
        doc = token.doc
        forms = lemmas(token.text, self.lang)
        adjective = next((self.adjective_regions[f] for f in forms if f in self.adjective_regions), None)
        if adjective is not None:
            noun = self._noun_after(token, adjective[0])
            if noun is None:
                return None
            if noun.i == token.i + 1:  # the noun is part of the name as written
                abbreviated = noun.lower_ == "обл" and noun.i + 1 < len(doc) and doc[noun.i + 1].text == "."
                return doc[token.i : noun.i + (2 if abbreviated else 1)], gaz.lookup(adjective[1])
            return doc[token.i : token.i + 1], gaz.lookup(adjective[1])
        name = next((self.named_regions[f] for f in forms if f in self.named_regions), None)
        return (doc[token.i : token.i + 1], gaz.lookup(name)) if name else None

    def _is_adjective(self, token: Token) -> bool:
        """An adjective before a noun ("Украинская армия", "Покровська громада") names no place."""
        if "ADJF" not in tags(token.text, self.lang):
            return False
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return nxt is not None and nxt.is_lower and "NOUN" in tags(nxt.text, self.lang)

    def _lookup(self, span: SpacySpan, gaz: Gazetteer) -> tuple[Entry, ...]:
        """Entries of the first form of the span the gazetteer knows (the written form first).

        A single word known only through an adjective's lemma is no place ("Київська" →
        київський → Kyivskyi), and a Cyrillic name of a small place abroad is a chance match of a
        common word ("Сили" → Selah, Washington): kept are places of the countries that write
        Cyrillic, countries, seas and big cities.
        """
        for combo in product(*(_forms(t, self.lang)[:4] for t in span)):
            if (
                len(span) == 1
                and combo[0] != span[0].text.lower()
                and self._adjective_lemma(span[0], combo[0])
            ):
                continue
            entries = tuple(e for e in gaz.lookup(" ".join(combo)) if _likely(e))
            if entries:
                return entries
        return ()

    def _adjective_lemma(self, token: Token, lemma: str) -> bool:
        from ..morphology import analyzer

        return any(
            p.normal_form == lemma and p.tag.POS in {"ADJF", "ADJS"}
            for p in analyzer(self.lang).parse(token.text)
        )

    def _plausible(self, span: SpacySpan, entries: tuple[Entry, ...]) -> bool:
        first = span[0]
        grammemes = tags(first.text, self.lang)
        if grammemes & FUNCTION:
            return False
        # "Олег Петренко" is no village, but "у Львові" is Lviv though Львов is a surname too.
        after_preposition = first.i > 0 and "PREP" in tags(first.doc[first.i - 1].text, self.lang)
        if len(span) == 1 and grammemes & PERSON and "Geox" not in grammemes and not after_preposition:
            return False
        if len(span) == 1 and self._is_adjective(first):
            return False
        if first.is_sent_start and len(span) == 1:
            known = self._known(first.text)
            return (
                "Geox" in grammemes
                or not known
                or max(e.population for e in entries) >= INITIAL_MIN_POPULATION
            )
        return True

    def _known(self, word: str) -> bool:
        from ..morphology import analyzer

        return any(p.is_known for p in analyzer(self.lang).parse(word))

    def candidates(self, doc: Doc, gaz: Gazetteer) -> list[Candidate]:
        """Every capitalised span the gazetteer knows in some form, longest first within a run."""
        found: list[Candidate] = []
        for token in doc:
            if token.is_upper and token.is_alpha and token.lower_ in self.abbreviations:
                span, entries = doc[token.i : token.i + 1], gaz.lookup(self.abbreviations[token.lower_])
                found.append(Candidate(span=span, name=span.text, entries=entries, from_ner=False))
        for run in _runs(doc):
            i = run.start
            while i < run.end:
                region = self._region(doc[i], gaz)
                if region and region[1]:
                    span, entries = region
                    found.append(Candidate(span=span, name=span.text, entries=entries, from_ner=False))
                    i = span.end
                    continue
                for j in range(run.end, i, -1):
                    span = doc[i:j]
                    entries = self._lookup(span, gaz)
                    if entries and self._plausible(span, entries):
                        found.append(Candidate(span=span, name=span.text, entries=entries, from_ner=False))
                        i = j
                        break
                else:
                    i += 1
        return found

    def metonym(self, cand: Candidate) -> bool:
        """A country or capital that acts ("Москва заявила", "Россия прибегла", "РФ одночасно атакувала"),
        or that names the state whose forces, ministry or act the noun before it is ("Минобороны России",
        "флоту РФ", "удари РФ")."""
        if cand.chosen is None or cand.chosen.feature not in {"country", "capital"}:
            return False
        doc = cand.span.doc
        before = doc[cand.span.start - 1] if cand.span.start > 0 else None
        if (
            before is not None
            and before.is_alpha
            and (
                before.lower_ in self.heads
                or any(lemma in self.heads for lemma in lemmas(before.text, self.lang))
            )
        ):
            return True
        # "передасть Україні боєприпаси": the recipient of a verb of giving, in the dative
        if (
            before is not None
            and "VERB" in tags(before.text, self.lang)
            and "datv" in tags(cand.span[0].text, self.lang)
        ):
            return True
        for token in doc[cand.span.end : min(cand.span.end + 2, len(doc))]:
            if not token.is_alpha:
                return False
            grammemes = tags(token.text, self.lang)
            if "VERB" in grammemes or any(lemma in self.saying for lemma in lemmas(token.text, self.lang)):
                return True
            if "ADVB" not in grammemes:
                return False
        return False

    def scene(self, cand: Candidate) -> bool:
        """Named as where things happen: "в Україні", "на Донбасі" (a locative after в/у/на)."""
        doc = cand.span.doc
        before = doc[cand.span.start - 1] if cand.span.start > 0 else None
        return (
            before is not None
            and before.lower_ in {"в", "у", "на", "во"}
            and "loct" in tags(cand.span[0].text, self.lang)
        )

    # --- writing ----------------------------------------------------------------------------
    def find(self, doc: Doc) -> list[Place]:
        gaz = self.gaz or get_gazetteer()
        cands = self.candidates(doc, gaz)
        resolve(cands, doc, gaz)
        groups: dict[int, list[Candidate]] = {}
        for c in cands:
            if c.chosen is not None:
                c.metonym = self.metonym(c)
                groups.setdefault(c.chosen.id, []).append(c)
        places = []
        for group in groups.values():
            entry = group[0].chosen
            assert entry is not None  # grouped by it
            first = min(group, key=lambda c: c.span.start)
            places.append(
                Place(
                    name=first.span.text,
                    canonical=entry.name,
                    geonameid=entry.geonameid,
                    lat=entry.lat,
                    lon=entry.lon,
                    country=entry.cc,
                    region=entry.region,
                    feature=entry.feature,
                    literal=literal(group, self.scene),
                    spans=[span_of(c.span) for c in group],
                    extractor=EXTRACTOR,
                )
            )
        return places

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = self.find(doc)
        return doc


ensure_doc_extension(NAME)


@Language.factory("sitrep_places_cyrillic", assigns=["doc._.places"], requires=["token.lemma", "doc.sents"])
def make_cyrillic_places(nlp: Language, name: str) -> CyrillicPlaces:
    return CyrillicPlaces(nlp, name)


def literal(group: list[Candidate], scene: Callable[[Candidate], bool]) -> bool:
    """FORMAT.md: one mention naming the scene makes a place literal; else a metonym when at
    least half of its mentions are (the rule of the English places, places.py)."""
    metonyms = sum(c.metonym for c in group)
    return any(not c.metonym and scene(c) for c in group) or not metonyms or metonyms * 2 < len(group)
