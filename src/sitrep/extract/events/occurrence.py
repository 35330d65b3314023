"""Is a trigger a report of something that happened? Kinds of language that name an event without one.

A trigger word with a place is not yet a reported event (issue 11: "attempts, hypotheticals,
negations, history and background are not reported events"). Read off the trigger's own
clause, these kinds of sentence mention a war event that the article does not report:

- **background**: the trigger's clause dates it more than a year before the article ("the
  annexation of Crimea in 2014", "the retreat from Kherson in late 2022", "seized before the
  2022 invasion");
- **capability**: what a party or a weapon can do ("missiles capable of striking targets",
  "systems that can reach Russia"); the evaluation format keeps mere capability out of forecasts;
- **irrealis**: what is demanded, proposed, asked about or refused (TimeML's MODAL and
  COUNTER_FACTIVE predicates: "demanded that Ukraine withdraw", "whether Russia should
  withdraw", "a refusal to order a retreat", "any deployment of foreign troops");
- **state**: ground described as held, not taken ("territory it has seized", "the regions
  annexed by Moscow").

The words come from ``lexicons/en/events/not_occurrences.txt``; the mechanism is the parse.
Used by sitrep_events (events.py).

    >>> "capable" in CAPABILITY and "demand" in IRREALIS
    True
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from spacy.tokens import Doc, Token

from ..base import items_of, published_of
from .arguments import clause_words
from .lexicon import LEX, TRIGGERS

CAPABILITY = LEX.words("events/not_occurrences", "capability")
IRREALIS = LEX.words("events/not_occurrences", "irrealis")
TERRITORY = LEX.words("events/not_occurrences", "territory")
STATES = LEX.words("events/not_occurrences", "state")
#: Modals of ability: "can strike" says what is possible, not what happened or is expected.
ABILITY_MODALS = {"can", "ca"}
#: How long before the article a dated event is background rather than news.
BACKGROUND_AFTER = timedelta(days=365)
#: Determiners that make a noun trigger a kind of event rather than one event ("any deployment").
GENERIC_DETS = {"any", "every"}
#: Dependencies that end the walk from a trigger up to what governs it (a new sentence root aside).
_UP = (
    "xcomp",
    "ccomp",
    "advcl",
    "acl",
    "relcl",
    "pobj",
    "prep",
    "dobj",
    "nsubj",
    "nsubjpass",
    "conj",
    "acomp",
    "amod",
    "pcomp",
)

Kind = Literal["background", "capability", "irrealis", "state"]


def article_now(doc: Doc) -> date | None:
    """The article's date: its published date, else the latest date it writes out in full, else
    the first day of the latest year it names (a lower bound: "in 2014" is then background only
    in an article that also names 2016 or later)."""
    published = published_of(doc)
    if published is not None:
        return published
    dates = [t.end or t.start for t in items_of(doc, "times") if not t.relative and (t.end or t.start)]
    if dates:
        return max(d for d in dates if d is not None)
    years = [end.year for t in doc if t.ent_type_ == "DATE" and (end := _year_end(t)) is not None]
    return date(max(years), 1, 1) if years else None


def not_an_occurrence(trigger: Token, *, now: date | None) -> Kind | None:
    """Why `trigger` reports no event of its own (see the module docstring), or None when it does."""
    if _capability(trigger):
        return "capability"
    if _irrealis(trigger):
        return "irrealis"
    if _state(trigger):
        return "state"
    if now is not None and _background(trigger, now):
        return "background"
    return None


def _governors(trigger: Token, *, steps: int = 4) -> list[Token]:
    """The trigger and the words above it, up to `steps`, through complements, clauses and phrases."""
    out = [trigger]
    node = trigger
    for _ in range(steps):
        if node.head.i == node.i or node.dep_ not in _UP:
            break
        node = node.head
        out.append(node)
    return out


def _modal_of(node: Token) -> set[str]:
    return {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD"}


def _capability(trigger: Token) -> bool:
    """ "capable of striking", "the ability to advance", "systems that can reach Russia"."""
    chain = _governors(trigger, steps=3)
    if any(n.lemma_.lower() in CAPABILITY for n in chain[1:]):
        return True
    # the ability modal on the trigger or the verb it completes ("can use drones to strike")
    verbs = [n for n in chain[:2] if n.pos_ in ("VERB", "AUX")]
    return any(_modal_of(v) & ABILITY_MODALS for v in verbs)


def _irrealis(trigger: Token) -> bool:
    """Demanded, proposed, asked about or refused ("demanded that Ukraine withdraw", "whether … withdraw").

    The walk stops at the predicate that governs the trigger's clause: what a speaker later in
    the sentence does with the whole report ("officials refused to comment") is not read.
    """
    for node in _governors(trigger, steps=4):
        if node is not trigger and node.lemma_.lower() in IRREALIS:
            return True
        if any(c.dep_ == "mark" and c.lower_ in IRREALIS for c in node.children):
            return True  # "whether Russia should keep or withdraw from …"
        if node.dep_ == "ROOT":
            break
        if node.dep_ in ("ccomp", "advcl", "relcl"):
            return node.head.lemma_.lower() in IRREALIS  # "demanded that Ukraine withdraw"
    if trigger.pos_ == "NOUN":
        return any(c.dep_ == "det" and c.lower_ in GENERIC_DETS for c in trigger.children)
    return False


def _state(trigger: Token) -> bool:
    """Ground described as held: "territory it has seized", "the regions annexed by Moscow"."""
    lemma = trigger.lemma_.lower()
    if trigger.pos_ != "VERB" or TRIGGERS.get(lemma) != "capture" and lemma not in STATES:
        return False
    if trigger.dep_ in ("relcl", "acl") and trigger.head.lemma_.lower() in TERRITORY:
        return True
    # "Russia occupies a fifth of Ukraine" stays a capture: the evaluation format records an
    # occupation named as a fact as the capture it came from
    return False


def _background(trigger: Token, now: date) -> bool:
    """A date in the trigger's own clause more than a year before the article.

    A noun trigger is dated by the clause it sits in ("the organisation emerged in 2014 during
    the annexation of Crimea"), a clause that describes a date by that date ("since 2014, which
    saw the annexation of Crimea").
    """
    doc = trigger.doc
    scope = trigger
    if trigger.pos_ != "VERB":
        node = trigger
        for _ in range(4):  # up through the noun's phrases to the verb it hangs on
            if node.head.i == node.i or node.pos_ in ("VERB", "AUX"):
                break
            node = node.head
        scope = node
    clause = clause_words(scope)
    if scope.dep_ == "relcl":
        clause.append(scope.head)
    for t in clause:
        end = _year_end(t)
        if end is not None and end < now - BACKGROUND_AFTER and not _lower_bound(t):
            return True
    words = {t.i for t in clause}
    for time in items_of(doc, "times"):
        last = time.end or time.start
        if time.relative or last is None or not time.spans:
            continue
        span = doc.char_span(time.spans[0].start, time.spans[0].end, alignment_mode="expand")
        if span is None or not any(t.i in words for t in span) or _lower_bound(span.root):
            continue
        if last < now - BACKGROUND_AFTER:
            return True
    return False


def _lower_bound(token: Token) -> bool:
    """A date the event comes after ("the heaviest raid since 2023", "the first since the summer of 2022")."""
    return any(a.dep_ == "prep" and a.lower_ in ("since", "after") for a in list(token.ancestors)[:4])


def _year_end(token: Token) -> date | None:
    """The last day of a year or decade written out ("2014", "the 1980s"), whatever the time
    parser made of the expression around it ("July 2022", "the 2022 invasion")."""
    text = token.text
    decade = text.endswith("s") and text[:-1].isdigit()
    digits = text[:-1] if decade else text
    if token.ent_type_ != "DATE" or len(digits) != 4 or not digits.isdigit():
        return None
    year = int(digits) + (9 if decade else 0)
    return date(year, 12, 31) if 1900 <= year <= 2100 else None
