"""Propositions: the events and claims of many articles grouped by what they are about.

Events group by type, place and a time window ("capture of Pokrovsk", reports within
`WINDOW_DAYS` of each other); claims that no event carries group by their normalised text.
Each fact contributes a stance: a reported event is asserted by the outlet, a claimed one by
its claimant, a denied one is denied by its denier. The verdict:
- `contested`: asserted by some and denied by others;
- `corroborated`: asserted by at least two independent outlets (copies never count: an
  article that is a `duplicate_of` another adds nothing, and one outlet counts once, under
  whichever of its names or web domains it is stored: see `sitrep.outlets`);
- `single-sourced`: everything else.
A later report that confirms (reports) or refutes (denies) an earlier claim is linked to it.

    >>> from datetime import date
    >>> from sitrep.resolve.facts import Fact
    >>> f = Fact("a1", "e1", "event", "reported", "Russia took X.", 0, 14, "capture", "geo:1", "X", on=date(2024, 2, 17))
    >>> group_facts([f], {"a1": ArticleInfo("a1", "Reuters")})[0].verdict
    'single-sourced'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from ..outlets import canonical_outlet, domain_of
from .facts import Fact

#: Reports of the same type of event at the same place within this many days are one proposition.
WINDOW_DAYS = 7
ASSERTING = {"reported", "claimed", "asserts", "acknowledges"}
DENYING = {"denied", "denies"}


@dataclass(frozen=True)
class ArticleInfo:
    """What a citation and the independence rule need of an article."""

    id: str
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    title: str | None = None
    duplicate_of: str | None = None

    @property
    def outlet_name(self) -> str | None:
        """The outlet as shown to a reader: its canonical name, else its bare domain or its own words.

        "criticalthreats.org" → "Institute for the Study of War"; "www.kten.com" → "kten.com".
        Without a stored outlet, the domain of the article's URL stands for it.
        """
        given = self.outlet if self.outlet and self.outlet.strip() else None
        if given is None and self.url:
            given = domain_of(self.url)
        return canonical_outlet(given) if given else None

    @property
    def voice(self) -> str:
        """Who speaks through this article: its canonical outlet, or the article itself when that is unknown.

        One organisation under several names or domains ("Reuters", "www.reuters.com") is one voice.
        """
        name = self.outlet_name
        return name.casefold() if name else f"article {self.id}"


@dataclass(frozen=True)
class Stance:
    fact: Fact
    who: str  # the claimant, or the outlet for a plain report
    stance: str  # asserts, denies, expects, …


@dataclass
class Proposition:
    key: str
    kind: str  # event or claim
    facts: list[Fact] = field(default_factory=list)
    event_type: str | None = None
    place_key: str | None = None
    place_name: str | None = None
    verdict: str = "single-sourced"
    outlets: list[str] = field(default_factory=list)  # independent outlets asserting it (display names)
    stances: list[Stance] = field(default_factory=list)
    confirms: list[tuple[Fact, Fact]] = field(default_factory=list)  # (earlier claim, later report)
    refutes: list[tuple[Fact, Fact]] = field(default_factory=list)  # (earlier claim, later denial)

    @property
    def first(self) -> date | None:
        days = [f.on for f in self.facts if f.on]
        return min(days) if days else None

    @property
    def last(self) -> date | None:
        days = [f.on for f in self.facts if f.on]
        return max(days) if days else None

    @property
    def text(self) -> str:
        """A representative wording: the earliest reported fact's, else the first."""
        reported = [f for f in self.facts if f.status == "reported"] or self.facts
        return min(reported, key=lambda f: (f.on or date.max, f.article_id)).text


_CLAIM_WORDS = re.compile(r"\w+", re.UNICODE)


def claim_key(text: str) -> str:
    return "claim:" + " ".join(_CLAIM_WORDS.findall(text.casefold()))[:160]


def _within(day: date | None, prop: Proposition) -> bool:
    first, last = prop.first, prop.last
    if day is None or first is None or last is None:
        return True
    return (first - day).days <= WINDOW_DAYS and (day - last).days <= WINDOW_DAYS


def group_facts(facts: Iterable[Fact], articles: Mapping[str, ArticleInfo]) -> list[Proposition]:
    """Group events and free-standing claims into propositions with stances and verdicts.

    Forecasts are left to the forecast ledger; claims that an event already carries
    (same article, the event's claim) are represented by that event.
    """
    facts = sorted(facts, key=lambda f: (f.on or date.min, f.article_id, f.item_id))
    carried = {(f.article_id, f.claim) for f in facts if f.kind == "event" and f.claim}
    by_event: dict[tuple[str | None, str | None], list[Proposition]] = {}
    by_claim: dict[str, Proposition] = {}
    for fact in facts:
        if fact.kind == "event" and fact.status != "forecast":
            slot = by_event.setdefault((fact.event_type, fact.place_key), [])
            prop = next((p for p in slot if _within(fact.on, p)), None)
            if prop is None:
                prop = Proposition(
                    key=f"event:{fact.event_type}@{fact.place_key}#{fact.on or 'undated'}",
                    kind="event",
                    event_type=fact.event_type,
                    place_key=fact.place_key,
                    place_name=fact.place_name,
                )
                slot.append(prop)
            prop.facts.append(fact)
        elif fact.kind == "claim" and (fact.article_id, fact.claim) not in carried:
            key = claim_key(fact.text)
            by_claim.setdefault(key, Proposition(key=key, kind="claim")).facts.append(fact)
    props = [p for slot in by_event.values() for p in slot] + list(by_claim.values())
    for prop in props:
        judge(prop, articles)
    return props


def judge(prop: Proposition, articles: Mapping[str, ArticleInfo]) -> None:
    """Fill in stances, independent outlets, the verdict and confirm/refute links."""
    prop.stances, prop.outlets, voices = [], [], []
    for fact in prop.facts:
        info = articles.get(fact.article_id, ArticleInfo(fact.article_id))
        stance = (
            "asserts" if fact.status in ASSERTING else "denies" if fact.status in DENYING else fact.status
        )
        who = fact.holder or info.outlet_name or f"article {fact.article_id}"
        prop.stances.append(Stance(fact, who, stance))
        if stance == "asserts" and info.duplicate_of is None and info.voice not in voices:
            voices.append(info.voice)
            prop.outlets.append(info.outlet_name or f"article {info.id}")
    asserted = any(s.stance == "asserts" for s in prop.stances)
    denied = any(s.stance == "denies" for s in prop.stances)
    prop.verdict = (
        "contested" if asserted and denied else "corroborated" if len(voices) >= 2 else "single-sourced"
    )
    prop.confirms, prop.refutes = [], []
    claims = [f for f in prop.facts if f.status in ("claimed", "asserts")]
    for later in prop.facts:
        for earlier in claims:
            if earlier.on and later.on and later.on > earlier.on and later.article_id != earlier.article_id:
                if later.status == "reported":
                    prop.confirms.append((earlier, later))
                elif later.status in DENYING:
                    prop.refutes.append((earlier, later))
