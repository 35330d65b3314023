"""The cue lexicon shared by quotes, speakers, sources and claims: verbs and nouns of saying, by stance.

The verbs are the reporting verbs of the attribution literature: the cue lists of PARC 3.0
(Pareti, "PARC 3.0: A corpus of attribution relations", LREC 2016) and of PolNeAR (Newell et
al., LREC 2018), grouped by the stance they give the attributed proposition (sitrep's issue 3:
asserts, denies, acknowledges, expects, doubts).

    >>> stance_of("concede")
    'acknowledges'
"""

from __future__ import annotations

from collections.abc import Collection

import numpy as np
from spacy.tokens import Doc, Token

from ...lexicons import lexicon

#: This module's word lists, read from src/sitrep/lexicons/en/ (see that package's docstring).
LEX = lexicon("en")
#: The stances a cue gives what it introduces (issue 3), as tagged in verbs_of_saying.txt.
STANCES = ("asserts", "denies", "acknowledges", "expects", "doubts")

#: Verb lemma → stance of the proposition it introduces.
VERB_STANCE: dict[str, str] = LEX.table("verbs_of_saying", STANCES)

#: Verbs that introduce a direct quotation (speech proper) rather than a belief.
SPEECH_VERBS: frozenset[str] = LEX.words("verbs_of_saying", "speech")

#: Noun lemma → stance ("Moscow's claim that …", "the ministry's statement").
NOUN_STANCE: dict[str, str] = LEX.table("nouns_of_saying", STANCES)

#: Words that hedge a proposition (issue 3: could, may, reportedly, allegedly, unconfirmed).
HEDGES: frozenset[str] = LEX.words("hedges", "claim")

#: Cues that hedge what they introduce ("The database estimates about 4.3 million …").
HEDGING_CUES: frozenset[str] = LEX.words("verbs_of_saying", "hedging-cue")

#: Negators that flag a claim as negated.
NEGATORS: frozenset[str] = LEX.words("negation")

#: Personal pronouns a speaker must never be left as (resolved to an antecedent instead).
PRONOUNS: dict[str, str] = LEX.table("voices/pronouns")

#: Head nouns of descriptions of people who speak ("an officer from …", "the commander").
PERSON_NOUNS: frozenset[str] = LEX.words("voices/person_nouns")

#: Words that make a speaker Ukrainian or Russian where the text gives it.
SIDE_WORDS: dict[str, str] = LEX.table("sides", ("UA", "RU"), tag="speaker")

#: Head nouns of bodies that speak and are cited ("the ministry", "the Deep State channel").
BODY_NOUNS: frozenset[str] = LEX.words("voices/body_nouns")

#: Head nouns of writings that speak for their authors ("the article read …").
DOCUMENT_NOUNS: frozenset[str] = LEX.words("voices/document_nouns")
#: Endings of agent nouns, which name people by what they do ("protesters", "demonstrators", "activists").
AGENT_SUFFIXES = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants", "ent", "ents")

#: Entity types of a name that can speak for itself.
SPEAKING_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Verbs of a correspondent's credit line ("…, Jane Doe writes from Brussels").
BYLINE_VERBS = frozenset({"write", "report"})


def stance_of(lemma: str) -> str | None:
    """The stance a verb of saying gives its complement, or None when it is not a cue."""
    return VERB_STANCE.get(lemma.lower())


def is_cue_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in VERB_STANCE


def is_speech_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in SPEECH_VERBS


def can_speak(token: Token) -> bool:
    """A word that can name who speaks: a person, a body, a name or a pronoun.

    Never an abstract noun that happens to be a clause's subject ("The goal was to help them
    “regain the initiative”", "softer language", "anonymity"). People not in the lists are
    known by the ending of an agent noun ("protesters", "activists"); writings speak for their
    authors ("the article read").
    """
    lemma = token.lemma_.lower()
    return (
        token.pos_ in {"PRON", "PROPN"}
        or token.ent_type_ in SPEAKING_ENTS
        or any(w in words for w in (lemma, token.lower_) for words in (PERSON_NOUNS, BODY_NOUNS, DOCUMENT_NOUNS))
        or lemma in NOUN_STANCE
        or token.lower_.endswith(AGENT_SUFFIXES)
    )


def is_byline(verb: Token) -> bool:
    """A correspondent's credit ("…, Jane Doe writes from Brussels"): neither a cue nor a citation.

    The place is a proper noun, whatever entity type the small model gives it.
    """
    return verb.lemma_.lower() in BYLINE_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "from" and any(
            g.dep_ == "pobj" and (g.ent_type_ in {"GPE", "LOC"} or g.pos_ == "PROPN") for g in c.children
        )
        for c in verb.children
    )


def side_of_words(words: str) -> str | None:
    """UA or RU when the words name only one side ('a Ukrainian officer'), else None."""
    found = {SIDE_WORDS[w] for w in words.lower().replace("’", "'").split() if w in SIDE_WORDS}
    return found.pop() if len(found) == 1 else None


_HASHES: dict[frozenset[str], np.ndarray] = {}


def token_indices(doc: Doc, attr: int, words: Collection[str]) -> list[int]:
    """Indices of the tokens whose `attr` (spacy.attrs.LOWER or LEMMA) is one of `words`.

    One vectorised pass over the doc's attribute array: the components look at the few
    candidate tokens only, instead of making a Python `Token` for every word of the article.
    """
    if not len(doc):
        return []
    key = words if isinstance(words, frozenset) else frozenset(words)
    if key not in _HASHES:
        _HASHES[key] = np.array([doc.vocab.strings[w] for w in words], dtype="uint64")
    return np.nonzero(np.isin(doc.to_array(attr), _HASHES[key]))[0].tolist()
