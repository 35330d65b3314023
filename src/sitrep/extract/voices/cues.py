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

#: Verb lemma → stance of the proposition it introduces.
VERB_STANCE: dict[str, str] = {
    **dict.fromkeys(
        (
            "say",
            "scold",
            "chide",
            "retort",
            "quip",
            "yell",
            "estimate",
            "warn",
            "agree",
            "tell",
            "state",
            "add",
            "write",
            "report",
            "claim",
            "insist",
            "assert",
            "announce",
            "declare",
            "note",
            "explain",
            "argue",
            "maintain",
            "allege",
            "stress",
            "emphasise",
            "emphasize",
            "comment",
            "continue",
            "remark",
            "reply",
            "respond",
            "recall",
            "describe",
            "call",
            "post",
            "tweet",
            "testify",
            "believe",
            "think",
            "suggest",
            "indicate",
            "show",
            "mention",
            "observe",
            "point",
            "conclude",
            "contend",
            "urge",
            "accuse",
            "blame",
            "boast",
            "inform",
            "publish",
            "quote",
            "cite",
            "reveal",
            "disclose",
            "brief",
            "specify",
            "clarify",
            "complain",
            "demand",
            "pledge",
            "promise",
            "vow",
            "threaten",
            "assure",
            "caution",
            "repeat",
            "reiterate",
            "underline",
            "underscore",
            "hint",
            "signal",
            "relay",
            "confide",
            "joke",
            "lament",
            "ask",
            "shout",
            "charge",
            "find",
            "determine",
            "assess",
            "judge",
            "record",
            "document",
            "detail",
            "list",
        ),
        "asserts",
    ),
    **dict.fromkeys(("deny", "reject", "refute", "dismiss", "rebut", "dispute", "contradict"), "denies"),
    **dict.fromkeys(
        ("acknowledge", "admit", "concede", "confirm", "recognise", "recognize", "grant", "accept"),
        "acknowledges",
    ),
    **dict.fromkeys(
        (
            "expect",
            "predict",
            "forecast",
            "anticipate",
            "project",
            "foresee",
            "fear",
            "hope",
            "plan",
            "intend",
        ),
        "expects",
    ),
    **dict.fromkeys(("doubt", "question", "wonder"), "doubts"),
}

#: Verbs that introduce a direct quotation (speech proper) rather than a belief.
SPEECH_VERBS: frozenset[str] = frozenset(
    lemma
    for lemma in VERB_STANCE
    if lemma
    not in {
        "believe",
        "think",
        "find",
        "determine",
        "hope",
        "fear",
        "plan",
        "intend",
        "expect",
        "show",
        "judge",
    }
) | {"ask", "write", "continue", "go", "put", "wonder", "recount", "quip", "begin", "conclude"}

#: Noun lemma → stance ("Moscow's claim that …", "the ministry's statement").
NOUN_STANCE: dict[str, str] = {
    **dict.fromkeys(
        (
            "claim",
            "statement",
            "report",
            "assertion",
            "allegation",
            "remark",
            "comment",
            "words",
            "announcement",
            "assessment",
            "message",
            "post",
            "briefing",
            "testimony",
            "argument",
            "accusation",
            "insistence",
            "interview",
            "speech",
            "address",
            "tweet",
            "declaration",
            "suggestion",
            "belief",
            "insistence",
            "view",
            "opinion",
            "word",
            "promise",
            "pledge",
        ),
        "asserts",
    ),
    **dict.fromkeys(("denial", "rejection", "refutation"), "denies"),
    **dict.fromkeys(
        ("admission", "acknowledgement", "acknowledgment", "confirmation", "concession"), "acknowledges"
    ),
    **dict.fromkeys(
        ("estimate", "expectation", "prediction", "forecast", "warning", "projection"), "expects"
    ),
    **dict.fromkeys(("doubt", "doubts", "question"), "doubts"),
}

