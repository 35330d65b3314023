"""Metonymy: is a toponym used for a place, or for the government or people that sit there?

"Kyiv denies", "Moscow's claim", "the inevitable defeat of Kyiv", "talks with Washington",
"the Kremlin said" name governments; "fighting in Kyiv", "Russia's border", "strikes on
Kharkiv" name places. The rules read the dependency parse around one mention, following
the GeoWebNews taxonomy (Gritta et al. 2020, "A Pragmatic Guide to Geoparsing Evaluation":
Metonymic, Non_Literal_Modifier vs Literal, Literal_Modifier). A country or a seat of
government acting as a grammatical agent is the most common metonym in war reporting.

    >>> is_metonym(nlp("Ukraine denies the claim.")[0:1], None)  # doctest: +SKIP
    True
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...geo import Entry
from ...lexicons import lexicon

#: This module's word lists, read from src/sitrep/lexicons/en/ (see that package's docstring).
LEX = lexicon("en")

# Seats standing for their governments (GeoWebNews "Metonymic" examples: the Kremlin, the White House).
SEATS = {
    "kremlin",
    "white house",
    "downing street",
    "pentagon",
    "bankova",
    "elysee",
    "élysée",
    "capitol hill",
    "whitehall",
}
# Places that act as agents; cities and regions only with the agentive verbs and nouns below.
AGENT_FEATURES = {"country", "continent", "building", "capital"}
# Verbs a place can do literally ("Pokrovsk could fall", "Ukraine lies", "Kharkiv shook").
PLACE_VERBS = set(
    "be become border burn cover experience face fall get host lie lose receive remain see shake sit "
    "stand stretch suffer".split()
)
# Of PLACE_VERBS, those that a country or continent does as a state ("Ukraine lost the town").
STATE_VERBS = {"face", "receive", "get", "lose"}
# Verbs of saying, deciding and acting that only people and governments do.
AGENT_VERBS = LEX.words("places/agent_verbs")
# Nouns whose possessor or of-complement is an agent: "Moscow's claim", "defeat of Kyiv", "Kyiv officials".
AGENT_NOUNS = LEX.words("places/agent_nouns")
# Things a country gives or owns: "aid to Ukraine", "US weapons".
AID_NOUNS = LEX.words("places/aid_nouns")
# Possessed nouns that keep the place literal: "Russia's border", "Ukraine's east".
PLACE_NOUNS = LEX.words("places/place_nouns")
PRESSURE_NOUNS = {"pressure", "sanction", "sanctions", "war", "demand", "call"}
AGENT_ADJECTIVES = set(
    "ready willing prepared eager determined open unwilling reluctant keen interested confident "
    "sure adamant unable able".split()
)
# People and bodies a place's name can label ("a New Jersey man", "the Louisville coach"):
# GeoWebNews Non_Literal_Modifier.
PEOPLE_NOUNS = LEX.words("places/people_nouns")
# Prepositions whose object is an agent ("talks with Moscow", "war against Ukraine", "aid for Kyiv").
AGENT_PREPS = {"with", "against", "between", "by", "for", "toward", "towards", "versus", "vs", "vs."}
# Nouns of an attitude to a government: "policy toward Moscow" (not "pushing toward Lyman").
ATTITUDE_NOUNS = {"policy", "stance", "attitude", "hostility", "position", "posture", "approach"}
# Attacks on a place: their object is the place attacked ("the offensive against Kharkiv").
ASSAULT_WORDS = {
    "advance", "assault", "attack", "campaign", "counteroffensive", "invasion", "offensive",
    "operation", "push", "strike", "war",
}  # fmt: skip
# Fights over a place: "the battle for Pokrovsk", "the fight for Bakhmut".
BATTLE_NOUNS = {"battle", "fight", "fighting", "struggle", "contest"}
# Nouns whose of-complement is the place held or defended ("the defence of Kharkiv").
HELD_NOUNS = {"defence", "defense", "defenders", "occupation", "control", "liberation"}
#: A place smaller than this (and no capital, country or curated region) is not read as an agent
#: behind a preposition or as a verb's object: villages and towns are where fighting happens.
LOCAL_MAX = 100_000
# Verbs whose object is an agent ("urged Kyiv", "accused Moscow").
AGENT_OBJECT_VERBS = LEX.words("places/agent_object_verbs")


def governing(token: Token) -> Token:
    """Through 'and' lists: 'Moscow and Kyiv agreed' — Kyiv takes Moscow's role."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


