"""The trigger's own clause: where an event's place, party and type must stand to be reported.

A sentence can hold several clauses, and only the trigger's own clause speaks about the
event: "officials said crews were pulling back from the dam - a first signal from Minsk" is
no withdrawal at Minsk, and "In Izium, the envoy toured a school where a grave was found after
soldiers retreated" no withdrawal at Izium. This
module finds that clause without a parse (from the coordinators, subordinators and
punctuation listed in ``support.toml``) and asks of it:

- `clause_of`: the trigger's clause, with a semicolon that opens another locative phrase
  ("…; north of Lyman near Yampil") read as the same list of places;
- `place_in_clause`: whether a place mention stands in that clause, and not as an example
  ("exporters who ship to markets like Egypt");
- `party_in`: a party to the war (forces, drones, "Russia") in the clause other than the place;
- `confirmed_type`: the event type its trigger supports in the clause ("attacks" is a strike
  only with drones, missiles or shelling in the clause; a counterattack is fighting);
- `past_progressive`: "had been fighting": a state of the past, not a report.

    >>> t = "Officials said crews were pulling back from the dam - a first signal from Minsk."
    >>> lo, hi = clause_of(t, 0, len(t), t.index("pulling"), t.index("pulling") + 7)
    >>> t[lo:hi]
    'Officials said crews were pulling back from the dam'
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from ..lexicons import lexicon as word_lists
from .support import LEXICON

_WORD = re.compile(r"[\w’'-]+")
_STATE_VERBS = frozenset({"occupy", "occupies", "occupying", "hold", "holds", "control", "controls"})


@dataclass(frozen=True)
class ClauseLexicon:
    breaks: tuple[str, ...]
    continues: frozenset[str]
    not_locative: tuple[str, ...]
    background: tuple[str, ...]
    party: frozenset[str]
    needs: dict[str, frozenset[str]]  # event type → its ambiguous triggers
    confirms: dict[str, frozenset[str]]  # event type → words that confirm the military sense
    states: frozenset[str]
    taking: frozenset[str]
    retype: dict[str, str]  # trigger word → the type it names
    war_itself: frozenset[str]
    claiming: frozenset[str]
    not_verbs: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> ClauseLexicon:
    with LEXICON.open("rb") as f:
        data = tomllib.load(f)
    types = data["types"]
    return ClauseLexicon(
        tuple(data["clauses"]["breaks"]),
        frozenset(data["clauses"]["continues"]),
        tuple(data["clauses"]["not_locative"]),
        tuple(data["clauses"]["background"]),
        frozenset(data["party"]["military"]) | frozenset(data["party"]["sides"]),
        {t: frozenset(v["needs"]) for t, v in types.items()},
        {t: frozenset(v["by"]) for t, v in types.items()},
        frozenset(data["states"]["capture"]),
        frozenset(data["states"]["taking"]),
        {w: t for t, words in data["retype"].items() for w in words},
        frozenset(data["war_itself"]["nouns"]),
        frozenset(data["claiming"]["cues"]),
        frozenset(data["infinitive"]["not_verbs"]),
    )


def _words(text: str) -> list[str]:
    return [w.casefold().strip("’'-") for w in _WORD.findall(text)]


def _continues_list(text: str, at: int) -> bool:
    """Whether the text after a semicolon at `at` opens another locative phrase of one list."""
    words = _words(text[at : at + 40])[:2]
    if words[:1] == ["and"]:
        words = words[1:]
    return bool(words) and words[0] in lexicon().continues


def clause_of(text: str, start: int, end: int, trigger_start: int, trigger_end: int) -> tuple[int, int]:
    """The (start, end) of the trigger's clause within the sentence text[start:end]."""
    lowered = text[start:end].casefold()
    t0, t1 = trigger_start - start, trigger_end - start
    lo, hi = 0, len(lowered)
    for brk in lexicon().breaks:
        i = lowered.rfind(brk, 0, t0)
        if i != -1 and not (brk == "; " and _continues_list(lowered, i + 2)):
            lo = max(lo, i + len(brk))
        j = lowered.find(brk, t1)
        while j != -1 and brk == "; " and _continues_list(lowered, j + 2):
            j = lowered.find(brk, j + 2)
        if j != -1:
            hi = min(hi, j)
    return start + lo, start + hi


