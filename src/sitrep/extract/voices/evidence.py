"""Evidence: kinds of evidence credited with information ("satellite imagery shows …").

FORMAT.md's convention: kinds of evidence credited as a source ("geolocated footage",
"satellite imagery") are sources by their kind, or through whoever supplied them ("footage from
Russian milbloggers showed").
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...lexicons import lexicon
from .citing import body_phrase
from .cues import can_speak, token_indices
from .informants import INFORMING_VERBS

#: This module's word lists, read from src/sitrep/lexicons/en/ (see that package's docstring).
LEX = lexicon("en")
#: Kinds of evidence credited whoever collected them ("satellite imagery", "signals intelligence").
INTELLIGENCE_NOUNS = LEX.words("voices/evidence", "intelligence")
#: Images and film credited as evidence ("geolocated footage shows …").
FOOTAGE_NOUNS = LEX.words("voices/evidence", "footage")
#: Verbs whose subject is evidence credited with what follows ("imagery shows", "traffic indicated").
EVIDENTIAL_VERBS = LEX.words("voices/evidence", "evidential")


def evidence_of(
    doc: Doc, quoted: bytearray, *, taken: set[int], footage: bool
) -> list[tuple[SpacySpan, Token]]:
    """Kinds of evidence credited with information, with the verb that credits them.

    The subject of an evidential verb ("satellite imagery shows", "intercepted radio traffic
    indicated") is a source by its kind; the instrument of a verb of detecting is too ("fires
    detected by the NASA FIRMS sensors"). Evidence someone published or supplied is credited to
    them ("footage from Russian milbloggers showed"). With `footage=False` images and film count
    only through whoever supplied them.
    """
    kinds = INTELLIGENCE_NOUNS | FOOTAGE_NOUNS if footage else INTELLIGENCE_NOUNS
    out: list[tuple[SpacySpan, Token]] = []
    for i in token_indices(doc, LOWER, INTELLIGENCE_NOUNS | FOOTAGE_NOUNS):
        t = doc[i]
        if quoted[t.idx] or t.i in taken or t.pos_ not in {"NOUN", "PROPN"}:
            continue
        verb = t.head
        if t.dep_ in {"nsubj", "nsubjpass"} and verb.lemma_.lower() in EVIDENTIAL_VERBS | INFORMING_VERBS:
            supplier = _supplier(t)
            if supplier is not None:
                if supplier.i not in taken:
                    out.append((body_phrase(supplier), verb))
                continue
            if t.lower_ in kinds:
                out.append((_evidence_phrase(t), verb))
        elif (
            t.dep_ == "pobj"
            and t.head.dep_ == "agent"
            and t.head.head.lemma_.lower() in EVIDENTIAL_VERBS
            and t.lower_ in INTELLIGENCE_NOUNS
        ):
            out.append((_evidence_phrase(t), t.head.head))  # "detected by the NASA FIRMS/VIIRS sensors"
    return out


def _supplier(evidence: Token) -> Token | None:
    """Who published or supplied a piece of evidence: "footage from X", "imagery published by X"."""
    for c in evidence.children:
        if c.dep_ == "prep" and c.lower_ in {"from", "by"}:
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None and can_speak(obj):
                return obj
        if c.dep_ == "acl":
            for a in c.children:
                if a.dep_ == "agent":
                    obj = next((o for o in a.children if o.dep_ == "pobj"), None)
                    if obj is not None and can_speak(obj):
                        return obj
    return None


def _evidence_phrase(head: Token) -> SpacySpan:
    """A kind of evidence as written, with the words that qualify it ("Geolocated footage", "Intercepted radio traffic")."""
    doc = head.doc
    lo = head.i
    for t in head.lefts:
        if t.dep_ in {"compound", "amod", "nmod", "npadvmod", "nummod"}:
            lo = min(lo, t.left_edge.i)
    while lo < head.i and (doc[lo].dep_ == "det" or doc[lo].is_punct):
        lo += 1
    return doc[lo : head.i + 1]
