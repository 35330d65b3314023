"""Actors in Ukrainian and Russian text: people by given name and surname, organisations by name.

    >>> doc = nlp("Вооруженные силы Украины и СБУ отчитались.")  # doctest: +SKIP
    >>> [(a.name, a.kind, a.side) for a in doc._.actors]  # doctest: +SKIP
    [('Вооруженные силы Украины', 'organisation', 'UA'), ('СБУ', 'organisation', 'UA')]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ...lexicons import lexicon
from ...models import Actor
from ..base import ensure_doc_extension, extractor_id, span_of
from ..morphology import lemmas, tags
from .cyrillic import (
    _is_name_word,
    _known,
    _Words,
)

ACTORS = extractor_id("actors.cyrillic", 1)


class CyrillicActors:
    """Named people and organisations: a given name with a surname ("Андрей Ковалев"), the
    organisations of voices/organisations.txt ("ЗСУ", "Сил оборони України"), and the bodies the
    article cites as sources ("Одесская областная прокуратура"; outlets are sources, not actors)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.words = _Words(str(nlp.lang))
        lex = lexicon(self.words.lang)
        self.organisations = {tuple(w.split()): t[-1] for w, t in lex.entries("voices/organisations").tags.items()}
        self.sides = lex.table("sides", ("UA", "RU"))

    def people(self, doc: Doc) -> list[SpacySpan]:
        found, i = [], 0
        while i < len(doc) - 1:
            first, second = doc[i], doc[i + 1]
            if _is_name_word(first) and _is_name_word(second) and "Name" in tags(first.text, self.words.lang):
                surname = tags(second.text, self.words.lang)
                end = i + 2
                third = doc[end] if end < len(doc) else None
                if third is not None and _is_name_word(third) and (
                    tags(third.text, self.words.lang) & {"Surn"} or not _known(third, self.words.lang)
                ):
                    end += 1  # "Олег Іванович Петренко"
                if surname & {"Surn", "Patr"} or not _known(second, self.words.lang):
                    found.append(doc[i:end])
                    i = end
                    continue
            i += 1
        return found

    def fixed(self, doc: Doc) -> list[tuple[SpacySpan, str]]:
        found = []
        for token in doc:
            for phrase, side in self.organisations.items():
                span = doc[token.i : token.i + len(phrase)]
                if len(span) != len(phrase) or not (_is_name_word(span[0]) or span[0].is_upper):
                    continue
                if all(w in lemmas(t.text, self.words.lang) or t.lower_ == w for t, w in zip(span, phrase, strict=True)):
                    found.append((span, side))
        return found

    def side(self, span: SpacySpan) -> str | None:
        for t in span:
            side = next((self.sides[lemma] for lemma in lemmas(t.lower_, self.words.lang) if lemma in self.sides), None)
            if side:
                return side
        return None

    def find(self, doc: Doc) -> list[Actor]:
        actors: dict[str, Actor] = {}

        def add(span: SpacySpan, kind: str, side: str | None) -> None:
            key = " ".join(lemmas(t.text, self.words.lang)[0] for t in span if t.is_alpha)
            if any(key in k or k in key for k in actors):
                return
            actors[key] = Actor(
                name=span.text, kind=kind, side=side or self.side(span),  # type: ignore[arg-type]
                spans=[span_of(span)], extractor=ACTORS,
            )

        taken: set[int] = set()
        for span in self.people(doc):
            add(span, "person", None)
            taken.update(range(span.start, span.end))
        for span, side in sorted(self.fixed(doc), key=lambda f: -len(f[0])):
            if not taken & set(range(span.start, span.end)):
                add(span, "organisation", side)
        for source in doc._.sources or []:
            cited = doc.char_span(source.spans[0].start, source.spans[0].end, alignment_mode="expand")
            if cited is None or taken & set(range(cited.start, cited.end)):
                continue
            if any(self.words.lemma_in(t, self.words.bodies) for t in cited):
                add(cited, "organisation", None)
        return list(actors.values())

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = self.find(doc)
        return doc


ensure_doc_extension("actors")


@Language.factory(
    "sitrep_actors_cyrillic", assigns=["doc._.actors"], requires=["doc._.sources", "token.lemma"]
)
def make_cyrillic_actors(nlp: Language, name: str) -> CyrillicActors:
    return CyrillicActors(nlp, name)
