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
from functools import cache
from itertools import product

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...geo import Entry, Gazetteer, get_gazetteer
from ...lexicons import lexicon
from ...models import Place
from ..base import ensure_doc_extension, extractor_id, span_of
from ..morphology import lemmas, parses, tags
from .geocoding import Candidate, resolve

NAME = "places"
VERSION = 2
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


def _hyphen(doc: Doc, i: int) -> bool:
    """A hyphen inside a name ("Приморсько-Ахтарська"): no space on either side, a capital after it."""
    return (
        doc[i].text in {"-", "‑"}
        and i > 0
        and i + 1 < len(doc)
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and _capitalised(doc[i + 1])
    )


def _runs(doc: Doc) -> list[SpacySpan]:
    """Maximal runs of capitalised words inside one sentence ("Часів Яр", "Покровська"); a
    hyphenated name is one run ("Приморсько-Ахтарська")."""
    runs, start, words = [], None, 0
    for i, token in enumerate(doc):
        if start is not None and (_hyphen(doc, i) or (i > 0 and _hyphen(doc, i - 1))):
            continue  # the hyphen and the word after it
        joins = start is not None and _capitalised(token) and not token.is_sent_start and words < MAX_WORDS
        if joins:
            words += 1
            continue
        if start is not None:
            runs.append(doc[start:i])
        start, words = (i, 1) if _capitalised(token) else (None, 0)
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


#: Endings of an adjective made from a town's name (Броварський ← Бровари, Клинский ← Клин).
TOWN_ADJECTIVE = ("ський", "цький", "зький", "ский", "цкий", "зкий", "ской")


def _person(first: Token, second: Token, lang: str) -> bool:
    """A given name followed by a capitalised word ("Роман Падун"): a person, whichever village shares the name."""
    if not second.is_alpha:
        return False
    given = parses(first.text, lang)
    surname = parses(second.text, lang)
    named = any("Name" in p.tag.grammemes for p in given) and not any(
        "Geox" in p.tag.grammemes for p in given
    )
    # the surname may be a common word too (ru "Падун"); it is no place name
    return named and not any("Geox" in p.tag.grammemes for p in surname)


def _without_people(run: SpacySpan, lang: str) -> list[SpacySpan]:
    """The run without the people it names ("Сказав Роман Падун" → "Сказав")."""
    doc, pieces, start, i = run.doc, [], run.start, run.start
    while i < run.end - 1:
        if _person(doc[i], doc[i + 1], lang):
            pieces.append(doc[start:i])
            start = i = i + 2
        else:
            i += 1
    pieces.append(doc[start : run.end])
    return [p for p in pieces if len(p)]


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


#: Endings of a Russian possessive adjective's short form, the first word of names like "Часов Яр"
#: (oblique "Часовым Яром", which pymorphy3 reads as the adjective часовой).
POSSESSIVE = ("ов", "ев", "ёв", "ин", "ын")


def _name_forms(token: Token, lang: str) -> list[str]:
    """The forms a word takes in the nominative of a name of several words: an adjective agrees
    with its noun ("Великої Новосілки" → велика, not the lemma великий; "Великой" → великая), a
    Russian possessive keeps its short form ("Часовым" → часов), then every lemma."""
    out = [token.text.lower()]
    for parse in parses(token.text, lang):
        if parse.tag.POS in {"ADJF", "ADJS"}:
            agreed = parse.inflect({"nomn"})
            if agreed is not None and agreed.word not in out:
                out.append(agreed.word)
            stem = parse.normal_form[:-2]
            if lang == "ru" and stem.endswith(POSSESSIVE) and stem not in out:
                out.append(stem)
            # "Приморсько-Ахтарська": a town in -ськ the dictionary lacks reads as an adjective
            if parse.normal_form.endswith(TOWN_ADJECTIVE) and stem not in out:
                out.append(stem)
    out += [lemma for lemma in lemmas(token.text, lang) if lemma not in out]
    if not any(p.is_known for p in parses(token.text, lang)):
        # a word the dictionary lacks ("Ахтарска"): the stem under a masculine noun's case endings
        word = token.text.lower()
        out += [word[: -len(e)] for e in CASE_ENDINGS if word.endswith(e) and word[: -len(e)] not in out]
    return out


#: Case endings of masculine nouns (genitive, dative, instrumental, locative) in both languages.
CASE_ENDINGS = ("ові", "ом", "ем", "а", "я", "у", "ю", "е", "і")


