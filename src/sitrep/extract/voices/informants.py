"""Informants: people credited with information ("military observer X reported that …").

FORMAT.md's convention: a named person or a placed unnamed one who reports is a source
("military observer X reported that …", "an officer of a brigade operating near X reported
that …"), as is a spokesperson whose title names the body ("… Forces Spokesperson Major X stated
that …", named whole) and a bare plural of a profession ("Analysts say …"). A person who is only
quoted is a speaker, not a source.
"""

from __future__ import annotations

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...lexicons import lexicon
from .citing import citing_cue, phrase_head
from .cues import PERSON_NOUNS, is_byline, token_indices

#: This module's word lists, read from src/sitrep/lexicons/en/ (see that package's docstring).
LEX = lexicon("en")
#: Verbs whose subject is credited with information ("Mashovets reported that …", "footage shows …").
INFORMING_VERBS = LEX.words("verbs_of_saying", "informs")
#: Bare plurals of a profession credited with information ("Analysts say …").
GENERIC = LEX.words("voices/informants", "generic")
#: Verbs by which a profession passes on its view ("Analysts say …").
TELLING_VERBS = frozenset({"tell", "say"})
#: Unnamed people credited by "according to" or a passive "by" ("according to Ukrainian officials").
OFFICIALS = LEX.words("voices/informants", "official")
#: The longest description of an anonymous informant kept as a source's name, in tokens.
MAX_INFORMANT = 16


def informing_verb(verb: Token) -> bool:
    """A verb that passes on information: a that-clause or a reported object, not a direct quotation.

    A correspondent's credit ("…, Jane Doe writes from Brussels") is a byline, not a source.
    """
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in INFORMING_VERBS:
        return False
    return not is_byline(verb) and reports_content(verb)


def reports_content(verb: Token) -> bool:
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
    if not subjects and verb.dep_ == "acl" and reports_content(verb):
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
        if telling and not (verb.pos_ == "VERB" and not is_byline(verb) and reports_content(verb)):
            continue
        if not telling and not informing_verb(verb):
            continue
        for subj in _subjects(verb):
            if subj.i in taken or subj.i in heads or subj.pos_ not in {"NOUN", "PROPN"}:
                continue
            span = _unnamed_informant(subj, verb) if telling else _informant_span(subj, verb)
            if span is not None and not taken.intersection(range(span.start, span.end)):
                out.append((span, verb))
    return out


def officials_cited(doc: Doc, taken: set[int]) -> list[tuple[SpacySpan, Token]]:
    """Unnamed officials credited by "according to" or a passive "by": "according to Ukrainian officials",
    "reported by emergency and health officials". They are described (a modifier), never bare."""
    out: list[tuple[SpacySpan, Token]] = []
    for i in token_indices(doc, LEMMA, OFFICIALS):
        t = doc[i]
        if t.i in taken or t.dep_ != "pobj" or t.pos_ != "NOUN":
            continue
        prep = t.head
        if prep.lower_ == "to" and prep.head.lower_ == "according":
            cue = prep.head
        elif (
            prep.dep_ == "agent" and prep.head.pos_ == "VERB" and prep.head.lemma_.lower() in INFORMING_VERBS
        ):
            cue = prep.head
        else:
            continue
        mods = [c for c in t.lefts if c.dep_ in {"amod", "compound", "nmod", "conj"} or c.dep_ == "cc"]
        if not mods:
            continue
        lo = min(c.left_edge.i for c in mods)
        out.append((doc[lo : t.i + 1], cue))
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


def _named_inside(subj: Token, verb: Token) -> SpacySpan | None:
    """A title whose name follows it: "Spokesperson for the Southern Defense Forces Ivan Petrenko stated …"."""
    doc = subj.doc
    lo = subj.left_edge.i
    while lo < subj.i and (doc[lo].dep_ == "det" or doc[lo].is_punct):
        lo += 1
    ents = [e for e in doc.ents if e.label_ == "PERSON" and lo < e.start and e.end <= verb.i and len(e) > 1]
    if not ents or any(t.is_punct or t.pos_ in {"VERB", "AUX"} for t in doc[lo : ents[-1].end]):
        return None  # a list, a clause ("a drone operator fighting near X"), not one title
    return doc[lo : ents[-1].end] if ents[-1].end - lo <= MAX_INFORMANT else None


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
    inside = _named_inside(subj, verb)
    if inside is not None:
        return inside  # "Spokesperson for the Southern Defense Forces Ivan Petrenko stated that …"
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


def spokesperson(ent: SpacySpan) -> SpacySpan | None:
    """The whole title and name of a person who speaks for a body named in their title.

    ("Ukrainian Eastern Grouping of Forces Spokesperson Major Petro Holub stated that …": the
    small model tags part of the body ORG and hangs the rest on the name.) The source is the
    person as described, which names the body too. Only for a verb that passes on information
    ("reported", "stated"): a titled official who says something is a speaker.
    """
    person = phrase_head(ent.root, through_people=True)
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
