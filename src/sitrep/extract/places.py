"""Places: toponyms, one item per place with all its mentions.

First pass (sitrep.places/1): spaCy's GPE, LOC and FAC entities, without coordinates.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..models import Place
from .base import ensure_doc_extension, extractor_id, spans_of

NAME = "places"
VERSION = 1
EXTRACTOR = extractor_id(NAME, VERSION)
LABELS = {"GPE", "LOC", "FAC"}

ensure_doc_extension(NAME)


def find_places(doc: Doc) -> list[Place]:
    by_name: dict[str, list[SpacySpan]] = {}
    for ent in doc.ents:
        if ent.label_ in LABELS:
            name = ent.text.removeprefix("the ").removesuffix("'s").removesuffix("’s")
            by_name.setdefault(name, []).append(ent)
    return [Place(name=name, spans=spans_of(mentions), extractor=EXTRACTOR) for name, mentions in by_name.items()]


class PlaceFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = find_places(doc)
        return doc


@Language.factory("sitrep_places", assigns=["doc._.places"], requires=["doc.ents"])
def make_place_finder(nlp: Language, name: str) -> PlaceFinder:
    return PlaceFinder(nlp, name)
