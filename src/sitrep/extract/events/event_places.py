"""Where an event happens: place mentions, and the place a trigger's phrase names.

Reads literal places from ``doc._.places`` (sitrep_places) and, where the small spaCy model
hid a toponym as PERSON or ORG, proper nouns in a place's syntactic position. Used by
sitrep_events (events.py); docs/events.md describes the order in which places are tried.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.attrs import POS
from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Token

from ...lexicons import lexicon
from ..base import items_of
from .lexicon import ANAPHORS, TRIGGERS, side_of_text
from .times import MONTHS, WEEKDAYS

#: This module's word lists, read from src/sitrep/lexicons/en/ (see that package's docstring).
LEX = lexicon("en")

PLACE_LABELS = {"GPE", "LOC", "FAC"}
#: How an event's place was found, from the closest syntax to the farthest context.
Attachment = Literal["phrase", "clause", "anaphor", "line", "none"]
LOCALITIES = {
    "neighborhood",
    "neighbourhood",
    "district",
    "microdistrict",
    "quarter",
    "village",
    "settlement",
}
REGION_WORDS = {"region", "oblast", "province", "republic", "krai", "district", "raion", "oblast's"}
LOCATIVE = {
    "in",
    "near",
    "around",
    "toward",
    "towards",
    "outside",
    "into",
    "inside",
    "at",
    "on",
    "from",
    "across",
}
# Prepositions that say where things are only when they hang on an event word ("struck from
# Belgorod", "strikes on Kyiv"); elsewhere they name a source, a target of talk or an address.
SOURCE_PREPS = {"from", "on", "at"}
# Heads of "X of <place>": "the city of Chasiv Yar", "the fall of Bakhmut", "the outskirts of Kupiansk".
PLACE_HEADS = LEX.words("events/place_heads")
# Legislatures and courts: "testified in Congress", "a vote in the Rada" say where words are spoken.
INSTITUTIONS = {"congress", "parliament", "senate", "duma", "state duma", "rada", "verkhovna rada", "court"}
NOT_PLACES = LEX.words("events/not_places") | frozenset(INSTITUTIONS)
# Place features (sitrep_places) too wide to be an event's venue unless the event's own phrase names them.
WIDE_FEATURES = {"country", "continent"}
CITY_ANAPHORS = {"city", "town", "village", "settlement"}
# People whose place in a byline or dateline is where they write from ("our correspondent in Kyiv").
REPORTERS = {"correspondent", "reporter", "journalist", "editor", "writer", "photographer"}
# Words between the names of a written list ("A, B, and C").
LIST_JOINS = {",", "and", "or"}
# Determiners of a noun that points back ("the city", "this direction").
DEFINITE = {"the", "this", "that", "these", "those"}
# Event types whose "from X" is where they start, not where they happen ("withdrew from X" is at X).
FROM_IS_ORIGIN = {"strike", "advance"}
# Compass points: "north of X" gives a bearing from X (a reference point), not a venue.
COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
# Subject/possessor positions: a side named there acts, it is not where the event happens.
AGENT_DEPS = {"nsubj", "nsubjpass", "poss", "agent", "csubj"}


@dataclass(frozen=True)
class Mention:
    """One mention of a place in the text, as token offsets."""

    name: str
    start: int
    end: int
    region_like: bool
    wide: bool = False  # a country or continent: the frame of a war, rarely where one event happens
    country: str | None = None  # ISO code from sitrep_places; None where the place was not geocoded

    @property
    def root(self) -> int:
        return self.end - 1


def place_mentions(doc: Doc) -> list[Mention]:
    """Literal place mentions from sitrep_places (or spaCy's GPE/LOC/FAC when it did not run)."""
    out: list[Mention] = []
    places = items_of(doc, "places")
    if places:
        for place in places:
            if not getattr(place, "literal", True):
                continue
            feature = getattr(place, "feature", None)
            region = feature in ("region", "country", "admin1", "oblast", "republic", "peninsula", "krai")
            wide = feature in WIDE_FEATURES
            for s in place.spans:
                span = doc.char_span(s.start, s.end, alignment_mode="expand")
                if span is not None:
                    out.append(
                        Mention(
                            place.name,
                            span.start,
                            span.end,
                            region or _regionish(doc, span.end),
                            wide,
                            getattr(place, "country", None),
                        )
                    )
    else:
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS:
                name = ent.text.removeprefix("the ").removesuffix("'s").removesuffix("’s")
                out.append(Mention(name, ent.start, ent.end, _regionish(doc, ent.end)))
    out = [m for m in out if m.name.lower() not in INSTITUTIONS]  # "testified in Congress"
    out += _fallback_mentions(doc, {i for m in out for i in range(m.start, m.end)})
    out = [
        m
        for m in out
        if doc[m.root].tag_ not in ("JJ", "JJR", "JJS")
        and (doc[m.root].ent_type_ != "NORP" or _toponym_shaped(doc[m.root]))
    ]
    out.sort(key=lambda m: m.start)
    return out


def _fallback_mentions(doc: Doc, covered: set[int]) -> list[Mention]:
    """Toponyms the places component did not give, read from the event's own syntax.

    A proper noun governed by a locative preposition ("in Myrnohrad", "toward Kramatorsk"),
    after "the city/town/village of", or before "region/oblast" is a place wherever a war
    report uses it; spaCy's small model often tags such names PERSON or ORG.
    """
    out = []
    ents = None
    for i in positions(doc, POS, {PROPN}):
        tok = doc[i]
        if tok.i in covered or not tok.is_title:
            continue
        if tok.dep_ == "compound":
            # "advanced to the Novyi neighborhood": a named quarter of a town is the place
            head = tok.head
            if (
                head.lemma_.lower() in LOCALITIES
                and head.i == tok.i + 1
                and head.dep_ == "pobj"
                and _locative(head.head)
                and head.i not in covered
            ):
                out.append(Mention(doc[tok.i : head.i + 1].text, tok.i, head.i + 1, False))
                covered.update(range(tok.i, head.i + 1))
            continue
        head = tok.head
        locative = tok.dep_ == "pobj" and _locative(head)
        if tok.ent_type_ == "NORP" and not (locative and _toponym_shaped(tok)):
            continue  # "near occupied Inkerman" tagged NORP is still a place; "Ukrainian" is not
        if tok.ent_type_ in ("CARDINAL", "ORDINAL", "MONEY", "PERCENT") or tok.lower_ in NOT_PLACES:
            continue
        # "the coal mining city Vuhledar": a name in apposition to a settlement noun
        locative = locative or (tok.dep_ == "appos" and head.lemma_.lower() in CITY_ANAPHORS | LOCALITIES)
        of_place = tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_HEADS
        regionish = _regionish(doc, tok.i + 1)
        # "abandon neighboring Myrnohrad", "struck Kharkiv", "Pokrovsk and neighboring Myrnohrad",
        # "Myrnohrad is under threat of encirclement"; people are killed, places are struck.
        locative = (
            locative
            or (
                tok.dep_ == "dobj"
                and TRIGGERS.get(head.lemma_.lower()) not in (None, "casualties", "evacuation")
            )
            or (tok.dep_ == "conj" and head.i in covered and tok.ent_type_ != "PERSON")
            or (
                tok.dep_ in ("nsubj", "nsubjpass")
                # a settlement "falls"; the small model often tags its name PERSON
                and (tok.ent_type_ != "PERSON" or _falls(tok))
                and side_of_text(tok.text) is None
                and (
                    TRIGGERS.get(head.lemma_.lower()) not in (None, "casualties")
                    or (
                        head.lemma_.lower() in ("be", "remain")
                        and any(
                            TRIGGERS.get(t.lemma_.lower()) not in (None, "casualties") for t in head.subtree
                        )
                    )
                )
            )
        )
        ent_ok = (
            tok.ent_type_ in PLACE_LABELS
            or tok.ent_type_ == "NORP"
            or tok.ent_type_ in ("", "ORG", "PERSON", "PRODUCT")
            or (
                tok.ent_type_ == "DATE"
                and tok.lower_ not in MONTHS
                and tok.lower_.rstrip("s") not in WEEKDAYS
            )
        )
        if not ((locative or of_place or regionish) and ent_ok):
            continue
        start = tok.left_edge.i if tok.left_edge.pos_ == "PROPN" else tok.i
        while start < tok.i and doc[start].pos_ != "PROPN":
            start += 1
        if any(i in covered for i in range(start, tok.i + 1)):
            continue
        if tok.ent_type_ in ("ORG", "PERSON") and tok.ent_iob_ != "O":
            ents = doc.ents if ents is None else ents  # Doc.ents builds every Span: read once
            ent = next((e for e in ents if e.start <= tok.i < e.end), None)
            # "the Institute for the Study of War", full personal names; a hyphenated toponym
            # ("Rai-Oleksandrivka", "Kleban-Byk") is one name of two words
            if ent is not None and sum(1 for t in ent if not t.is_punct) > 2:
                continue
        out.append(Mention(doc[start : tok.i + 1].text, start, tok.i + 1, regionish))
        covered.update(range(start, tok.i + 1))
    return out


def _toponym_shaped(tok: Token) -> bool:
    """Not a people's name: demonyms end in -ian, -ese, -ish, -i ("Ukrainian", "Chinese") or name a side."""
    lower = tok.lower_
    return side_of_text(tok.text) is None and not lower.endswith(("ian", "ians", "ese", "ish", "ans", "ns"))


def positions(doc: Doc, attr: int, values: set[int]) -> list[int]:
    """Token indices whose `attr` is one of `values`, without making a Token for every word."""
    column = doc.to_array([attr])
    return [i for i, v in enumerate(column.tolist()) if v in values]


def _locative(prep: Token) -> bool:
    """'in', 'near', 'across' …; 'to' only after an event verb ('advanced to', 'withdrew to')."""
    return prep.lower_ in LOCATIVE or (prep.lower_ == "to" and prep.head.lemma_.lower() in TRIGGERS)


def _regionish(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].lower_ in REGION_WORDS


def _acting(doc: Doc, m: Mention) -> bool:
    """A side named as the one acting or speaking ('Russia launched', "Moscow's claim") is no venue."""
    root = doc[m.root]
    if root.dep_ in AGENT_DEPS or root.tag_ == "POS" or (m.end < len(doc) and doc[m.end].tag_ == "POS"):
        return side_of_text(m.name) is not None or root.dep_ == "poss"
    # the agent of a passive ("retaken by Ukraine", "captured by Russia") acts, it is no venue
    return root.dep_ == "pobj" and root.head.dep_ == "agent" and side_of_text(m.name) is not None


def place_for(
    trigger: Token, mentions: list[Mention], by_token: dict[int, Mention], *, etype: str | None = None
) -> tuple[list[Mention], Attachment]:
    """The place(s) an event happens at, and how they were found: in the trigger's phrase
    (``phrase``), the clause of the verb it hangs on (``clause``), a place 'the city' points
    back to (``anaphor``) or the line around it (``line``)."""
    doc = trigger.doc
    sent = trigger.sent
    if trigger.dep_ in ("relcl", "acl") and trigger.head.i in by_token:
        return [by_token[trigger.head.i]], "phrase"  # "Avdiivka, which Russia's forces captured in February"
    # A strike or an advance happens where it arrives: "launched drones from Kursk" names the origin.
    origins = etype in FROM_IS_ORIGIN
    scopes = [trigger]
    if trigger.pos_ != "VERB" or trigger.dep_ in ("xcomp", "conj"):
        scopes.append(trigger.head)
    for scope in scopes:
        inside = [
            by_token[t.i]
            for t in _own_words(scope, trigger)
            if t.i in by_token
            and not _acting(doc, by_token[t.i])
            and not _whereabouts(doc, by_token[t.i])
            and not (origins and _origin(doc, by_token[t.i], scope))
            and _reaches(doc, by_token[t.i], scope)
            # the verb a noun trigger hangs on spans the whole clause: only its venues count there
            and (
                scope is trigger
                or _hangs_on(doc, by_token[t.i], scope)
                or _venue(doc, by_token[t.i], distant=True)
            )
        ]
        inside = list(dict.fromkeys(inside))
        if inside and scope is not trigger:
            # "attacked east of Velykyi Burluk near A and B but did not advance": the verb joined to
            # a list of bearings speaks of the area they are taken from, not of one village
            reference = [m for m in inside if _compass_of(doc, m)]
            if reference:
                return [reference[0]], "clause"
        if inside:
            # "a depot in occupied Polohy, Zaporizhia Oblast": the oblast only says where Polohy is;
            # "attacked north of Siversk near A and B": Siversk is the bearing's reference, A and B the venues
            located = [m for m in inside if not _locator(doc, m, by_token)] or inside
            located = [m for m in located if not _bearing(doc, m, by_token)] or located
            first = min(located, key=lambda m: abs(m.start - trigger.i))
            more = [m for m in _coordinated(doc, first, inside) if not _locator(doc, m, by_token)]
            if scope is trigger:
                # "struck vessels near Inkerman, Crimea and aircraft in Yevpatoria": every venue
                # of the trigger's own phrase, but not the region that only locates another place
                more += [
                    m
                    for m in inside
                    if m is not first
                    and m not in more
                    and not m.region_like
                    and _venue(doc, m, strict=True)
                    and not _qualifies(doc, m)
                    and not _locator(doc, m, by_token)
                    and not _bearing(doc, m, by_token)
                ]
            chosen = _list_tail(doc, [first, *more], mentions)
            return chosen, "phrase" if scope is trigger else "clause"
    # "the city" stands in the trigger's own clause, or the clause that clause completes
    top = _clause_head(trigger)
    clause = {t.i for t in top.subtree}
    anaphor = next(
        (
            t
            for t in sent
            if t.lemma_.lower() in ANAPHORS
            and t.i not in by_token
            and t.pos_ in ("NOUN", "ADV")
            # "launched drones from the directions of Kursk": an origin, not the place pointed back to
            and not (origins and t.dep_ == "pobj" and t.head.lower_ == "from")
            and _points_back(t, by_token)
            and t.i in clause
        ),
        None,
    )
    if anaphor is not None:
        named = _named_by(anaphor, by_token)
        if named is not None:
            return [named], "phrase"  # "the village of Ocheretyne" names its place: no anaphor
        city = anaphor.lemma_.lower() in CITY_ANAPHORS
        before = [
            m
            for m in mentions
            if m.end <= anaphor.i
            and not (city and m.region_like)
            and not m.wide
            and not _acting(doc, m)
            and (not city or side_of_text(m.name) is None)
        ]
        if before:
            return [_salient(before, _sentences_back(anaphor, 3))], "anaphor"
    lo, hi = line_bounds(trigger)
    # A country named elsewhere in the line frames the war ("the war in Ukraine"), it is no venue.
    here = [
        m
        for m in mentions
        if lo <= m.start < hi
        and not m.wide
        and not _whereabouts(doc, m)
        and _venue(doc, m, distant=True)
        and not (origins and _origin(doc, m, trigger))
    ]
    if here:
        return [min(here, key=lambda m: abs(m.start - trigger.i))], "line"
    # No place in the trigger's sentence: no event. A city named in the sentences before is
    # only the article's focus, not where this event happened (issue 11: an event's place is in
    # its own sentence, or in one the sentence points back to with "the city").
    return [], "none"


def _clause_head(token: Token) -> Token:
    """The head of the clause `token` stands in, and of the clause that clause completes
    ("said that they were pushed back from the city": 'said')."""
    node, crossed = token, 0
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "csubj"):
            crossed += 1
            if crossed > 1:
                break
        node = node.head
    return node


