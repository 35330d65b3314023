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

Each citation has a scope, written to ``doc._.citations``: an article-level one ("The Economist
writes that …", the sentence's main verb in the present tense) governs everything after it until
the next one; any other governs its sentence. `chain_for` turns that into the attribution chain
a quote or claim carries: article outlet → cited outlet → speaker.

    >>> load_outlets()[0].name
    'The Wall Street Journal'
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...lexicons import lexicon
from ...models import Source
from ...outlets import Outlet, load_outlets
from ..base import ensure_doc_extension, extractor_id, items_of, span_of
from .cues import (
    BODY_NOUNS,
    NOUN_STANCE,
    PERSON_NOUNS,
    VERB_STANCE,
    can_speak,
    is_byline,
    side_of_words,
    token_indices,
)
from .quotes import doc_text, quote_spans

#: This module's word lists, read from src/sitrep/lexicons/en/ (see that package's docstring).
LEX = lexicon("en")

NAME = "sources"
VERSION = 1
EXTRACTOR = extractor_id(NAME, VERSION)

#: Verbs whose subject is credited with information ("Mashovets reported that …", "footage shows …").
INFORMING_VERBS = LEX.words("verbs_of_saying", "informs")
#: Verbs of seeing, which cite their subject only with a that-clause ("ISW has observed evidence …").
PERCEPTION_VERBS = LEX.words("verbs_of_saying", "perception")
#: Cues that introduce nothing of their own ("ISW will continue to refine …").
NO_CLAIM_VERBS = LEX.words("verbs_of_saying", "no-claim")
#: Kinds of evidence credited whoever collected them ("satellite imagery", "signals intelligence").
INTELLIGENCE_NOUNS = LEX.words("voices/evidence", "intelligence")
#: Images and film credited as evidence ("geolocated footage shows …").
FOOTAGE_NOUNS = LEX.words("voices/evidence", "footage")
#: Verbs whose subject is evidence credited with what follows ("imagery shows", "traffic indicated").
EVIDENTIAL_VERBS = LEX.words("voices/evidence", "evidential")
#: Bare plurals of a profession credited with information ("Analysts say …").
GENERIC = LEX.words("voices/informants", "generic")
#: Verbs by which a profession passes on its view ("Analysts say …").
TELLING_VERBS = frozenset({"tell", "say"})
#: The longest description of an anonymous informant kept as a source's name, in tokens.
MAX_INFORMANT = 16
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
CITING_VERBS = {"cite", "quote"}
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
# Prepositions that cite a channel or interlocutor of a verb of saying: "told the WSJ", "wrote on Telegram".
CHANNEL_PREPS = {"to", "with", "on", "in", "via", "through"}
ENT_LABELS = {"ORG"}
#: Footage and images credited as a source by themselves ("geolocated footage shows …"). Off: the
#: gold records credit images through whoever published them, and an assessing body's own
#: geolocated footage not at all; scored on news-check, crediting footage by itself lowered
#: sources F1 (0.667 → 0.643), as it did on news and news-extra.
FOOTAGE_AS_SOURCE = False
# Article-level citations: the present tense of a verb of reporting, as the sentence's main verb.
ARTICLE_LEVEL_TAGS = {"VBZ", "VBP"}
ARTICLE_LEVEL_VERBS = {"write", "report", "say", "note", "claim", "state"}

ensure_doc_extension(NAME)
ensure_doc_extension("citations")


@dataclass(frozen=True)
class Citation:
    """A cited source and the characters it governs (its sentence, or the rest of the article)."""

    name: str
    start: int
    end: int
    scope: str  # "article" or "sentence"


def _is_cue_verb(t: Token) -> bool:
    return t.pos_ in {"VERB", "AUX"} and (t.lemma_.lower() in VERB_STANCE or t.lemma_.lower() in CITING_VERBS)


def _phrase_head(t: Token, *, through_people: bool = False) -> Token:
    """From a word inside a noun phrase up to its head ("Deep State" → "channel" in "the Deep State channel").

    With `through_people`, a listed body also reaches the person who speaks for it: "the head of
    … Rosatom said", "Munir Mammadzade, UNICEF country representative, said" cite Rosatom and UNICEF.
    """
    for _ in range(4):
        person = t.head.lemma_.lower() in PERSON_NOUNS or t.head.ent_type_ == "PERSON"
        if (
            t.dep_ in {"compound", "amod", "nmod", "flat"}
            and t.head is not t
            and (through_people or not person)
            or (t.dep_ == "appos" and (through_people or not person))
        ):
            t = t.head
        elif (
            t.dep_ == "pobj"
            and t.head.lower_ == "of"
            and t.head.head.pos_ in {"NOUN", "PROPN"}
            and (through_people or t.head.head.lemma_.lower() not in PERSON_NOUNS)
        ):
            t = t.head.head  # "the General Staff of the Armed Forces"
        else:
            break
    return t


def citing_cue(head: Token) -> Token | None:
    """The cue by which a noun phrase is cited, or None when it is not cited."""
    if head.dep_ == "conj" and head.head.pos_ in {"NOUN", "PROPN"}:
        head = head.head  # "Astra and a Ukrainian monitoring group reported"
    dep, gov = head.dep_, head.head
    if dep in {"nsubj", "nsubjpass"} and _is_cue_verb(gov):
        return None if is_byline(gov) or _own_analysis(gov) else gov
    for child in head.children:  # "A … source reported that …", parsed as a noun with a participle
        if child.dep_ == "acl" and _is_cue_verb(child) and any(c.dep_ == "ccomp" for c in child.children):
            return child
    if dep == "pobj":
        prep = gov
        if prep.lower_ == "to" and prep.head.lower_ == "according":
            return prep.head
        if prep.dep_ == "agent" and _is_cue_verb(prep.head):
            return prep.head  # "as reported by UNIAN"
        if prep.lower_ in CHANNEL_PREPS:
            up = prep.head
            for _ in range(3):
                if _is_cue_verb(up) or (up.pos_ == "NOUN" and up.lemma_.lower() in NOUN_STANCE):
                    return up  # "told … in an interview with Fox News", "wrote on Telegram"
                if up.head is up:
                    break
                up = up.head
    if dep in {"dobj", "dative"} and (gov.lemma_.lower() in CITING_VERBS or gov.lemma_.lower() == "tell"):
        return gov  # "citing the General Staff", "told the WSJ"
    if dep == "poss" and gov.pos_ == "NOUN" and gov.lemma_.lower() in NOUN_STANCE:
        return gov  # "Reuters' report"
    return None


def _own_analysis(verb: Token) -> bool:
    """A verb of the writer's own work, not of citing: "ISW has observed evidence", "will continue to refine"."""
    lemma = verb.lemma_.lower()
    if lemma in NO_CLAIM_VERBS and any(c.dep_ == "xcomp" for c in verb.children):
        return True
    return lemma in PERCEPTION_VERBS and not any(c.dep_ == "ccomp" for c in verb.children)


def _cue_word_in(sent: SpacySpan) -> Token | None:
    """A Ukrainian or Russian citation word in the sentence (the English parse is useless there)."""
    return next((t for t in sent if t.lower_ in FOREIGN_CUES), None)


def _name_of(span: SpacySpan) -> str:
    text = span.text.strip(" ,.;:")
    for suffix in ("'s", "’s", "'", "’"):
        text = text.removesuffix(suffix)
    return text.strip()


def _body_phrase(head: Token) -> SpacySpan:
    """A nominal body as written: its modifiers and an 'of …' phrase."""
    doc = head.doc
    lo = head.i
    for t in head.lefts:
        if t.dep_ in {"compound", "amod", "nmod", "poss", "det", "nummod", "npadvmod"}:
            lo = min(lo, t.left_edge.i)
    hi = head.i + 1
    for t in head.rights:
        if t.dep_ == "prep" and t.lower_ == "of":
            hi = max(hi, t.right_edge.i + 1)
        elif t.dep_ in {"compound", "appos"} and t.i == hi:
            hi = t.right_edge.i + 1
    while lo < head.i and doc[lo].is_punct:
        lo += 1
    return doc[lo:hi]


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
                spokesperson = _spokesperson(ent)
                if spokesperson is not None:
                    candidates.append((spokesperson, None))
                    seen_tokens.update(range(spokesperson.start, spokesperson.end))
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
            ):
                continue
            if citing_cue(t) is not None:
                phrase = _body_phrase(t)
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
        for span, verb in evidence_of(doc, quoted, taken=seen_tokens, footage=self.footage):
            informants[span.start] = verb
            candidates.append((span, None))

        found: dict[str, Source] = {}
        citations: list[Citation] = []
        heads: set[int] = set()
        for span, outlet in sorted(candidates, key=lambda c: c[0].start):
            if quoted[span.start_char]:
                continue
            head = _phrase_head(span.root, through_people=outlet is not None)
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
                if outlet is None and (_same(name, known.name) or _same(known.name, name)):
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
            citations.append(_citation(name, span, cue, text_length=len(text)))
        return list(found.values()), citations


