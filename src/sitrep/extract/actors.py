"""Actors: named people and organisations, one item per entity with all its mentions.

First pass (sitrep.actors/1): spaCy's PERSON and ORG entities, merged so that a later
short mention ("Zelensky") joins the fullest earlier one ("President Volodymyr Zelensky").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..models import Actor
from .base import ensure_doc_extension, extractor_id, spans_of

NAME = "actors"
VERSION = 1
EXTRACTOR = extractor_id(NAME, VERSION)
KINDS = {"PERSON": "person", "ORG": "organisation"}
# Titles that spaCy sometimes folds into a PERSON entity; the name is what follows.
TITLES = {"president", "minister", "general", "gen.", "colonel", "col.", "commander", "mr", "mr.", "ms", "ms."}

ensure_doc_extension(NAME)


def clean_name(ent: SpacySpan) -> str:
    words = [t for t in ent if not (t.i == ent.start and t.lower_ in TITLES)]
    text = ent.doc[words[0].i : words[-1].i + 1].text if words else ent.text
    return text.removesuffix("'s").removesuffix("’s").strip()


def same_entity(short: str, full: str) -> bool:
    """'Zelensky' is 'Volodymyr Zelensky': the words of one appear, in order, in the other."""
    s, f = short.lower().split(), full.lower().split()
    return bool(s) and any(f[i : i + len(s)] == s for i in range(len(f) - len(s) + 1))


def find_actors(doc: Doc) -> list[Actor]:
    groups: list[tuple[str, str, list[SpacySpan]]] = []  # (name, kind, mentions)
    for ent in doc.ents:
        kind = KINDS.get(ent.label_)
        if kind is None:
            continue
        name = clean_name(ent)
        if len(name) < 2 or not any(c.isalpha() for c in name):
            continue
        for i, (known, known_kind, mentions) in enumerate(groups):
            if known_kind == kind and (same_entity(name, known) or same_entity(known, name)):
                mentions.append(ent)
                if len(name) > len(known):
                    groups[i] = (name, kind, mentions)
                break
        else:
            groups.append((name, kind, [ent]))
    return [
        Actor(name=name, kind=kind, spans=spans_of(mentions), extractor=EXTRACTOR)  # type: ignore[arg-type]
        for name, kind, mentions in groups
    ]


class ActorFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = find_actors(doc)
        return doc


@Language.factory("sitrep_actors", assigns=["doc._.actors"], requires=["doc.ents"])
def make_actor_finder(nlp: Language, name: str) -> ActorFinder:
    return ActorFinder(nlp, name)
