"""Propositions: the events and claims of many articles grouped by what they are about.

Events group by type, place, the place's relation and a time window ("capture of
Pokrovsk", reports within `WINDOW_DAYS` of each other; "advances near Pokrovsk" is another
proposition than "advances at Pokrovsk"); claims that no event carries group by their normalised text.
Each fact contributes a stance: a reported event is asserted by the outlet, a claimed one by
its claimant, a denied one is denied by its denier. The verdict:
- `contested`: asserted by some and denied by others;
- `corroborated`: asserted by at least two independent voices. A voice is an outlet,
  counted once under whichever of its names or web domains it is stored (`sitrep.outlets`);
  articles without an outlet or URL share one "unknown outlet" voice per origin (the JSONL
  file, feed or archive they came from, or the folder of loose files). Copies never count:
  an article that is a `duplicate_of` another adds nothing, and neither does a sentence
  word for word the same as one already counted (a near-copy the whole-text test missed);
- `single-sourced`: everything else.
A denial contests an assertion only when it comes from another voice and another story:
an outlet that reports an advance on one day and "no confirmed advances" on another has
not refuted itself, and copies or articles of one story never refute each other. A later
report that confirms (reports) or refutes (denies) an earlier claim is linked to it.

    >>> from datetime import date
    >>> from sitrep.resolve.facts import Fact
    >>> f = Fact("a1", "e1", "event", "reported", "Russia took X.", 0, 14, "capture", "geo:1", "X", on=date(2024, 2, 17))
    >>> group_facts([f], {"a1": ArticleInfo("a1", "Reuters")})[0].verdict
    'single-sourced'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache

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
    origin: str | None = None
    story_id: int | None = None

    @cached_property  # asked for every fact of every proposition: the outlet table is read once per article
    def outlet_name(self) -> str | None:
        """The outlet as shown to a reader: its canonical name, else its bare domain or its own words.

        "criticalthreats.org" → "Institute for the Study of War"; "www.kten.com" → "kten.com".
        Without a stored outlet, the domain of the article's URL stands for it.
        """
        given = self.outlet if self.outlet and self.outlet.strip() else None
        if given is None and self.url:
            given = domain_of(self.url)
        return canonical_outlet(given) if given else None

    @cached_property
    def voice(self) -> str:
        """Who speaks through this article: its canonical outlet, else one unknown voice per origin.

        One organisation under several names or domains ("Reuters", "www.reuters.com") is one
        voice; a thousand outlet-less lines of one JSONL file are one voice too, so volume
        cannot pass for independence.
        """
        name = self.outlet_name
        if name:
            return name.casefold()
        return f"unknown outlet ({origin_source(self.origin)})" if self.origin else f"article {self.id}"

    @property
    def voice_name(self) -> str:
        """The voice as shown to a reader."""
        return self.outlet_name or (
            f"unknown outlet ({origin_source(self.origin)})" if self.origin else f"article {self.id}"
        )


def article_info(articles: Mapping[str, ArticleInfo], article_id: str) -> ArticleInfo:
    """The article's info, or a bare one (no outlet, no date) for an article `articles` lacks."""
    info = articles.get(article_id)
    return info if info is not None else ArticleInfo(article_id)


_ORIGIN_ITEM = re.compile(r"^(.*?)(?::\d+|#\d+)$")


