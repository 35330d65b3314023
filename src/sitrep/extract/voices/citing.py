"""Citing: the cue by which a noun phrase is credited with information, and the phrase as written.

A noun phrase is cited as the subject of a verb of saying ("The Wall Street Journal writes"),
in "according to X", "as reported by X", "citing X", "told X", "X's report", "in an interview
with X", "wrote on Telegram". An assessing body's own work ("ISW has observed evidence …",
"ISW will continue to refine …") and a correspondent's credit ("…, Jane Doe writes from
Brussels") cite nothing.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...lexicons import lexicon
from .cues import NOUN_STANCE, PERSON_NOUNS, VERB_STANCE, is_byline

#: This module's word lists, read from src/sitrep/lexicons/en/ (see that package's docstring).
LEX = lexicon("en")
#: Verbs of seeing, which cite their subject only with a that-clause ("ISW has observed evidence …").
PERCEPTION_VERBS = LEX.words("verbs_of_saying", "perception")
#: Cues that introduce nothing of their own ("ISW will continue to refine …").
NO_CLAIM_VERBS = LEX.words("verbs_of_saying", "no-claim")
#: Verbs of an assessing body's own analysis, never a citation of it ("ISW assesses that …").
ASSESSING_VERBS = LEX.words("verbs_of_saying", "own-analysis")
#: Nouns of an assessing body's own analysis ("ISW's assessment that …").
ASSESSING_NOUNS = LEX.words("nouns_of_saying", "own-analysis")
#: Prepositions that place an informant noun ("a source in the security service", "sources close to X").
PLACING_PREPS = frozenset({"in", "within", "close", "near", "familiar", "at"})
#: Informant nouns a placing preposition belongs to.
INFORMANT_HEADS = frozenset({"source", "sources"})
CITING_VERBS = {"cite", "quote"}
# Prepositions that cite a channel or interlocutor of a verb of saying: "told the WSJ", "wrote on Telegram".
CHANNEL_PREPS = {"to", "with", "on", "in", "via", "through"}


def is_cue_verb(t: Token) -> bool:
    """A verb of saying or of citing ("cite", "quote"), by its lemma."""
    return t.pos_ in {"VERB", "AUX"} and (t.lemma_.lower() in VERB_STANCE or t.lemma_.lower() in CITING_VERBS)


def phrase_head(t: Token, *, through_people: bool = False) -> Token:
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
    if dep in {"nsubj", "nsubjpass"} and is_cue_verb(gov):
        return None if is_byline(gov) or own_analysis(gov) else gov
    for child in head.children:  # "A … source reported that …", parsed as a noun with a participle
        if child.dep_ == "acl" and is_cue_verb(child) and any(c.dep_ == "ccomp" for c in child.children):
            return child
    if dep == "pobj":
        prep = gov
        if prep.lower_ == "to" and prep.head.lower_ == "according":
            return prep.head
        if prep.dep_ == "agent" and is_cue_verb(prep.head):
            return prep.head  # "as reported by UNIAN"
        if prep.lower_ in CHANNEL_PREPS and prep.head.pos_ != "ADJ":  # not "a channel close to the army"
            up = prep.head
            for _ in range(3):
                if is_cue_verb(up) or (up.pos_ == "NOUN" and up.lemma_.lower() in NOUN_STANCE):
                    return up  # "told … in an interview with Fox News", "wrote on Telegram"
                if up.head is up:
                    break
                up = up.head
    if dep in {"dobj", "dative"} and (gov.lemma_.lower() in CITING_VERBS or gov.lemma_.lower() == "tell"):
        return gov  # "citing the General Staff", "told the WSJ"
    if dep == "poss" and gov.pos_ == "NOUN" and gov.lemma_.lower() in NOUN_STANCE:
        return None if gov.lemma_.lower() in ASSESSING_NOUNS else gov  # "Reuters' report"
    if (
        dep == "pobj"
        and gov.lower_ in {"from", "by"}
        and gov.head.pos_ == "NOUN"
        and gov.head.lemma_.lower() in NOUN_STANCE
        and gov.head.dep_ in {"nsubj", "nsubjpass"}
        and is_cue_verb(gov.head.head)
    ):
        return gov.head.head  # "A statement from the Navy said …": the statement's maker
    return None


def own_analysis(verb: Token) -> bool:
    """A verb of the writer's own work, not of citing: "ISW has observed evidence", "will continue to refine"."""
    lemma = verb.lemma_.lower()
    if lemma in ASSESSING_VERBS:
        return True
    if lemma in NO_CLAIM_VERBS and any(c.dep_ == "xcomp" for c in verb.children):
        return True
    return lemma in PERCEPTION_VERBS and not any(c.dep_ == "ccomp" for c in verb.children)


def body_phrase(head: Token) -> SpacySpan:
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
        elif t.dep_ == "prep" and t.lower_ in PLACING_PREPS and head.lower_ in INFORMANT_HEADS:
            hi = max(hi, t.right_edge.i + 1)  # "a source in the security service"
        elif t.dep_ in {"compound", "appos"} and t.i == hi:
            hi = t.right_edge.i + 1
    while lo < head.i and doc[lo].is_punct:
        lo += 1
    return doc[lo:hi]