def _informing_verb(verb: Token) -> bool:
    """A verb that passes on information: a that-clause or a reported object, not a direct quotation.

    A correspondent's credit ("…, Jane Doe writes from Brussels") is a byline, not a source.
    """
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in INFORMING_VERBS:
        return False
    return not is_byline(verb) and _reports_content(verb)


def _reports_content(verb: Token) -> bool:
    """A that-clause or object after the verb; the parser sometimes hangs "that …" elsewhere."""
    if any(c.dep_ in {"ccomp", "dobj"} for c in verb.children):
        return True
    return any(
        t.lower_ == "that" and t.dep_ == "mark" for t in verb.doc[verb.i + 1 : min(verb.i + 9, verb.sent.end)]
    )


def _subjects(verb: Token) -> list[Token]:
    """The verb's subject; for a verb the parser hung as a participle on the last noun of a long
    subject ("An officer of a brigade operating in the X direction reported that …"), the noun
    the sentence opens with."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "acl" and _reports_content(verb):
        root = verb.sent.root
        if root.pos_ in {"NOUN", "PROPN"} and root.i < verb.i and root.dep_ == "ROOT":
            subjects = [root]
    return subjects


def informants_of(
    doc: Doc, taken: set[int], quoted: bytearray, *, heads: set[int]
) -> list[tuple[SpacySpan, Token]]:
    """People credited with information, with the verb that credits them.

    The subject of an informing verb is a source when it is a named person ("military observer
    Kostya Petrenko reported that") or an unnamed one the text places ("an officer of a brigade
    operating near X reported that"). A person who is only quoted is a speaker, not a source:
    the verb must carry reported content, not a quotation.
    """
    out: list[tuple[SpacySpan, Token]] = []
    for i in token_indices(doc, LEMMA, INFORMING_VERBS | TELLING_VERBS):
        verb = doc[i]
        telling = verb.lemma_.lower() in TELLING_VERBS
        if quoted[verb.idx]:
            continue
        if telling and not (verb.pos_ == "VERB" and not is_byline(verb) and _reports_content(verb)):
            continue
        if not telling and not _informing_verb(verb):
            continue
        for subj in _subjects(verb):
            if subj.i in taken or subj.i in heads or subj.pos_ not in {"NOUN", "PROPN"}:
                continue
            span = _unnamed_informant(subj, verb) if telling else _informant_span(subj, verb)
            if span is not None and not taken.intersection(range(span.start, span.end)):
                out.append((span, verb))
    return out


def _unnamed_informant(subj: Token, verb: Token) -> SpacySpan | None:
    """A profession credited with information as a bare plural: "Analysts say …".

    An unnamed official who only says or tells something ("a U.S. official told reporters that
    …") is a speaker here: the visible gold does not list them, and crediting them left sources
    F1 on news-check unchanged (0.692) while adding false positives on news-extra.
    What a named person says is a quote or claim of a speaker, not a cited source.
    """
    if subj.lower_ in GENERIC and subj.tag_ == "NNS" and not any(True for _ in subj.children):
        return subj.doc[subj.i : subj.i + 1]
    return None


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
                    out.append((_body_phrase(supplier), verb))
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


def _informant_span(subj: Token, verb: Token) -> SpacySpan | None:
    """The informant a subject names: a person by name, or an unnamed one by unit or position.

    An unnamed informant is a source only when the text places them ("a pilot of a drone crew
    operating near X reported"), so that "soldiers report" or "analysts note" stay speakers.
    """
    doc = subj.doc
    if subj.ent_type_ == "PERSON":
        return next((e for e in doc.ents if e.start <= subj.i < e.end and len(e) > 1), None)
    if subj.lemma_.lower() not in PERSON_NOUNS:
        return None
    named = next((c for c in subj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    if named is not None and named.right_edge.i < verb.i:
        # "The Navy's spokesperson, Dmytro Pletenchuk, stated that …": a named person, as described
        lo = subj.left_edge.i
        while lo < subj.i and (doc[lo].dep_ == "det" or doc[lo].is_punct):
            lo += 1
        hi = named.right_edge.i + 1
        return doc[lo:hi] if hi - lo <= MAX_INFORMANT else None
    if verb.lemma_.lower() != "report":
        return None  # "the founder of the bank wrote …", "authorities in the oblast stated": speakers
    lo = subj.left_edge.i
    while lo < subj.i and (doc[lo].dep_ == "det" or doc[lo].is_punct):
        lo += 1
    # The description runs on to its verb unless a comma or another verb comes first.
    between = doc[subj.i + 1 : verb.i]
    runs_on = subj.i < verb.i and not any(
        t.text == "," or t.tag_ in {"VBD", "VBZ", "VBP", "MD"} or t.lemma_ in INFORMING_VERBS for t in between
    )
    hi = verb.i if runs_on else min(subj.right_edge.i + 1, verb.i)
    # Placed by where they serve ("of a brigade", "operating near X"); "from" gives where they
    # come from ("a volunteer from Lviv"), which places nobody on the front.
    placed = any(
        t.dep_ in {"prep", "acl"} and t.lower_ != "from" for t in doc[subj.i + 1 : hi] if t.head.i >= lo
    )
    if hi - lo > MAX_INFORMANT or not placed:
        return None  # a clause, not a description; an informant the text does not place
    return doc[lo:hi]


def _spokesperson(ent: SpacySpan) -> SpacySpan | None:
    """The whole title and name of a person who speaks for a body named in their title.

    ("Ukrainian Eastern Grouping of Forces Spokesperson Major Petro Holub stated that …": the
    small model tags part of the body ORG and hangs the rest on the name.) The source is the
    person as described, which names the body too. Only for a verb that passes on information
    ("reported", "stated"): a titled official who says something is a speaker.
    """
    person = _phrase_head(ent.root, through_people=True)
    if person.i < ent.end or person.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    cue = citing_cue(person)
    if cue is None or cue.lemma_.lower() not in INFORMING_VERBS:
        return None  # "U.S. Treasury Secretary X said": a speaker; "… Spokesperson X reported": a source
    words = ent.doc[ent.start : person.i + 1]
    if not any(t.lemma_.lower() in PERSON_NOUNS for t in words[len(ent) :]):
        return None
    if any(t.is_punct and t.text not in {".", "-", "/"} for t in words):
        return None  # "the ministry, its spokesman said": not one title
    return words


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


def _same(short: str, full: str) -> bool:
    s, f = short.lower().split(), full.lower().split()
    return bool(s) and any(f[i : i + len(s)] == s for i in range(len(f) - len(s) + 1))


def _citation(name: str, span: SpacySpan, cue: Token, *, text_length: int) -> Citation:
    sent = span.sent
    article_level = (
        cue.dep_ == "ROOT" and cue.tag_ in ARTICLE_LEVEL_TAGS and cue.lemma_.lower() in ARTICLE_LEVEL_VERBS
    )
    end = text_length if article_level else sent.end_char
    return Citation(
        name=name, start=sent.start_char, end=end, scope="article" if article_level else "sentence"
    )


def cited_at(doc: Doc, char: int) -> str | None:
    """The source governing a character offset: its sentence's citation, else the last article-level one."""
    best: Citation | None = None
    for c in doc._.citations or []:
        if c.start <= char < c.end and (best is None or c.start >= best.start):
            best = c
    return best.name if best else None


def chain_for(doc: Doc, char: int, *, speaker: str | None) -> list[str]:
    """Attribution chain at a point of the text: article outlet → cited outlet → speaker."""
    chain: list[str] = []
    for link in (doc._.outlet, cited_at(doc, char), speaker):
        if link and not any(_same(link, known) or _same(known, link) for known in chain):
            chain.append(link)
    return chain


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