def _list_tail(doc: Doc, chosen: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """The rest of a written list of settlements the chosen ones open: "near Toretske, and Vilne",
    "near A, B, and C". The parser often hangs a list's last item on the verb ("and C" as a
    conjunct of "attacked"); the words between the names (only commas and "and"/"or") show the list."""
    out = list(chosen)
    previous: Mention | None = None
    for m in mentions:
        if (
            previous is not None
            and previous in out
            and m not in out
            and not (m.region_like or m.wide)
            and 0 <= m.start - previous.end <= 2
            and all(t.lower_ in LIST_JOINS for t in doc[previous.end : m.start])
            and not any("\n" in t.text_with_ws for t in doc[previous.end - 1 : m.start])
        ):
            out.append(m)
        previous = m
    return out


def _points_back(noun: Token, by_token: dict[int, Mention]) -> bool:
    """A noun that refers back to a place named before: "there", or a definite "the city", "this
    direction", "the area" standing where a place stands. Not a noun a word of its own names or
    sorts ("the energy sector", "maritime areas", "the Kostyantynivka-Druzhkivka tactical area",
    "the areas under government control": another thing than a place named before), nor a noun
    in the subject or object of a verb that is no event ("the region's fate")."""
    if noun.lower_ == "there":
        return True
    if _named_by(noun, by_token) is not None:
        return True  # "the village of Ocheretyne": the caller takes the name
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
        return False
    city = noun.lemma_.lower() in CITY_ANAPHORS
    for c in noun.children:
        # "the hilltop town" still points back; "the energy sector", "the Kupiansk-Lyman area" do not
        named = c.pos_ == "PROPN" or c.ent_type_ != ""
        if c.dep_ in ("compound", "nmod", "npadvmod", "amod") and (named or (not city and c.dep_ != "amod")):
            return False
    if any(c.dep_ == "prep" and c.lower_ in ("under", "beyond", "outside") for c in noun.children):
        return False  # "the areas under Ukrainian control": a kind of area, not one named before
    head = noun.head
    if noun.dep_ == "pobj":
        return _locative(head) or head.lower_ in ("for", "over", "of", "through", "throughout", "within")
    if noun.dep_ in ("dobj", "nsubjpass", "nsubj", "attr"):
        return head.lemma_.lower() in TRIGGERS or head.pos_ in ("VERB", "AUX")
    return False


def _own_words(scope: Token, trigger: Token) -> list[Token]:
    """The scope's subtree without a verb conjoined to it, which says where its own event is:
    "withdrew from Kupiansk and advanced toward Siversk" (unless that verb is the trigger)."""
    skip = [
        c
        for c in scope.children
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i != trigger.i and trigger not in c.subtree
    ]
    if not skip:
        return list(scope.subtree)
    out: set[int] = set()
    for c in skip:
        out.update(range(c.left_edge.i, c.right_edge.i + 1))
    return [t for t in scope.subtree if t.i not in out]


def _origin(doc: Doc, m: Mention, scope: Token) -> bool:
    """A place the action comes from: "from Kursk", "from the direction of Belgorod", "from
    occupied Crimea and Kursk" (a conjunct shares its preposition)."""
    node = doc[m.root]
    for _ in range(6):
        while node.dep_ in ("conj", "appos", "compound") and node.head is not node:
            node = node.head
        if node.dep_ != "pobj" or node.head.i == scope.i:
            return False
        prep = node.head
        if prep.lower_ == "from":
            return True
        if prep.lower_ != "of" or prep.head.lemma_.lower() not in ("direction", "area", "region", "vicinity"):
            return False
        node = prep.head  # "the directions of Kursk": go on up to the preposition before it
    return False


def _hangs_on(doc: Doc, m: Mention, verb: Token) -> bool:
    """A place in a phrase on the verb a noun trigger is the object of: "launch an offensive
    on Zaporizhzhia", "intensify strikes on Kharkiv"."""
    root = doc[m.root]
    while root.dep_ in ("conj", "appos", "compound") and root.head is not root:
        root = root.head
    return root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.i == verb.i


def _falls(tok: Token) -> bool:
    """The subject of 'fall' in 'X fell', 'X is likely to fall', 'X could fall within weeks'."""
    head = tok.head
    verbs = [head, *[c for c in head.children if c.dep_ in ("xcomp", "acomp")]]
    verbs += [g for v in verbs for g in v.children if g.dep_ == "xcomp"]
    return any(v.lemma_.lower() == "fall" and v.pos_ == "VERB" for v in verbs)


def _named_by(noun: Token, by_token: dict[int, Mention]) -> Mention | None:
    """The place 'the village of X' or 'the city X' names, or None when the noun points back."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.i in by_token:
                return by_token[obj.i]
        if child.dep_ in ("appos", "compound", "nmod") and child.i in by_token:
            return by_token[child.i]  # "the Lyman and Kupiansk direction" names its place
    return None


def _reaches(doc: Doc, m: Mention, scope: Token) -> bool:
    """A country or continent is the venue only when no other verb stands between it and the trigger:
    "strikes across Ukraine" yes; "advancing efforts to end the war in Ukraine" and "killing …,
    according to officials citing data from Ukraine" no."""
    if not m.wide:
        return True
    node = doc[m.root]
    while node.i != scope.i and node.head is not node:
        node = node.head
        if node.i != scope.i and node.pos_ in ("VERB", "AUX"):
            return False
    return True


def _salient(before: list[Mention], recent_start: int) -> Mention:
    """What "the city" refers to: of the places named in the last sentences, the one the article
    has named most often so far (centering: the most salient entity), the latest on a tie."""
    recent = [m for m in before if m.start >= recent_start] or before[-1:]
    counts: dict[str, int] = {}
    for m in before:
        counts[m.name] = counts.get(m.name, 0) + 1
    return max(reversed(recent), key=lambda m: counts[m.name])


def line_bounds(token: Token) -> tuple[int, int]:
    """Token bounds of the trigger's sentence cut at line breaks (spaCy joins quoted lines)."""
    sent = token.sent
    lo, hi = sent.start, sent.end
    for t in sent:
        if "\n" in t.text or "\n" in t.whitespace_:
            if t.i < token.i:
                lo = t.i + 1
            elif t.i >= token.i:
                hi = t.i + 1
                break
    return lo, hi


def _sentences_back(token: Token, n: int) -> int:
    start = token.sent.start
    for _ in range(n):
        if start == 0:
            break
        start = token.doc[start - 1].sent.start
    return start


def _venue(doc: Doc, m: Mention, *, strict: bool = False, distant: bool = False) -> bool:
    """A mention in a locative phrase ("in Kharkiv", "over Pokrovsk", "Kharkiv and Sumy") or as a
    place-taking verb's object: away from its own event phrase only these say where things happen."""
    root = doc[m.root]
    while root.dep_ in ("conj", "appos", "compound") and root.head is not root:
        root = root.head
    if root.dep_ == "pobj":
        if distant and root.head.lower_ in SOURCE_PREPS and root.head.head.lemma_.lower() not in TRIGGERS:
            return False  # "guarantees from Washington", "pressure on Kyiv": no venue for an event elsewhere
        return _locative(root.head) or root.head.lower_ == "over" or (not strict and root.head.lower_ == "of")
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in ("be", "remain"):
        return side_of_text(m.name) is None  # "Myrnohrad is under threat of encirclement"
    return root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_.lower() in TRIGGERS


def _locator(doc: Doc, m: Mention, by_token: dict[int, Mention]) -> bool:
    """A place that only locates the one before it ("Vuhledar near Donetsk"), or a region right
    after a place and a comma or in apposition to it ("Selydove, Donetsk Oblast"): no venue."""
    before = m.start - 2
    if (
        before >= 0
        and doc[m.start - 1].lower_ in ("near", "outside")
        and before in by_token
        and not _compass_of(doc, by_token[before])
    ):
        return True  # "Vuhledar near Donetsk" (not "north of Siversk near Serebrianka": a list of venues)
    if not (m.region_like or m.wide):
        return False  # "liberated Hlyboke, Lyptsi and Zelene" lists settlements
    root = doc[m.root]
    after_place = before >= 0 and doc[m.start - 1].text == "," and before in by_token
    return after_place or (root.dep_ == "appos" and root.head.i in by_token)


def _whereabouts(doc: Doc, m: Mention) -> bool:
    """A place in a phrase on a person: where the person is ("Jane Doe in Odesa reports", "our
    correspondent in Kyiv"), a byline's or a dateline's place, not where the event happened."""
    root = doc[m.root]
    for _ in range(3):
        if root.dep_ not in ("conj", "appos", "compound") or root.head.i == root.i:
            break
        root = root.head
    if root.dep_ != "pobj" or root.head.lower_ not in ("in", "at", "from"):
        return False
    person = root.head.head
    # officials "in Sumy oblast" speak for the place they govern; a named person or a reporter does not
    return person.ent_type_ == "PERSON" or person.lemma_.lower() in REPORTERS


def _compass_of(doc: Doc, m: Mention) -> bool:
    """'north of Siversk', 'southeast of Kupiansk': the place is the reference of a bearing."""
    return (
        m.start >= 2
        and doc[m.start - 1].lower_ == "of"
        and doc[m.start - 2].lower_.replace("-", "") in COMPASS
    )


def _bearing(doc: Doc, m: Mention, by_token: dict[int, Mention]) -> bool:
    """A bearing's reference followed by the places it points to ("north of Siversk near
    Serebrianka", "east of Lyman toward Zarichne"): the reference is no venue of its own."""
    if not _compass_of(doc, m):
        return False
    after = m.end
    return after + 1 < len(doc) and doc[after].lower_ in LOCATIVE and after + 1 in by_token


def _qualifies(doc: Doc, m: Mention) -> bool:
    """'Inkerman, Crimea': a place in apposition to another place only says where that one is.
    A settlement in a list of settlements ("near Serebrianka, Hryhorivka, and Vyimka") is a venue."""
    root = doc[m.root]
    if not (m.region_like or m.wide) and root.dep_ == "conj":
        return False
    return root.dep_ == "appos" or (
        root.i > 0
        and doc[m.start - 1].text == ","
        and m.start > 1
        and doc[m.start - 2].ent_type_ in PLACE_LABELS
    )


def _coordinated(doc: Doc, first: Mention, inside: list[Mention]) -> list[Mention]:
    """'liberated Hlyboke, Lyptsi and Zelene': places conjoined with the first one."""
    out = []
    group = {doc[first.root].i}
    for m in inside:
        if m is first:
            continue
        root = doc[m.root]
        if root.dep_ in ("conj", "appos") and root.head.i in group:
            out.append(m)
            group.add(root.i)
    return out