def origin_source(origin: str) -> str:
    """The file, feed or archive an article came from; for a loose file, its folder.

    >>> origin_source("exports/feed.jsonl:1002"), origin_source("crawl.warc.gz#7"), origin_source("notes/a.txt")
    ('exports/feed.jsonl', 'crawl.warc.gz', 'notes')
    """
    item = _ORIGIN_ITEM.match(origin)
    if item:
        return item.group(1)
    parent = origin.replace("\\", "/").rsplit("/", 1)
    return parent[0] if len(parent) == 2 and parent[0] else "."


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
    relation: str | None = None  # None: at the place; near, outskirts, toward, direction
    side: str | None = None  # the side acting, once a fact names it: RU advances are not UA advances
    verdict: str = "single-sourced"
    outlets: list[str] = field(default_factory=list)  # independent voices asserting it (display names)
    articles: int = 0  # articles asserting it, copies included
    stances: list[Stance] = field(default_factory=list)
    #: The articles `judge` was given, for the confirm/refute links it finds when first asked.
    judged_with: Mapping[str, ArticleInfo] = field(default_factory=dict, repr=False, compare=False)
    _links: tuple[list[tuple[Fact, Fact]], list[tuple[Fact, Fact]]] | None = field(
        default=None, repr=False, compare=False
    )

    @property
    def confirms(self) -> list[tuple[Fact, Fact]]:
        """(earlier claim, later independent report of it)."""
        return self._linked()[0]

    @property
    def refutes(self) -> list[tuple[Fact, Fact]]:
        """(earlier claim, later independent denial of it)."""
        return self._linked()[1]

    def _linked(self) -> tuple[list[tuple[Fact, Fact]], list[tuple[Fact, Fact]]]:
        # Found when first asked: every claim against every later fact is quadratic in the
        # facts, and reports and timelines never ask.
        if self._links is None:
            self._links = links(self.facts, self.judged_with)
        return self._links

    def vouched(self, articles: Mapping[str, ArticleInfo]) -> bool:
        """Whether someone stands behind it: a named outlet or a named holder asserting it.

        A statement whose only support is a sentence of an article without outlet or URL,
        credited to no one, is left out of the report (it stays in `claims` and `timeline`).
        """
        return any(
            s.fact.holder or article_info(articles, s.fact.article_id).outlet_name
            for s in self.stances
            if s.stance in ("asserts", "denies")
        )

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
    return "claim:" + _same_words(text)[:160]


def _within(day: date | None, span: tuple[date, date] | None) -> bool:
    """Whether a fact of `day` joins a proposition whose dated facts span `span` (None: none dated).

    Undated facts go only with undated ones.
    """
    if day is None or span is None:
        return day is None and span is None
    first, last = span
    return (first - day).days <= WINDOW_DAYS and (day - last).days <= WINDOW_DAYS


def _same_side(side: str | None, prop: Proposition) -> bool:
    """Whether a fact of `side` may join `prop`: an advance by one side never corroborates the other's."""
    return side is None or prop.side is None or side == prop.side


def group_facts(facts: Iterable[Fact], articles: Mapping[str, ArticleInfo]) -> list[Proposition]:
    """Group events and free-standing claims into propositions with stances and verdicts.

    Forecasts are left to the forecast ledger; claims that an event already carries
    (same article, the event's claim) are represented by that event.
    """
    facts = sorted(facts, key=_in_order)
    carried = {(f.article_id, f.claim) for f in facts if f.kind == "event" and f.claim}
    by_event: dict[tuple[str | None, str | None, str | None], list[Proposition]] = {}
    # The propositions of each slot a later fact may still join. Facts come oldest first, so
    # one whose last day is more than WINDOW_DAYS before a fact's is closed for good (and an
    # undated one once dated facts come): dropping them keeps the look-up from growing with
    # the years a store covers, and the first open match is the one a full scan would find.
    open_: dict[tuple[str | None, str | None, str | None], list[Proposition]] = {}
    by_claim: dict[str, Proposition] = {}
    # Each event proposition's first and last day, kept as facts join it: `Proposition.first`
    # scans all its facts, and a large store's propositions hold thousands.
    span: dict[int, tuple[date, date]] = {}
    for fact in facts:
        if fact.kind == "event" and fact.status != "forecast":
            slot_key = (fact.event_type, fact.place_key, fact.relation)
            slot = open_.setdefault(slot_key, [])
            day = fact.on
            if day is not None and slot:
                slot[:] = [p for p in slot if (d := span.get(id(p))) is not None and (day - d[1]).days <= WINDOW_DAYS]
            prop = next((p for p in slot if _within(day, span.get(id(p))) and _same_side(fact.side, p)), None)
            if prop is None:
                where = f"{fact.relation}:{fact.place_key}" if fact.relation else fact.place_key
                prop = Proposition(
                    key=f"event:{fact.event_type}@{where}#{fact.on or 'undated'}",
                    kind="event",
                    event_type=fact.event_type,
                    place_key=fact.place_key,
                    place_name=fact.place_name,
                    relation=fact.relation,
                )
                slot.append(prop)
                by_event.setdefault(slot_key, []).append(prop)
            prop.facts.append(fact)
            if day is not None:
                first, last = span.get(id(prop), (day, day))
                span[id(prop)] = (min(first, day), max(last, day))
            prop.side = prop.side or fact.side
        elif fact.kind == "claim" and (fact.article_id, fact.claim) not in carried:
            key = claim_key(fact.text)
            by_claim.setdefault(key, Proposition(key=key, kind="claim")).facts.append(fact)
    props = [p for slot in by_event.values() for p in slot] + list(by_claim.values())
    for prop in props:
        judge(prop, articles)
    return props