def place_in_clause(text: str, clause: tuple[int, int], mention: tuple[int, int]) -> bool:
    """Whether a place mention stands in the clause, and not as an example or comparison.

    >>> t = "Exporters, who ship grain to markets like Egypt, complained."
    >>> m = (t.index("Egypt"), t.index("Egypt") + 5)
    >>> place_in_clause(t, (0, len(t)), m)
    False
    """
    lo, hi = clause
    if not (lo <= mention[0] and mention[1] <= hi):
        return False
    before = " " + " ".join(_words(text[max(lo, mention[0] - 30) : mention[0]])) + " "
    before = before.replace(" the ", " ")
    return not any(before.endswith(f" {w} ") for w in lexicon().not_locative)


def party_in(text: str, clause: tuple[int, int], *, skip: tuple[tuple[int, int], ...] = ()) -> str | None:
    """The first word of a party to the war in the clause, outside the `skip` spans (the place).

    >>> t = "Election observers deployed in Moldova filed their findings."
    >>> party_in(t, (0, len(t)), skip=((t.index("Moldova"), t.index("Moldova") + 7),)) is None
    True
    """
    party = lexicon().party
    for m in _WORD.finditer(text, clause[0], clause[1]):
        if any(a <= m.start() < b for a, b in skip):
            continue
        word = m.group().casefold().strip("’'-")
        word = word.removesuffix("’s").removesuffix("'s")
        if word in party or any(part in party for part in word.split("-")):
            return word
    return None


def confirmed_type(
    event_type: str, trigger: str, text: str, clause: tuple[int, int], trigger_start: int, *, forecast: bool = False
) -> str | None:
    """The type the trigger names in its clause, or None when the clause does not support one.

    >>> t = "Tariffs are hitting the steel trade."
    >>> confirmed_type("strike", "hitting", t, (0, len(t)), t.index("hitting")) is None
    True
    >>> t = "Drones hit a depot in Kherson."
    >>> confirmed_type("strike", "hit", t, (0, len(t)), t.index("hit"))
    'strike'
    """
    lex = lexicon()
    word = trigger.casefold().strip()
    if word in lex.retype:
        return lex.retype[word]
    words = _words(text[clause[0] : clause[1]])
    # An expected "occupy"/"hold" is a capture to come; only the nouns and participles name a state then.
    state = word in lex.states and not (forecast and word in _STATE_VERBS)
    if event_type == "capture" and state:
        # "under Russian occupation", "occupied Crimea": a state unless a verb of taking comes first
        before = _words(text[clause[0] : trigger_start])[-3:]
        return event_type if any(w in lex.taking for w in before) else None
    if event_type == "casualties" and word in lex.needs["casualties_death"]:
        others = [w for w in words if w != word]
        return event_type if any(w in lex.confirms["casualties_death"] for w in others) else None
    if word in lex.needs.get(event_type, frozenset()):
        if event_type == "reinforcement":
            return event_type if _deploys_forces(text, clause, trigger_start, len(trigger)) else None
        others = [w for w in words if w != word]
        return event_type if any(w in lex.confirms[event_type] for w in others) else None
    return event_type


_PREPOSITIONS = frozenset({"to", "in", "into", "near", "along", "at", "on", "from", "toward", "towards", "across", "around"})


def _deploys_forces(text: str, clause: tuple[int, int], trigger_start: int, length: int) -> bool:
    """Whether what is deployed or reinforced is a force: the object after the verb ("deploying
    reinforcements", not "deployed new payroll software"), or, with no object ("troops
    deployed to the border"), the words before it."""
    by = lexicon().confirms["reinforcement"]
    after = _words(text[trigger_start + length : clause[1]])
    if after and after[0] not in _PREPOSITIONS:
        return any(w in by for w in after[:8])
    return any(w in by for w in _words(text[clause[0] : trigger_start]))


def background(text: str, clause_start: int, trigger_start: int) -> bool:
    """Whether the trigger's clause tells what came before the news ("…, before the assault").

    >>> t = "The ministers spoke in Oslo, before the assault on the depot."
    >>> lo, _ = clause_of(t, 0, len(t), t.index("assault"), t.index("assault") + 7)
    >>> background(t, lo, t.index("assault"))
    True
    """
    opener = " ".join(_words(text[max(0, clause_start - 12) : clause_start])[-2:])
    head = " ".join(_words(text[clause_start:trigger_start])[:2])
    return any(opener.endswith(w) or head.startswith(w) for w in lexicon().background)