# Prepositions that put a place on the map: "fighting in eastern Ukraine", "drones over Kharkiv".
SCENE_PREPS = {"in", "into", "inside", "across", "throughout", "within", "near", "around", "outside"}
# Verbs whose object is a place attacked or taken: the scene of fighting.
ASSAULT_VERBS = {
    "strike", "hit", "shell", "bomb", "attack", "capture", "seize", "liberate", "storm", "encircle",
    "surround", "enter", "recapture", "retake", "reach", "target",
}  # fmt: skip
# Participles after a hyphen whose owner is a government: "Moscow-installed", "Kyiv-backed" (not "Kyiv-based").
AGENCY_PARTICIPLES = {
    "installed", "backed", "led", "controlled", "appointed", "funded", "sponsored", "run", "brokered", "armed",
}  # fmt: skip


# Nouns whose of-complement is the anchor of a bearing: "10 km north of X", "the outskirts of X".
BEARINGS = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "north-east", "north-west", "south-east", "south-west", "outskirts", "vicinity",
}  # fmt: skip
DIRECTION_ADJECTIVES = {
    "eastern", "western", "northern", "southern", "northeastern", "northwestern", "southeastern",
    "southwestern", "central",
}  # fmt: skip


def is_scene(span: SpacySpan) -> bool:
    """True when this mention names where things happen: "in Ukraine", "across eastern Ukraine".

    FORMAT.md: a country, region or front named as the scene of fighting is literal, and one such
    mention makes the item literal whatever its other mentions do ("Russia said … in Russia").
    """
    root = governing(span.root)
    if root.dep_ == "pobj" and root.head.lower_ in SCENE_PREPS:
        return True
    if root.dep_ == "dobj" and root.head.lemma_ in ASSAULT_VERBS | {"border"}:
        return True  # "missiles struck Kyiv", "troops captured Avdiivka", "regions bordering Russia"
    if after_scene_preposition(span) or after_direction_adjective(span) or is_dateline(span):
        return True
    # "(northeast of Kharkiv)", "on the outskirts of Pokrovsk": a bearing's anchor is on the map.
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in BEARINGS


def after_direction_adjective(span: SpacySpan) -> bool:
    """'eastern Ukraine', 'northern Donetsk Oblast': part of the land, however the parser attached it."""
    before = span.doc[span.start - 1] if span.start else None
    return before is not None and before.lower_ in DIRECTION_ADJECTIVES


def after_scene_preposition(span: SpacySpan) -> bool:
    """'into Dnipropetrovsk Oblast', 'in Kharkiv': a scene preposition right before the name, however
    the parser attached it (run-on headings such as ISW's "… advance into X Oblast Russian forces …"
    get a noun for its head); not before a possessor ("in Moscow's view") or a noun it modifies ("in US aid")."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in SCENE_PREPS:
        return False
    if span.end == len(doc):
        return True
    after = doc[span.end]
    # "in US weapons": the name modifies the word after it, which the preposition governs.
    return after.text not in {"'s", "’s", "'", "’"} and not (after.is_lower and span.root.head == after)


def is_dateline(span: SpacySpan) -> bool:
    """'KYIV, Feb 5 (Reuters) -', 'MOSCOW (AP) —': a wire story's dateline names where it was filed."""
    doc = span.doc
    if not span.text.isupper() or span.end >= len(doc):
        return False
    following = doc[span.end : span.end + 3]
    if following[0].text == "(":
        return True
    return following[0].text == "," and len(following) > 1 and following[1].ent_type_ == "DATE"


def literal_item(metonyms: int, mentions: int, *, scene: bool) -> bool:
    """One place's verdict from its mentions': literal when one names the scene, else a metonym when
    at least a third of them are.

    A mention the rules do not read as a government is not evidence of a location (most are
    neutral: "the Russia-Ukraine war", "Kyiv, 38"); only the scene rules are. A third rather than a
    half: on news-check's headline figure metonymy rose .815→.852 with places and events held.
    """
    return scene or not metonyms or metonyms * 3 < mentions


