"""Sources: the outlets and bodies an article cites for its reporting, and the scope of each citation.

sitrep.sources/1 finds mentions of the curated list in `data/outlets.csv` (outlets, agencies,
ministries, staffs, channels, think tanks, with aliases; docs/sources.md says where each fact
comes from) and of other organisations and bodies ("the Deep State Telegram channel", "a
Ukrainian military source"), and keeps those the text cites: the subject of a verb of saying
("The Wall Street Journal writes"), "according to X", "as reported by X", "citing X", "told X",
"X's report", "in an interview with X", "wrote on Telegram". A mention in any other role
("the Kremlin's goal") or inside a quotation is not a citation, nor is a correspondent's
credit ("…, Jane Doe writes from Brussels") or an assessing body's own work ("ISW has observed
evidence …", "ISW will continue to refine …").

People and evidence credited with information are sources too (FORMAT.md's conventions): a
named person or a placed unnamed one who reports ("military observer X reported that …"), a
spokesperson whose title names the body ("… Forces Spokesperson Major X stated that …", named
whole), a bare plural of a profession ("Analysts say …"), and kinds of evidence by their kind
("satellite imagery shows", "signals intelligence detected", "detected by the FIRMS sensors") or
through whoever supplied them ("footage from Russian milbloggers showed").

The jobs live in small modules: `citing` (the cue that cites a phrase), `informants` (people
credited with information), `evidence` (kinds of evidence), `citations` (the scope of each
citation, written to ``doc._.citations``, and the attribution chain).

    >>> load_outlets()[0].name
    'The Wall Street Journal'
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...models import Source
from ...outlets import Outlet, load_outlets
from ..base import ensure_doc_extension, extractor_id, items_of, span_of
from .citations import Citation, chain_for, citation_of, cited_at, same_words
from .citing import body_phrase, citing_cue, phrase_head
from .cues import BODY_NOUNS, PERSON_NOUNS, side_of_words, token_indices
from .evidence import evidence_of
from .informants import informants_of, officials_cited, spokesperson
from .quotes import doc_text, quote_spans

__all__ = ["Citation", "SourceFinder", "chain_for", "cited_at", "load_outlets"]

NAME = "sources"
VERSION = 1
EXTRACTOR = extractor_id(NAME, VERSION)

#: Nouns of a body that speak for themselves only when named (an ORG entity), never as a bare noun.
NAMED_ONLY = frozenset(
    {
        "office",
        "forces",
        "force",
        "group",
        "center",
        "centre",
        "administration",
        "council",
        "department",
        "service",
        "institute",
        "network",
        "operator",
        "mission",
    }
)
#: Last words of unit names ("2nd Special Medical Battalion"): units, not cited bodies.
ECHELONS = frozenset(
    {
        "brigade",
        "battalion",
        "regiment",
        "division",
        "corps",
        "company",
        "army",
        "platoon",
        "squadron",
        "detachment",
    }
)
#: Citation words of Ukrainian and Russian reports ("Джерело:" opens Ukrainska Pravda's source line).
FOREIGN_CUES = frozenset(
    {
        "джерело",
        "повідомляє",
        "повідомив",
        "повідомила",
        "повідомили",
        "пише",
        "написав",
        "написала",
        "передає",
        "заявив",
        "заявила",
        "даними",
        "источник",
        "сообщает",
        "сообщил",
        "сообщила",
        "пишет",
        "передает",
        "заявил",
        "данным",
    }
)
ENT_LABELS = {"ORG"}
#: Footage and images credited as a source by themselves ("geolocated footage shows …"). Off: the
#: gold records credit images through whoever published them, and an assessing body's own
#: geolocated footage not at all; scored on news-check, crediting footage by itself lowered
#: sources F1 (0.667 → 0.643), as it did on news and news-extra.
FOOTAGE_AS_SOURCE = False

ensure_doc_extension(NAME)
ensure_doc_extension("citations")


def _cue_word_in(sent: SpacySpan) -> Token | None:
    """A Ukrainian or Russian citation word in the sentence (the English parse is useless there)."""
    return next((t for t in sent if t.lower_ in FOREIGN_CUES), None)


def _name_of(span: SpacySpan) -> str:
    text = span.text.strip(" ,.;:")
    for suffix in ("'s", "’s", "'", "’"):
        text = text.removesuffix(suffix)
    return text.strip()


class SourceFinder:
    """Finds the cited sources of a doc (the list is matched with two PhraseMatchers)."""

    def __init__(self, nlp: Language, name: str, *, footage: bool = FOOTAGE_AS_SOURCE) -> None:
        self.name = name
        self.footage = footage
        self.outlets = load_outlets()
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")  # acronyms: "AP", "RIA", "UN"
        for k, outlet in enumerate(self.outlets):
            forms = (outlet.name, *outlet.aliases)
            long_forms = [f for f in forms if len(f) > 4 or " " in f]
            short_forms = [f for f in forms if f not in long_forms]
            if long_forms:
                self.lower.add(str(k), [nlp.make_doc(f) for f in long_forms])
            if short_forms:
                self.exact.add(str(k), [nlp.make_doc(f) for f in short_forms])

    def __call__(self, doc: Doc) -> Doc:
        sources, citations = self.find(doc)
        doc._.sources = sources
        doc._.citations = citations
        return doc

    def find(self, doc: Doc) -> tuple[list[Source], list[Citation]]:
        text = doc_text(doc)
        quoted = bytearray(len(text) + 1)
        for start, end in quote_spans(text):
            quoted[start:end] = b"\x01" * (end - start)
        candidates: list[tuple[SpacySpan, Outlet | None]] = []
        seen_tokens: set[int] = set()
        matches = [(m, s, e) for m, s, e in self.lower(doc)] + [(m, s, e) for m, s, e in self.exact(doc)]
        for match_id, start, end in sorted(matches, key=lambda m: (m[1], -(m[2] - m[1]))):
            if start in seen_tokens:
                continue
            seen_tokens.update(range(start, end))
            listed = self.outlets[int(doc.vocab.strings[match_id])]
            span = doc[start:end]
            if span.text.isupper() and not any(
                f.isupper() and f.lower() == span.text.lower() for f in (listed.name, *listed.aliases)
            ):
                continue  # "KYIV (REUTERS) -": a dateline credit, not a citation
            candidates.append((span, listed))
        not_bodies = _not_bodies(doc)
        for ent in doc.ents:
            if ent.label_ in ENT_LABELS and not seen_tokens.intersection(range(ent.start, ent.end)):
                if _name_of(ent).lower() in not_bodies or ent.text.isupper() and len(ent.text) > 3:
                    continue  # a person or place mislabelled ORG, a unit, a dateline ("REUTERS")
                if (
                    ent[-1].lower_ in ECHELONS
                    or any(c.isdigit() or c == "," for c in ent.text)
                    or _is_person(ent)
                ):
                    continue  # a unit, a weapon ("FP-5 Flamingo"), a list of names, a described person
                described = spokesperson(ent)
                if described is not None:
                    candidates.append((described, None))
                    seen_tokens.update(range(described.start, described.end))
                    continue
                candidates.append((ent, None))
                seen_tokens.update(range(ent.start, ent.end))
        for i in token_indices(doc, LOWER, BODY_NOUNS):
            t = doc[i]
            if (
                t.i in seen_tokens
                or t.pos_ not in {"NOUN", "PROPN"}
                or t.lower_ not in BODY_NOUNS
                or t.lower_ in NAMED_ONLY
                and not _of_body(t)
            ):
                continue
            if citing_cue(t) is not None:
                phrase = body_phrase(t)
                if seen_tokens.intersection(range(phrase.start, phrase.end)):
                    continue  # "outlet Militarnyi": the listed name already stands for it
                bare = all(w.dep_ == "det" for w in phrase if w.i != t.i)  # "the outlet": named before
                if len(phrase) > 1 and not bare or t.lower_ in {"milblogger", "milbloggers"}:
                    candidates.append((phrase, None))
                    seen_tokens.update(range(phrase.start, phrase.end))

        informants: dict[int, Token] = {}
        listed_tokens = {
            i for span, outlet in candidates if outlet is not None for i in range(span.start, span.end)
        }
        for span, verb in informants_of(doc, listed_tokens, quoted, heads=seen_tokens):
            informants[span.start] = verb
            candidates.append((span, None))
        for span, verb in officials_cited(doc, seen_tokens):
            informants[span.start] = verb
            candidates.append((span, None))
        for span, verb in evidence_of(doc, quoted, taken=seen_tokens, footage=self.footage):
            informants[span.start] = verb
            candidates.append((span, None))

        found: dict[str, Source] = {}
        citations: list[Citation] = []
        heads: set[int] = set()
        for span, outlet in sorted(candidates, key=lambda c: c[0].start):
            if quoted[span.start_char]:
                continue
            head = phrase_head(span.root, through_people=outlet is not None)
            cue = informants.get(span.start) if outlet is None else None
            cue = cue or citing_cue(head)
            if cue is not None and head.i in heads and head.i not in range(span.start, span.end):
                continue  # "the Deep State Telegram channel": one source, not two
            if cue is None and outlet is not None:
                cue = _cue_word_in(span.sent)
            if cue is None:
                continue
            heads.add(head.i)
            name = _name_of(span)
            if outlet is None and name[:4].lower() == "the ":
                name = name[4:]  # "the General Staff"; a listed name keeps its article ("The Economist")
            if not name or not any(c.isalpha() for c in name):
                continue
            key = (outlet.name if outlet else name).lower()
            for known_key, known in found.items():
                if outlet is None and (same_words(name, known.name) or same_words(known.name, name)):
                    key = known_key
            if key in found:
                found[key].spans.append(span_of(span))
            else:
                found[key] = Source(
                    name=name,
                    canonical=outlet.name if outlet else None,
                    kind=outlet.kind if outlet else None,
                    side=(outlet.side if outlet else None) or side_of_words(name),  # type: ignore[arg-type]
                    spans=[span_of(span)],
                    extractor=EXTRACTOR,
                )
            citations.append(citation_of(name, span, cue, text_length=len(text)))
        return list(found.values()), citations


def _of_body(t: Token) -> bool:
    """A generic body noun named by the body it belongs to: "the press service of the administration",
    "the prosecutor's office" (a bare "the office" or "the forces" names nobody)."""
    if any(c.dep_ == "poss" and c.pos_ in {"NOUN", "PROPN"} and c.ent_type_ != "PERSON" for c in t.lefts):
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(
            o.dep_ == "pobj" and (o.lower_ in BODY_NOUNS or o.ent_type_ in {"ORG", "GPE"}) for o in c.children
        )
        for c in t.children
    ) and any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in t.lefts)


def _is_person(ent: SpacySpan) -> bool:
    """An ORG entity described as a person: "Tymofei, a military medic with …"."""
    root = ent.root
    linked = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    return any(t.lemma_.lower() in PERSON_NOUNS for t in linked)


def _not_bodies(doc: Doc) -> set[str]:
    """Names the text also gives as a person or place: the small model labels some of them ORG."""
    out = {ent.text.lower() for ent in doc.ents if ent.label_ in {"PERSON", "GPE", "LOC"}}
    out.update(t.lower_ for ent in doc.ents if ent.label_ == "PERSON" for t in ent if t.is_title)
    for field in ("places", "units"):
        out.update(getattr(item, "name", "").lower() for item in items_of(doc, field))
    return out


@Language.factory(
    "sitrep_sources",
    assigns=["doc._.sources", "doc._.citations"],
    requires=[
        "token.lemma",
        "token.dep",
        "token.tag",
        "doc.sents",
        "doc.ents",
        "doc._.outlet",
        "doc._.places",
        "doc._.units",
    ],
)
def make_source_finder(nlp: Language, name: str) -> SourceFinder:
    return SourceFinder(nlp, name)