@lru_cache(maxsize=1)
def _triggers() -> dict[str, str]:
    """Event trigger lemmas → type: the extractor's own table (lexicons/en/events/triggers.txt)."""
    return dict(word_lists("en").table("events/triggers"))


def _lemma_type(word: str) -> str | None:
    """The event type of a verb form ending in -ed or -ing ("seized", "advancing"), if it is a trigger."""
    if not word.endswith(("ed", "ing")) or word in lexicon().states:
        return None
    stem = word[:-3] if word.endswith("ing") else word[:-2]
    table = _triggers()
    for lemma in (stem, stem + "e", word[:-1], stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem):
        if lemma in table:
            return table[lemma]
    return None


def another_event_between(text: str, a: int, b: int, event_type: str) -> str | None:
    """The type of an event verb of another type between positions a and b, else None.

    "seized one village and advanced … into another": the second is the advance's place, not
    the capture's.

    >>> t = "Russian forces seized Tykhe and advanced into Ternove."
    >>> another_event_between(t, t.index("seized") + 6, t.index("Ternove"), "capture")
    'advance'
    """
    lo, hi = min(a, b), max(a, b)
    words = _words(text[lo:hi])
    for word in words:
        kind = _lemma_type(word)
        if kind is not None and kind != event_type:
            return kind
    return None


def infinitive_between(text: str, trigger_end: int, place_start: int) -> bool:
    """Whether an infinitive ("to give") stands between a trigger and the place after it.

    "the union is fighting for the city to rebuild its port in Mariupol": Mariupol is where the
    port is to be rebuilt, not where any fighting is.

    >>> t = "The union is fighting for the city to rebuild its port in Mariupol."
    >>> infinitive_between(t, t.index("fighting") + 8, t.index("Mariupol"))
    True
    >>> t = "Ukrainian forces advanced to northwestern Verbove."
    >>> infinitive_between(t, t.index("advanced") + 8, t.index("Verbove"))
    False
    """
    words = _words(text[trigger_end:place_start])
    return any(w == "to" and _infinitive(nxt) for w, nxt in zip(words, words[1:], strict=False))


def _infinitive(word: str) -> bool:
    """Whether a lower-case word after "to" reads as a verb ("give"), not a noun phrase ("the front")."""
    return word.isalpha() and word.islower() and word not in lexicon().not_verbs


def past_progressive(text: str, clause_start: int, trigger_start: int) -> bool:
    """'had been fighting', 'had been occupying': a past state the sentence looks back on.

    >>> t = "Ukraine had been fighting proxies for years."
    >>> past_progressive(t, 0, t.index("fighting"))
    True
    """
    return _words(text[clause_start:trigger_start])[-2:] == ["had", "been"]


#: Heads of a holder that name armed actors, not someone who holds an expectation.
_ACTORS = frozenset({"forces", "troops", "soldiers", "units", "servicemen"})


def actors_only(holder: str) -> bool:
    """Whether a forecast's holder names the armed actors the forecast is about ("Russian forces").

    >>> actors_only("Russian forces"), actors_only("the Ukrainian General Staff")
    (True, False)
    """
    words = _words(holder)
    return bool(words) and words[-1] in _ACTORS


def war_itself(trigger: str, feature: str | None) -> bool:
    """Whether the trigger names the war itself: "the invasion of Ukraine", a country as its place.

    >>> war_itself("attack", "country"), war_itself("attack", "city")
    (True, False)
    """
    return feature == "country" and trigger.casefold().strip() in lexicon().war_itself


def claimed_in_clause(text: str, clause_start: int, trigger_start: int) -> bool:
    """Whether a verb of claiming stands before the trigger in its clause ("claimed to have captured").

    >>> t = "The commander repeatedly claimed to have captured the hill."
    >>> claimed_in_clause(t, 0, t.index("captured"))
    True
    """
    return any(w in lexicon().claiming for w in _words(text[clause_start:trigger_start])[-6:])