def _in_order(fact: Fact) -> tuple[date, str, str]:
    return (fact.on or date.min, fact.article_id, fact.item_id)


@lru_cache(maxsize=1 << 14)  # copies repeat sentences word for word, and a report judges tens of thousands
def _same_words(text: str) -> str:
    """The sentence's words, casefolded, one space apart: "Kyiv, at dawn!" → "kyiv at dawn"."""
    return " ".join(_CLAIM_WORDS.findall(text.casefold()))


def judge(prop: Proposition, articles: Mapping[str, ArticleInfo]) -> None:
    """Fill in stances, independent voices, the verdict and confirm/refute links."""
    prop.stances, prop.outlets, voices = [], [], []
    sentences: set[str] = set()
    asserting_articles: set[str] = set()
    for fact in prop.facts:
        info = article_info(articles, fact.article_id)
        stance = (
            "asserts" if fact.status in ASSERTING else "denies" if fact.status in DENYING else fact.status
        )
        who = fact.holder or info.voice_name
        prop.stances.append(Stance(fact, who, stance))
        if stance != "asserts":
            continue
        asserting_articles.add(fact.article_id)
        words = _same_words(fact.text)
        if info.duplicate_of is not None or words in sentences:
            continue  # a copy, or a sentence word for word as one already counted
        sentences.add(words)
        if info.voice not in voices:
            voices.append(info.voice)
            prop.outlets.append(info.voice_name)
    prop.articles = len(asserting_articles)
    prop.judged_with, prop._links = articles, None
    denials = [f for f in prop.facts if f.status in DENYING]
    assertions = [f for f in prop.facts if f.status in ASSERTING]
    contested = any(opposed(a, d, articles) for a in assertions for d in denials)
    prop.verdict = "contested" if contested else "corroborated" if len(voices) >= 2 else "single-sourced"


def links(
    facts: Sequence[Fact], articles: Mapping[str, ArticleInfo]
) -> tuple[list[tuple[Fact, Fact]], list[tuple[Fact, Fact]]]:
    """(confirms, refutes): each earlier claim with every later independent report or denial of it."""
    confirms: list[tuple[Fact, Fact]] = []
    refutes: list[tuple[Fact, Fact]] = []
    claims = [f for f in facts if f.status in ("claimed", "asserts")]
    for later in facts:
        if later.status != "reported" and later.status not in DENYING:
            continue  # neither confirms nor refutes anything
        for earlier in claims:
            if not (earlier.on and later.on and later.on > earlier.on):
                continue
            if not independent(earlier, later, articles):
                continue
            if later.status == "reported":
                confirms.append((earlier, later))
            else:
                refutes.append((earlier, later))
    return confirms, refutes


def opposed(assertion: Fact, denial: Fact, articles: Mapping[str, ArticleInfo]) -> bool:
    """Whether a denial contests an assertion: two named holders at odds (even in one article,
    "Moscow claimed …; Kyiv denied …"), or independent reporting that says the opposite. One
    holder, or one outlet speaking for itself, never contests its own report."""
    a, d = assertion.holder, denial.holder
    if a and d:
        return a.casefold() != d.casefold()
    return independent(assertion, denial, articles)


def independent(a: Fact, b: Fact, articles: Mapping[str, ArticleInfo]) -> bool:
    """Whether two facts come from independent reporting: other article, copy group, story and voice.

    A copy (`duplicate_of`) and its original, two articles of one story, or one outlet on
    two days never confirm or refute each other.
    """
    if a.article_id == b.article_id:
        return False
    x = article_info(articles, a.article_id)
    y = article_info(articles, b.article_id)
    if (x.duplicate_of or x.id) == (y.duplicate_of or y.id):
        return False
    if x.story_id is not None and x.story_id == y.story_id:
        return False
    return x.voice != y.voice
