"""Ukrainian and Russian lemmas from pymorphy3 (Korobov 2015; OpenCorpora and VESUM dictionaries).

spaCy's own uk/ru lemmatizer in "pymorphy3" mode chooses among pymorphy3's parses by the
token's POS tag, which a blank pipeline has none of (it then returns the lower-cased word and
warns W108). So ``sitrep_lemmas`` sets ``token.lemma_`` to pymorphy3's most probable parse,
and `lemmas` gives every parse's lemma, for the components that must pick the one their
lexicon or the gazetteer knows ("Покровська" → покровськ, the town, before покровська).

    >>> lemmas("Покровськом", "uk"), lemmas("Покровська", "uk")[-1]
    (('покровськ',), 'покровськ')
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .base import extractor_id

NAME = "lemmas"
VERSION = 1
EXTRACTOR = extractor_id(NAME, VERSION)
LANGUAGES = ("uk", "ru")


@cache
def analyzer(lang: str) -> Any:  # pymorphy3 ships no type hints
    """pymorphy3's analyser with the pinned dictionaries of `lang` (loaded once per process)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


@lru_cache(maxsize=200_000)
def lemmas(word: str, lang: str) -> tuple[str, ...]:
    """Every distinct lemma pymorphy3 gives `word`, most probable first (lower case)."""
    out: list[str] = []
    for parse in analyzer(lang).parse(word):
        if parse.normal_form not in out:
            out.append(parse.normal_form)
    return tuple(out) or (word.lower(),)


@lru_cache(maxsize=200_000)
def parses(word: str, lang: str) -> tuple[Any, ...]:
    """Every pymorphy3 parse of `word`, most probable first (cached: components ask for the same words)."""
    return tuple(analyzer(lang).parse(word))


@lru_cache(maxsize=200_000)
def tags(word: str, lang: str) -> frozenset[str]:
    """The grammemes of `word`'s most probable parse ("ADJF", "NOUN", "Geox", "Name"…)."""
    parses = analyzer(lang).parse(word)
    return frozenset(parses[0].tag.grammemes) if parses else frozenset()


class Lemmatizer:
    """Writes pymorphy3's most probable lemma to every word token."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lang = str(nlp.lang)

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.is_alpha or "-" in token.text:
                token.lemma_ = lemmas(token.text, self.lang)[0]
            else:
                token.lemma_ = token.text
        return doc


@Language.factory("sitrep_lemmas", assigns=["token.lemma"], requires=[])
def make_lemmatizer(nlp: Language, name: str) -> Lemmatizer:
    return Lemmatizer(nlp, name)
