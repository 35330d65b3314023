"""Geocoding: choosing the gazetteer entry each toponym candidate means, in the light of the article.

Scores each entry of an ambiguous name (own name over old or alternate name, the state written
after it, the article's countries, the regions it names, other places within ~150 km, curated
regions, countries and national capitals, population), in two rounds so that later choices see
earlier ones; approximates names the gazetteer lacks by their longest known part or, in
Ukrainian, Russian and Belarusian articles, by rapidfuzz. docs/gazetteer.md describes the rules.

    >>> resolve(candidates, doc, get_gazetteer())  # doctest: +SKIP
    >>> candidates[0].chosen.name  # doctest: +SKIP
    'Pokrovsk'
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ...geo import Entry, Gazetteer, name_key
from ...models import RelativeLocation

# Fuzzy fallback (rapidfuzz) only for spaCy place entities, only inside the article's main countries.
FUZZY_MIN = 90
FUZZY_COUNTRIES = {"UA", "RU", "BY"}
WORLD = {"country", "continent", "ocean"}
# Nouns a demonym names a side of, not a place: "Russian forces", "Ukrainian drones".
ACTING = set(
    "army artillery attack aviation bomber drone force jet military missile navy occupier official "
    "offensive soldier strike troop unit".split()
)  # too big to be near anything
# Curated entries that name an area: naming one favours its towns. An airport or a seat of
# government does not ("Heathrow" is no reason to put "Washington" in a Sussex village).
AREA_FEATURES = {
    "district",
    "krai",
    "nation",
    "oblast",
    "peninsula",
    "province",
    "region",
    "republic",
    "state",
    "territory",
}


@dataclass
class Candidate:
    """One mention that may be a place, with its gazetteer entries (empty: unknown to the gazetteer)."""

    span: SpacySpan
    name: str
    entries: tuple[Entry, ...]
    from_ner: bool
    chosen: Entry | None = None
    metonym: bool = False
    relative: list[RelativeLocation] = field(default_factory=list)
    in_org: bool = False  # named inside an organisation's name ("Armed Forces of Ukraine")
    adjective: bool = False  # "Syrian army", "Turkish border": a country named by its adjective
    within: Entry | None = None  # the region or country written after it: "Parkland, Florida"
    site: bool = (
        False  # a street, building or business, placed in the article's town: "dinner at Black Sheep"
    )
    approximate: bool = False  # placed by a known part of its name ("Marigny Canal" at Marigny)
    tentative: bool = False  # a mis-tagged name kept only if it lands next to another place
    placed_at: Entry | None = None  # a village the gazetteer lacks, at the place written next to it
    unknown: bool = False  # a name the gazetteer lacks, in a list or after a locative: kept only if placed
    evidence: int = 0  # how the context settled it: 3 its clause's town or bracketed neighbour, 2 its sentence, 1 the front


def score(
    entry: Entry,
    focus: Counter[str],
    regions: set[tuple[str, str]],
    anchors: list[Entry],
    *,
    written: str = "",
    within: Entry | None = None,
) -> float:
    """How likely this entry is the place meant (higher is better).

    A spelling variant of the entry's own name ("St. Petersburg" for Saint Petersburg) counts
    as its own name; an old or other name ("Pokrovsk" for Engels) does not.
    """
    own = entry.main or (written and fuzz.ratio(name_key(written), name_key(entry.name)) >= 80)
    s = 1.5 if own else 0.0
    total = sum(focus.values()) or 1
    share = focus.get(entry.cc or "", 0) / total
    # A national capital is news everywhere under its own name: it scores as if its country had at
    # least half the article's focus, so a namesake needs a named region or nearby places to win.
    # Not under an old name: "Salisbury" in a British story is not Harare.
    capital = entry.feature == "capital" and own
    s += 4.0 * (max(share, 0.5) if capital else share)
    if entry.cc and entry.admin1 and (entry.cc, entry.admin1) in regions:
        s += 2.5
    if entry.feature == "country":
        s += 3.0
    elif capital:
        s += 2.5  # Warsaw, not Warsaw, Indiana
    elif entry.id < 0:
        s += 4.5  # curated regions, seas and seats of government: named in the news for a reason
    s += 0.5 * math.log10(entry.population + 1)
    # "Parkland, Florida": the state or country written right after the name settles it.
    if (
        within is not None
        and entry.cc == within.cc
        and (within.feature == "country" or entry.admin1 == within.admin1)
    ):
        s += 5.0
    # Near another place of the article.
    if any(near(entry, a) for a in anchors if a.id != entry.id):
        s += 2.0
    return s


def own_spelling(written: str, name: str) -> bool:
    """Another spelling of the name ("St. Petersburg", "Sofiivka" for Sofiyivka), not another name:
    the ending, which marks a Slavic name's kind, must match too ("Oleksandrivka" is no spelling
    of the Donetsk district Oleksandrivskyi)."""
    a, b = name_key(written), name_key(name)
    return a[-3:] == b[-3:] and fuzz.ratio(a, b) >= 80


def resolve(
    candidates: list[Candidate], doc: Doc, gaz: Gazetteer, english: frozenset[str] = frozenset()
) -> None:
    """Choose an entry for each candidate: unambiguous ones first, then the rest in their light.

    `english` holds lower-case English words: no approximation rests on one.
    """
    focus: Counter[str] = Counter()
    for tok in doc:
        # "Russian forces attacked Pokrovsk": the attacker's side, not where it happens.
        if tok.is_title and (cc := gaz.demonym(tok.text)) and tok.head.lemma_.lower() not in ACTING:
            focus[cc] += 1
    home = focus.most_common(1)[0][0] if focus else None
    for c in candidates:
        mains = [e for e in c.entries if e.main]
        # Settled now: the one place of that name, unless a bigger place has it as another name
        # ("St. Petersburg" is a Florida city's own name and Saint Petersburg's variant), or a place
        # of the article's country does (the Russian spelling of a Ukrainian village can be a
        # Kazakh town's own name).
        if (
            len(mains) == 1
            and all(e.population <= mains[0].population for e in c.entries)
            and not any(e.cc == home != mains[0].cc for e in c.entries)
        ):
            c.chosen = mains[0]
            if c.chosen.cc and not c.tentative:
                focus[c.chosen.cc] += 2
    settled = {id(c) for c in candidates if c.chosen is not None}
    # Two rounds: the second sees what the first chose (a town next to "Haymarket, Va." is the Virginian one).
    for _ in range(2):
        regions = {
            (c.chosen.cc or "", c.chosen.admin1 or "")
            for c in candidates
            if c.chosen and c.chosen.id < 0 and c.chosen.feature in AREA_FEATURES
        }
        # A tentative candidate (a mis-tagged name, kept only if it lands near the others) is
        # no evidence for the others.
        placed = [
            (name_key(c.name), c.chosen)
            for c in candidates
            if c.chosen and c.chosen.feature not in WORLD and not c.tentative
        ]
        anchors = [e for _, e in placed]
        guesses = Counter(
            c.chosen.cc
            for c in candidates
            if c.chosen and id(c) not in settled and c.chosen.cc and not c.tentative
        )
        for c in candidates:
            if id(c) not in settled and c.entries:
                # Near *other* places: a name's own first-round guess is no evidence for itself.
                key = name_key(c.name)
                others = [e for k, e in placed if k != key]
                # Entries come own names first, most populous first: the top 30 hold any plausible one.
                pick = focus + guesses
                c.chosen = max(
                    c.entries[:30],
                    key=lambda e: score(e, pick, regions, others, written=c.name, within=c.within),
                )
    for c in candidates:
        if c.chosen is None and c.from_ner:
            c.chosen = part_of(c.span, gaz, focus, regions, anchors, english)
            c.approximate = c.chosen is not None
            main = focus.most_common(1)[0][0] if focus else None
            if c.chosen is None and main in FUZZY_COUNTRIES and not any(t.lower_ in english for t in c.span):
                c.chosen = fuzzy(c.name, main, gaz)


def part_of(
    span: SpacySpan,
    gaz: Gazetteer,
    focus: Counter[str],
    regions: set[tuple[str, str]],
    anchors: list[Entry],
    english: frozenset[str] = frozenset(),
) -> Entry | None:
    """The known place inside an unknown name: "Tijuana River", "Lake Manassas", "British Embassy Tokyo".

    The longest run of capitalised words the gazetteer knows, not an ordinary English word:
    an approximation (docs/gazetteer.md), good to the 161 km that geocoding is judged by.
    """
    words = [t for t in span if t.is_alpha]
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            part = words[i : i + n]
            if not all(t.is_title or t.is_upper for t in part):
                continue
            found = gaz.lookup(" ".join(t.text for t in part))
            # Own names, else a city's other name of two words or more ("New York" for New York City;
            # "Do" and "Sine", other names of Iranian cities, are words).
            entries = [e for e in found if e.main] or [e for e in found if n > 1 and e.population >= 100_000]
            # An approximation must not rest on an ordinary word ("Mass" in "Easter Sunday Mass").
            # Continents, countries and curated regions are no ordinary words ("Asia" in "Asia-Pacific").
            notable = any(e.id < 0 or e.feature == "country" for e in entries)
            if entries and (notable or not (n == 1 and part[0].lower_ in english)):
                return max(entries, key=lambda e: score(e, focus, regions, anchors))
    return None


def fuzzy(name: str, cc: str, gaz: Gazetteer) -> Entry | None:
    """A near miss ("Avdiyvka") within the article's main country; None below FUZZY_MIN.

    Candidates share the first three letters (an indexed range query), so a typo in the
    opening letters is not repaired: cheap enough to run on every unknown name.
    """
    key = name_key(name)
    if len(key) < 5:
        return None
    pool = gaz.prefixed(key[:3], cc=cc)
    hit = process.extractOne(key, [k for k, _ in pool], scorer=fuzz.ratio, score_cutoff=FUZZY_MIN)
    return pool[hit[2]][1] if hit else None


def local_fallback(groups: dict[object, list[Candidate]], local: set[object]) -> Entry | None:
    """The article's town: where the streets and buildings it names without a town are.

    Local news names its streets and buildings around one town (GeoWebNews places them there);
    `feature: "local"` marks the approximation. The town is the one of the article's main
    country with the most mentions and other named places around it ("Gainesville" among
    "Centreville", "Fairfax" and "Manassas", not a "Somerville" named once), the most populous
    on a tie. Groups in `local` are streets and buildings themselves ("Washington Square").
    """
    # Only towns of the article's main country: a stray surname taken for a village abroad is no anchor.
    countries: Counter[str] = Counter()
    for cs in groups.values():
        if cs[0].chosen and cs[0].chosen.cc:
            # "a Nigerian migrant" is no setting, nor Kyiv that of "Hotel Kyjev", nor Washington
            # that of "the U.S.-led coalition" (a metonym).
            countries[cs[0].chosen.cc] += sum(
                not (c.adjective or c.approximate or c.tentative or c.metonym) for c in cs
            )
    main = countries.most_common(1)[0][0] if countries else None
    placed = [cs[0].chosen for cs in groups.values() if cs[0].chosen and cs[0].chosen.feature not in WORLD]
    towns = []
    for key, cs in groups.items():
        town = cs[0].chosen
        if (
            key in local
            or town is None
            or cs[0].approximate
            or cs[0].tentative
            or town.cc != main
            or town.feature not in {"capital", "city", "town", "village"}
        ):
            continue
        neighbours = sum(near(town, other) for other in placed if other.id != town.id)
        towns.append(((sum(not c.adjective for c in cs) + neighbours, town.population), town))
    best = max(towns, key=lambda t: t[0], default=None)
    return best[1] if best else None


def near(a: Entry, b: Entry) -> bool:
    """Within a 1.5° box (~150 km): cheaper than a great-circle distance, and as good for a guess."""
    return abs(a.lat - b.lat) < 1.5 and abs(a.lon - b.lon) < 2