def is_metonym(span: SpacySpan, entry: Entry | None) -> bool:
    """True when this mention names a government or people rather than a location."""
    text = span.text.lower().removeprefix("the ")
    if text in SEATS or (entry is not None and entry.feature == "building"):
        head = span.root.head
        return not (
            span.root.dep_ == "pobj"
            and head.lower_ in {"in", "at", "inside", "outside", "near", "to", "into"}
        )
    if entry is None or entry.feature in {"sea", "ocean", "river", "canal", "facility", "district", "local"}:
        return False
    if after_scene_preposition(span):
        return False
    agentive = entry.feature in AGENT_FEATURES or entry.population >= 500_000 or entry.id < 0
    root = governing(span.root)
    dep, head = root.dep_, root.head
    if dep == "npadvmod" and head.tag_ == "VBN" and head.lower_ in AGENCY_PARTICIPLES:
        return True  # "Moscow-installed authorities"
    if dep == "nsubj":
        if head.lemma_ in AGENT_VERBS:
            return True
        # "Moscow was ready for …", "Kyiv is willing to …": only people and governments are.
        if head.lemma_ == "be" and any(
            c.dep_ == "acomp" and c.lemma_ in AGENT_ADJECTIVES for c in head.children
        ):
            return True
        # "Europe faces a threat", "Ukraine received aid": a state's lot, not a landscape's.
        state = entry.feature in {"country", "continent"} and head.lemma_ in STATE_VERBS
        return agentive and head.pos_ in {"VERB", "AUX"} and (head.lemma_ not in PLACE_VERBS or state)
    if dep == "poss":
        if head.lower_ in PLACE_NOUNS or head.lemma_ in PLACE_NOUNS:
            return False
        return head.lower_ in AGENT_NOUNS or head.lemma_ in AGENT_NOUNS or agentive
    # A village or town is where things happen: behind a preposition or as a verb's object it is
    # a place ("between Zelene and Sereda", "toward Kurylivka"), never the people there.
    # An opponent ("scored 25 points against Louisville") is the exception: a team or a side.
    opponent = dep == "pobj" and head.lower_ in {"against", "versus", "vs", "vs."}
    if not (agentive or entry.population >= LOCAL_MAX or opponent) and dep in {"pobj", "dobj"}:
        return False
    if dep == "pobj":
        prep = head
        if prep.lower_ in {"toward", "towards"}:
            # "pushing toward Lyman" is a movement; "policy toward Moscow" an attitude to a government.
            return prep.head.lemma_ in ATTITUDE_NOUNS
        if prep.lower_ == "against" and prep.head.lemma_ in ASSAULT_WORDS - {"war"}:
            return False  # "an offensive operation against Kharkiv": the place attacked
        if prep.lower_ == "for" and prep.head.lemma_ in BATTLE_NOUNS:
            return False  # "the battle for Pokrovsk": the place fought over
        if prep.lower_ in AGENT_PREPS:
            return not (prep.lower_ == "between" and prep.head.lemma_ in {"border", "road", "line", "area"})
        if prep.lower_ in {"of", "to", "from"} and prep.head.lemma_ in AGENT_NOUNS | AID_NOUNS:
            # "defeat of Kyiv", "support to Taiwan"; but "invasion of Ukraine" is a place invaded,
            # "the defence of Kharkiv" a place defended.
            return prep.head.lemma_ not in ASSAULT_WORDS | HELD_NOUNS
        # "pressure on Moscow", also when the parser hangs "on" further up ("pressure by X on Moscow").
        if prep.lower_ == "on" and {prep.head.lemma_, prep.head.head.lemma_} & PRESSURE_NOUNS:
            return True
        return False
    if dep == "dobj":
        return head.lemma_ in AGENT_OBJECT_VERBS
    if dep in {"compound", "amod", "nmod"}:
        # "U.S. officials", "US weapons": a country modifying a thing it owns or does (GeoWebNews
        # Non_Literal_Modifier); "Kyiv streets" stays literal.
        if head.lower_ in PLACE_NOUNS or head.lemma_ in PLACE_NOUNS:
            return False
        # Part of another name ("Washington Post", "Boise Fire Department", "Texas Rangers").
        if (
            head.pos_ == "PROPN"
            and head.is_title
            and head.ent_type_ in {"ORG", "PRODUCT", "WORK_OF_ART", "EVENT"}
        ):
            return True
        return (
            head.lemma_ in AGENT_NOUNS | AID_NOUNS | PEOPLE_NOUNS
            or head.lower_ in AGENT_NOUNS
            or entry.feature == "country"
        )
    return False