@cache
def _romanisation(lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """Letter → Latin letters within a word and at its start (lexicons/<lang>/places/transliteration.txt)."""
    inner: dict[str, str] = {}
    initial: dict[str, str] = {}
    for letter, latin in lexicon(lang).entries("places/transliteration").tags.items():
        inner[letter] = "" if latin[0] == "-" else latin[0]
        initial[letter] = "" if latin[-1] == "-" else latin[-1]
    return inner, initial


def romanise(name: str, lang: str) -> str:
    """A Cyrillic name in the Latin letters of GeoNames' romanised alternate names.

    >>> romanise("велика новосілка", "uk"), romanise("великая новосёлка", "ru")
    ('velyka novosilka', 'velikaya novoselka')
    """
    inner, initial = _romanisation(lang)
    words = []
    for word in name.split():
        words.append("".join((initial if i == 0 else inner).get(c, c) for i, c in enumerate(word)))
    return " ".join(words)


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
        self.object_verbs = lex.words("places/agent_object_verbs")
        self.predicates = lex.words("places/agent_predicates")
        self.district_nouns = lex.words("places/local_nouns", "district")
        self.sides = lex.words("sides")
        self.street_nouns = lex.words("places/local_nouns", "street")

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

    def _district(self, token: Token, gaz: Gazetteer) -> tuple[SpacySpan, tuple[Entry, ...]] | None:
        """'Броварському районі', 'Клинского района': a district or community named by the adjective
        of its centre town, placed at that town (Бровари, Клин, Раменское)."""
        doc = token.doc
        if token.i + 1 >= len(doc) or not self.district_nouns & set(lemmas(doc[token.i + 1].text, self.lang)):
            return None
        if token.i + 2 < len(doc) and _capitalised(doc[token.i + 2]):
            return None  # "Московский район Харькова": a city's district, named by no town
        for parse in parses(token.text, self.lang):
            if parse.tag.POS != "ADJF" or not parse.normal_form.endswith(TOWN_ADJECTIVE):
                continue
            if parse.normal_form in self.sides:
                return None  # "Українська громада": a people's adjective, not Українськ's
            lemma = parse.normal_form
            stem = next(lemma[: -len(e)] for e in TOWN_ADJECTIVE if lemma.endswith(e))
            names = [lemma[:-2], stem, stem + "и", stem + "ы"]  # Покровськ, Клин, Бровари
            neuter = parse.inflect({"neut", "sing", "nomn"})  # Раменское
            names += [neuter.word] if neuter else []
            for name in names:
                entries = tuple(
                    e for e in gaz.lookup(name) if e.cc in CYRILLIC_COUNTRIES and e.feature not in NOT_TOWNS
                )
                if entries:
                    return doc[token.i : token.i + 2], entries
        return None

    def streets(self, doc: Doc, places: list[Place]) -> list[Place]:
        """'вулиці Сватівська', 'улицу Некрасова': a street named after its noun, placed in the town its
        sentence names, else in the article's town (the one it names most often, first on a tie), as
        a site without a position of its own."""
        towns = [p for p in places if p.literal and p.feature not in NOT_TOWNS]
        article_town = max(towns, key=lambda p: (len(p.spans), -p.spans[0].start), default=None)
        found: dict[str, Place] = {}
        for token in doc:
            if not token.is_lower or not self.street_nouns & set(lemmas(token.text, self.lang)):
                continue
            end = token.i + 1
            while end < len(doc) and end - token.i <= 2 and _capitalised(doc[end]):
                end += 1
            if end == token.i + 1 or article_town is None:
                continue
            span = doc[token.i : end]
            sent = token.sent
            here = [p for p in towns if any(sent.start_char <= s.start < sent.end_char for s in p.spans)]
            town = here[0] if here else article_town
            key = " ".join(lemmas(t.text, self.lang)[0] for t in span[1:])
            if key in found:
                found[key].spans.append(span_of(span))
                continue
            found[key] = Place(
                name=span.text,
                canonical=f"{span[1:].text}, {town.canonical or town.name}",
                lat=town.lat,
                lon=town.lon,
                country=town.country,
                region=town.region,
                feature="local",
                literal=True,
                spans=[span_of(span)],
                extractor=EXTRACTOR,
            )
        return list(found.values())

    def _is_adjective(self, token: Token) -> bool:
        """An adjective before the noun it agrees with ("Украинская армия", "Покровська громада") names
        no place; "У Покровську снаряд влучив" (a locative, then the subject) does."""
        if "ADJF" not in tags(token.text, self.lang):
            return False
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if nxt is None or not nxt.is_lower or "NOUN" not in tags(nxt.text, self.lang):
            return False
        nouns = [p.tag for p in parses(nxt.text, self.lang) if p.tag.POS == "NOUN"]
        for adj in parses(token.text, self.lang):
            if adj.tag.POS != "ADJF":
                continue
            for noun in nouns:
                same_case = adj.tag.case == noun.case
                same_kind = adj.tag.number == "plur" == noun.number or adj.tag.gender in (None, noun.gender)
                if same_case and same_kind:
                    return True
        return False

    def _lookup(self, span: SpacySpan, gaz: Gazetteer) -> tuple[Entry, ...]:
        """Entries of the first form of the span the gazetteer knows (the written form first).

        A single word known only through an adjective's lemma is no place ("Київська" →
        київський → Kyivskyi), and a Cyrillic name of a small place abroad is a chance match of a
        common word ("Сили" → Selah, Washington): kept are places of the countries that write
        Cyrillic, countries, seas and big cities.
        """
        if len(span) == 1:
            for form in _forms(span[0], self.lang)[:4]:
                if form != span[0].text.lower() and self._adjective_lemma(span[0], form):
                    continue
                entries = tuple(e for e in gaz.lookup(form) if _likely(e))
                if entries:
                    return entries
            return ()
        # A name of several words: in Cyrillic, then romanised (GeoNames often holds only the
        # romanised Russian name of a Ukrainian town); a romanised match must be in a country
        # that writes Cyrillic, never a chance namesake abroad.
        gaps = [" " if t.whitespace_ else "" for t in span]
        combos = [
            "".join(f + gap for f, gap in zip(c, gaps, strict=True)).strip()
            for c in product(*(_name_forms(t, self.lang)[:6] for t in span))
        ]
        for combo in combos:
            entries = tuple(e for e in gaz.lookup(combo) if _likely(e))
            if entries:
                return entries
        for combo in combos:
            entries = tuple(e for e in gaz.lookup(romanise(combo, self.lang)) if e.cc in CYRILLIC_COUNTRIES)
            if entries:
                return entries
        return ()

    def _adjective_lemma(self, token: Token, lemma: str) -> bool:
        return any(
            p.normal_form == lemma and p.tag.POS in {"ADJF", "ADJS"} for p in parses(token.text, self.lang)
        )

    def _plausible(self, span: SpacySpan, entries: tuple[Entry, ...]) -> bool:
        first = span[0]
        grammemes = tags(first.text, self.lang)
        if grammemes & FUNCTION and not (len(span) > 1 and _hyphen(span.doc, span.start + 1)):
            return False  # a capitalised "По" or "Як", not the first half of "Приморско-Ахтарск"
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
        return any(p.is_known for p in parses(word, self.lang))

    def candidates(self, doc: Doc, gaz: Gazetteer) -> list[Candidate]:
        """Every capitalised span the gazetteer knows in some form, longest first within a run."""
        found: list[Candidate] = []
        for token in doc:
            if token.is_upper and token.is_alpha and token.lower_ in self.abbreviations:
                span, entries = doc[token.i : token.i + 1], gaz.lookup(self.abbreviations[token.lower_])
                found.append(Candidate(span=span, name=span.text, entries=entries, from_ner=False))
        for run in (piece for whole in _runs(doc) for piece in _without_people(whole, self.lang)):
            i = run.start
            while i < run.end:
                region = self._region(doc[i], gaz) or self._district(doc[i], gaz)
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
        """A country or capital that acts ("Москва заявила", "Россия прибегла", "РФ одночасно атакувала",
        "Україна повинна перемогти"), that is urged, invited or helped ("закликав Україну", "позвать
        Россию"), or that names the state whose forces, ministry or act the noun before it is
        ("Минобороны России", "МИД РФ", "прем'єром України", "удари РФ")."""
        if cand.chosen is None or cand.chosen.feature not in {"country", "capital"}:
            return False
        doc = cand.span.doc
        before = doc[cand.span.start - 1] if cand.span.start > 0 else None
        # A word, apostrophe included ("прем'єр"): not a number or a mark.
        if before is not None and any(ch.isalpha() for ch in before.text):
            before_lemmas = {before.lower_, *lemmas(before.text, self.lang)}
            if before_lemmas & self.heads or before_lemmas & self.object_verbs:
                return True
            # "передасть Україні боєприпаси": the recipient of a verb of giving, in the dative
            if "VERB" in tags(before.text, self.lang) and "datv" in tags(cand.span[0].text, self.lang):
                return True
        for token in doc[cand.span.end : min(cand.span.end + 2, len(doc))]:
            if not token.is_alpha:
                return False
            grammemes = tags(token.text, self.lang)
            after = lemmas(token.text, self.lang)
            if "VERB" in grammemes or any(
                lemma in self.saying or lemma in self.predicates for lemma in after
            ):
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
        places = self.find(doc)
        doc._.places = places + self.streets(doc, places)
        return doc


ensure_doc_extension(NAME)


@Language.factory("sitrep_places_cyrillic", assigns=["doc._.places"], requires=["token.lemma", "doc.sents"])
def make_cyrillic_places(nlp: Language, name: str) -> CyrillicPlaces:
    return CyrillicPlaces(nlp, name)


def literal(group: list[Candidate], scene: Callable[[Candidate], bool]) -> bool:
    """FORMAT.md: one mention naming the scene makes a place literal; else a metonym when at
    least half of its mentions are (English places take a third, metonymy.literal_item: here a
    third lost an event of the ukru set)."""
    metonyms = sum(c.metonym for c in group)
    return any(not c.metonym and scene(c) for c in group) or not metonyms or metonyms * 2 < len(group)