#: Words that hedge a proposition (issue 3: could, may, reportedly, allegedly, unconfirmed).
HEDGES: frozenset[str] = frozenset(
    {
        "could",
        "may",
        "might",
        "would",
        "likely",
        "unlikely",
        "possibly",
        "perhaps",
        "probably",
        "reportedly",
        "allegedly",
        "apparently",
        "unconfirmed",
        "purportedly",
        "seemingly",
        "presumably",
        "appear",
        "seem",
        "suspicion",
        "suspected",
        "alleged",
        "potentially",
        "roughly",
        "estimated",
    }
)

#: Cues that hedge what they introduce ("The database estimates about 4.3 million …").
HEDGING_CUES: frozenset[str] = frozenset(
    {"estimate", "believe", "think", "suggest", "assess", "indicate", "allege"}
)

#: Negators that flag a claim as negated.
NEGATORS: frozenset[str] = frozenset({"not", "n't", "never", "no", "nobody", "nothing", "neither", "nor"})

#: Personal pronouns a speaker must never be left as (resolved to an antecedent instead).
PRONOUNS: dict[str, str] = {
    "he": "sg",
    "she": "sg",
    "him": "sg",
    "her": "sg",
    "i": "sg",
    "his": "sg",
    "they": "pl",
    "them": "pl",
    "we": "pl",
    "their": "pl",
    "it": "it",
    "its": "it",
    "who": "any",
    "which": "any",
    "one": "any",
    "you": "any",
    "that": "any",
}

#: Head nouns of descriptions of people who speak ("an officer from …", "the commander").
PERSON_NOUNS: frozenset[str] = frozenset(
    {
        "officer",
        "commander",
        "soldier",
        "fighter",
        "analyst",
        "official",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "president",
        "general",
        "colonel",
        "lieutenant",
        "sergeant",
        "major",
        "captain",
        "chief",
        "head",
        "leader",
        "governor",
        "mayor",
        "expert",
        "resident",
        "source",
        "diplomat",
        "adviser",
        "advisor",
        "aide",
        "representative",
        "envoy",
        "ambassador",
        "medic",
        "doctor",
        "volunteer",
        "serviceman",
        "servicemen",
        "marine",
        "paratrooper",
        "pilot",
        "gunner",
        "operator",
        "deputy",
        "secretary",
        "director",
        "researcher",
        "journalist",
        "correspondent",
        "reporter",
        "editor",
        "blogger",
        "milblogger",
        "woman",
        "man",
        "mother",
        "father",
        "witness",
        "survivor",
        "politician",
        "lawmaker",
        "senator",
        "candidate",
        "strategist",
        "pollster",
        "campaign",
        "staffer",
        "chairman",
        "chairwoman",
        "chair",
        "member",
        "veteran",
        "negotiator",
        "prosecutor",
        "judge",
        "lawyer",
        "attorney",
        "economist",
        "professor",
        "scientist",
        "teacher",
        "worker",
        "driver",
        "farmer",
        "student",
        "citizen",
        "villager",
        "activist",
        "observer",
        "people",
        "person",
        "troops",
        "authorities",
        "officials",
        "author",
        "host",
        "anchor",
        "administrator",
        "manager",
        "executive",
        "founder",
        "partner",
        "friend",
        "neighbour",
        "neighbor",
        "daughter",
        "son",
        "wife",
        "husband",
        "child",
        "commentator",
        "critic",
        "supporter",
        "voter",
    }
)

#: Words that make a speaker Ukrainian or Russian where the text gives it.
SIDE_WORDS: dict[str, str] = {
    "ukrainian": "UA",
    "ukraine": "UA",
    "ukraine's": "UA",
    "kyiv": "UA",
    "kiev": "UA",
    "zelensky": "UA",
    "zelenskyy": "UA",
    "zelenskiy": "UA",
    "syrskyi": "UA",
    "russian": "RU",
    "russia": "RU",
    "russia's": "RU",
    "moscow": "RU",
    "kremlin": "RU",
    "putin": "RU",
    "peskov": "RU",
    "shoigu": "RU",
    "lavrov": "RU",
}


def stance_of(lemma: str) -> str | None:
    """The stance a verb of saying gives its complement, or None when it is not a cue."""
    return VERB_STANCE.get(lemma.lower())


def is_cue_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in VERB_STANCE


def is_speech_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in SPEECH_VERBS


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
