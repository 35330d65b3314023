"""From one record to what cross-article work compares: entity keys and dated facts.

An entity key names the same thing across articles: a place by its GeoNames id (or, where
the gazetteer has none, its canonical name and the point it was placed at, so two villages
of one name far apart stay two places: see `place_key_of` and `same_place`), a unit by its canonical name (or number and
echelon), a person or organisation by its normalised full name. A fact is one event, claim
or forecast with its place key, date, status, holder and the span it was read from, so
that every line of a report can cite the exact sentence.

    >>> place_key_of(Place(name="Pokrovsk", geonameid=704422, extractor="x"))
    'geo:704422'
    >>> place_key_of(Place(name="Stepove", lat=47.551, lon=35.624, extractor="x"))
    'place:stepove@47.55,35.62'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import date
from typing import TYPE_CHECKING, Any

from ..geo import distance_km
from ..models import Claim, Place, Record, Span, Unit
from . import clauses, support
from .areas import NAMESAKE_KM

if TYPE_CHECKING:
    from ..store.control import CheckRow

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_LEADING = re.compile(r"^(the|a|an)\s+")


def slug(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _NON_WORD.sub(" ", _LEADING.sub("", plain.strip())).strip().replace(" ", "-")


def place_key_of(place: Place) -> str:
    """`geo:ID` for a gazetteer place; else `place:SLUG@LAT,LON` where the record placed it
    (a front-line village placed at its reference town), or `place:SLUG` without a position.

    The position in the key is where this article placed the name; the store maps it to an
    existing entity of that name within `NAMESAKE_KM` (`same_place`), so one village placed
    at two nearby reference towns stays one place and two namesakes far apart stay two.
    """
    if place.geonameid:
        return f"geo:{place.geonameid}"
    name = f"place:{slug(place.canonical or place.name)}"
    if place.lat is None or place.lon is None:
        return name
    return f"{name}@{place.lat:.2f},{place.lon:.2f}"


def placed_name(key: str) -> tuple[str, float, float] | None:
    """('place:stepove', 47.55, 35.62) of a placed key; None for `geo:` and unplaced keys."""
    name, at, point = key.partition("@")
    lat, _, lon = point.partition(",")
    if not at or not name.startswith("place:"):
        return None
    try:
        return name, float(lat), float(lon)
    except ValueError:
        return None


def same_place(key: str, known: Iterable[str], *, within_km: float = NAMESAKE_KM) -> str:
    """The known key of the same name nearest to `key`'s point within `within_km`, else `key` itself."""
    mine = placed_name(key)
    if mine is None:
        return key
    best: tuple[float, str] | None = None
    for other in known:
        theirs = placed_name(other)
        if theirs is None or theirs[0] != mine[0]:
            continue
        km = distance_km(mine[1], mine[2], theirs[1], theirs[2])
        if km <= within_km and (best is None or (km, other) < best):
            best = (km, other)
    return key if best is None else best[1]


def unit_key_of(unit: Unit) -> str:
    if unit.canonical:
        return f"unit:{slug(unit.canonical)}"
    if unit.number is not None and unit.echelon:
        return f"unit:{unit.side or 'xx'}-{unit.number}-{unit.echelon}".lower()
    return f"unit:{slug(unit.name)}"


@dataclass(frozen=True)
class EntityRef:
    """One entity of one article: its cross-article key, display name and the item it came from."""

    key: str
    kind: str  # place, unit, person, organisation, government, group
    name: str
    item_id: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    feature: str | None = None


def entities_of(record: Record) -> list[EntityRef]:
    out = [
        EntityRef(
            place_key_of(p), "place", p.canonical or p.name, p.id or "", p.lat, p.lon, p.country, p.feature
        )
        for p in record.places
        if p.literal
    ]
    out += [EntityRef(unit_key_of(u), "unit", u.canonical or u.name, u.id or "") for u in record.units]
    out += [EntityRef(f"{a.kind}:{slug(a.name)}", a.kind, a.name, a.id or "") for a in record.actors]
    return out


@dataclass(frozen=True)
class Fact:
    """An event, claim or forecast of one article, ready to be grouped with others."""

    article_id: str
    item_id: str
    kind: str  # event, claim, forecast
    status: str  # reported, claimed, denied, forecast (events); the stance (claims); "forecast"
    text: str
    start: int
    end: int
    event_type: str | None = None
    place_key: str | None = None
    place_name: str | None = None
    holder: str | None = None
    side: str | None = None
    on: date | None = None  # when it happened (or, for a forecast, when it was made)
    horizon: str | None = None
    condition: str | None = None
    units: tuple[str, ...] = ()  # keys of the units named in the fact's sentence
    claim: str | None = None  # for an event inside a claim, the claim's item id
    relation: str | None = None  # None: at the place; near, outskirts, toward, direction: only by it
    check: CheckRow | None = None  # its verdict against the control maps (sitrep.control), once checked

    @classmethod
    def of_values(cls, values: Iterable[Any]) -> Fact:
        """A fact from its field values in order (all of them but `check`), as the store reads them.

        A frozen dataclass's __init__ sets each field through object.__setattr__, which was a
        third of reading a report's tens of thousands of facts; this fills the same fields at once.
        """
        fact = object.__new__(cls)
        fact.__dict__.update(zip(_FACT_FIELDS, values, strict=True), check=None)
        return fact


#: Fact's fields up to `relation`, in order (`Fact.of_values`).
_FACT_FIELDS = tuple(f.name for f in fields(Fact) if f.name != "check")


#: A fact's own span shorter than this is widened to its sentence for citing; longer ones
#: are already sentences (events and forecasts carry their sentence span).
SHORT_SPAN = 40
#: How far widening may reach on either side, so a missing full stop never quotes a page.
MAX_WIDEN = 300


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a short span to its sentence, so a citation quotes a readable unit."""
    if end - start >= SHORT_SPAN:
        return start, end
    lo = max(0, start - MAX_WIDEN)
    left = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start))
    new_start = left + (2 if left >= 0 and text[left] == "." else 1) if left >= 0 else lo
    hi = min(len(text), end + MAX_WIDEN)
    rights = [i for i in (text.find(". ", end, hi), text.find("\n", end, hi)) if i != -1]
    new_end = min(rights) + 1 if rights else hi
    return new_start, new_end


#: The event status a linked claim's stance gives (expectations and doubts give none).
STANCE_STATUS = {"asserts": "claimed", "acknowledges": "claimed", "denies": "denied"}


@dataclass(frozen=True)
class Grounding:
    """What an event's or forecast's own sentence supports (see `sitrep.resolve.support`)."""

    start: int
    end: int
    quote: str
    place: Place | None
    relation: str | None
    #: The place's mention in the sentence nearest the trigger (None when taken up from the sentence before).
    mention: Span | None = None


def _mentions(place: Place, start: int, end: int) -> list[Span]:
    return [s for s in place.spans if start <= s.start and s.end <= end]


def _mapped(place: Place) -> bool:
    """A place the gazetteer knows (it has a position), read as a location, not a government."""
    return place.literal and place.lat is not None and place.lon is not None


def _not_a_name_of(place: Place, record: Record) -> bool:
    """'Putin', 'Oxford Club': a name the record also reads as a person or organisation is no place."""
    names = {a.name.casefold() for a in record.actors if a.kind in ("person", "organisation", "group")}
    names |= {s.name.casefold() for s in record.sources}
    mention = place.name.casefold()
    return not any(mention == n or (len(mention) > 3 and mention in n.split()) for n in names)


#: Features that are regions themselves ("Donetsk Oblast" needs no "region" relation).
REGION_FEATURES = frozenset({"oblast", "region", "state", "province", "krai", "republic", "territory", "country"})

#: Event types whose place is named with "from" ("withdrew from Kherson", "evacuated from Pokrovsk").
FROM_IS_AT = frozenset({"withdrawal", "evacuation"})

#: A forecast's place stands within this many characters of its trigger ("could capture
#: Kostiantynivka within weeks"); farther off it belongs to another phrase of the sentence.
FORECAST_REACH = 80


def _close(place: Place, trigger: Span, start: int, end: int) -> bool:
    return any(
        min(abs(m.start - trigger.end), abs(trigger.start - m.end)) <= FORECAST_REACH
        for m in _mentions(place, start, end)
    )


def _dateline(text: str, mention: Span) -> bool:
    """'KYIV, March 3 (Reuters) -': the place a paragraph opens with, before a comma or dash."""
    opens = mention.start == 0 or text[mention.start - 1] == "\n"
    return opens and text[mention.end : mention.end + 2].lstrip()[:1] in (",", "-", "(", "—", "–")


def ground(
    record: Record, text: str, spans: list[Span], place_name: str | None
) -> Grounding | None:
    """The real sentence of an event or forecast, and its place as that sentence names it.

    None when the cited span is no sentence (runs past `support.MAX_SENTENCE`). The place is
    kept only when the sentence itself names it, the gazetteer knows it and the record does
    not also read the name as a person or organisation; its relation says whether the
    sentence puts the event at it or only near it.
    """
    if not spans:
        return None
    outer = spans[0]
    trigger = spans[1] if len(spans) > 1 else outer
    # The extractor's sentence may run two real ones together (or be only a phrase): the real
    # sentence around the trigger is found again, searching a window around it.
    reach = 2 * support.MAX_SENTENCE
    window = (min(outer.start, trigger.start) - reach, max(outer.end, trigger.end) + reach)
    bounds = support.sentence_at(text, trigger.start, within=window)
    if bounds is None:
        return None
    start, end = bounds
    places = [p for p in record.places if p.name == place_name]

    def named(place: Place) -> list[Span]:
        """Mentions in the sentence that name the place, not a longer name ("Kyiv Independent")
        nor another settlement of the same root than the gazetteer's ("Oleksandrivka" read as "Oleksandrivskyi")."""
        return [
            m
            for m in _mentions(place, start, end)
            if not support.part_of_name(text, m.start, m.end)
            and not support.namesake(text[m.start : m.end], place.canonical)
        ]

    place = next((p for p in places if named(p)), None)
    relation = None
    nearest: Span | None = None
    if place is not None:
        mentions = named(place)
        nearest = min(mentions, key=lambda m: abs(m.start - trigger.start))
        relation = support.relation_of(text, nearest.start, nearest.end, sentence_start=start)
        if relation is None and place.feature not in REGION_FEATURES and support.names_region(text, nearest.end):
            relation = "region"  # "struck Chernihiv, Kharkiv and Sumy oblasts": the region, not the city
        elif relation == "region" and place.feature in REGION_FEATURES:
            relation = None  # "the region of Donetsk" read as the oblast itself
    elif place_name and support.takes_up_a_place(text[start:end]):
        # "… in the city are surrounded" after a sentence that names the settlement: its antecedent.
        before = support.sentence_at(text, max(0, start - 2), within=(start - reach, start))
        if before is not None:
            place = next(
                (p for p in places if p.feature not in REGION_FEATURES and _mentions(p, *before)), None
            )
    if place is not None and not (_mapped(place) and _not_a_name_of(place, record)):
        place, relation, nearest = None, None, None
    return Grounding(start, end, text[start:end], place, relation, nearest)


def _placed_in_clause(
    text: str, grounded: Grounding, clause: tuple[int, int], holder: Span | None
) -> bool:
    """Whether the grounded place is the event's own: in the trigger's clause, not a dateline
    ("ODESA, 3 May –") and not part of the holder ("the governor of Sumy region")."""
    m = grounded.mention
    if m is None:
        return True  # "the city", taken up from the sentence before (`support.takes_up_a_place`)
    if _dateline(text, m):
        return False
    if holder is not None and holder.start <= m.start and m.end <= holder.end:
        return False
    if m.end <= clause[0] and support.takes_up_a_place(text[clause[0] : clause[1]]):
        return True  # "… infiltrated into Tykhe but have not seized the settlement": its antecedent
    return clauses.place_in_clause(text, clause, (m.start, m.end))


def _argument_of(text: str, mention: Span | None, trigger: Span, event_type: str) -> bool:
    """Whether no event verb of another type stands between the trigger and its place."""
    if mention is None:
        return True
    if mention.start >= trigger.end and clauses.infinitive_between(text, trigger.end, mention.start):
        return False  # "fighting for the city to rebuild its port in Mariupol"
    a, b = (trigger.end, mention.start) if mention.start >= trigger.end else (mention.end, trigger.start)
    return clauses.another_event_between(text, a, b, event_type) is None


def facts_of(record: Record, *, text: str | None = None, published: date | None = None) -> Iterator[Fact]:
    """Every event, claim and forecast of `record`, with place keys resolved through its places.

    With the article `text`, each event and forecast is held to its own sentence
    (`ground`): the cited sentence is the real one around the trigger, the place is one that
    sentence names (with its relation: at, near, toward, direction), the date is the
    sentence's own time expression or else the article's, and attempts, hypotheticals,
    negations and history are left out (they are not reported events), and so is an event
    whose sentence names no party to the war (no side and no unit).
    """
    places = {p.name: p for p in record.places}
    times = {t.id: t for t in record.times}
    claims = {c.id: c for c in record.claims}
    day = published or record.article.published
    # An undated article is read against the latest date it mentions, so "between 2007 and
    # 2010" is still history in it.
    latest = max((t.start for t in record.times if t.start), default=None)
    reference = day or latest

    def place_of(name: str | None) -> tuple[str | None, str | None]:
        place = places.get(name or "")
        if place is None:
            return (f"place:{slug(name)}", name) if name else (None, None)
        return place_key_of(place), place.canonical or place.name

    def span_of(spans: list) -> tuple[int, int, str]:
        if not spans:
            return 0, 0, ""
        start, end = spans[0].start, spans[0].end
        if text is not None:
            start, end = _sentence(text, start, end)
            return start, end, text[start:end].strip()
        return start, end, spans[0].text

    def units_in(start: int, end: int) -> tuple[str, ...]:
        return tuple(
            sorted({unit_key_of(u) for u in record.units for s in u.spans if start <= s.start < end})
        )

    def holder_in(claim: Claim | None, start: int, end: int) -> str | None:
        """The claimant, when the sentence names it and it is a person, body or outlet."""
        if claim is None or not support.good_holder(claim.claimant):
            return None
        who = claim.spans[1] if len(claim.spans) > 1 else None
        if text is not None and who is not None and not (start <= who.start and who.end <= end):
            return None
        return claim.claimant

    for e in record.events:
        key, name = place_of(e.place)
        relation = None
        event_type: str | None = e.type
        status = e.status
        claim = claims.get(e.claim or "")
        if text is not None:
            grounded = ground(record, text, e.spans, e.place)
            if grounded is None:
                continue
            start, end, quote = grounded.start, grounded.end, grounded.quote
            if support.is_heading(quote) or support.is_reference(quote):
                continue  # a headline, label or bibliography entry is no report
            relation = grounded.relation
            trigger = e.spans[1] if len(e.spans) > 1 else None
            if trigger is not None:
                # The trigger's own clause carries the event: its type, its party and its place.
                clause = clauses.clause_of(text, start, end, trigger.start, trigger.end)
                event_type = clauses.confirmed_type(e.type, trigger.text, text, clause, trigger.start)
                if (
                    event_type is None
                    or clauses.past_progressive(text, clause[0], trigger.start)
                    or clauses.background(text, clause[0], trigger.start)
                ):
                    continue  # "tariffs hitting the steel trade", "had been fighting for years", "before the invasion"
                holder_span = claim.spans[1] if claim is not None and len(claim.spans) > 1 else None
                if grounded.place is not None and not (
                    _placed_in_clause(text, grounded, clause, holder_span)
                    and _argument_of(text, grounded.mention, trigger, event_type)
                ):
                    grounded = Grounding(start, end, quote, None, None)
                    relation = None
                if relation == "from" and event_type in FROM_IS_AT:
                    relation = None  # "withdrew from Kherson": the place it left is its place
                if grounded.place is not None and clauses.war_itself(trigger.text, grounded.place.feature):
                    continue  # "since the invasion of Ukraine": the war, not an event of it
                place_span = grounded.mention
                # the party is neither the place nor the holder ("said the rescue service of Ukraine")
                skip = tuple((s.start, s.end) for s in (place_span, holder_span) if s is not None)
                if clauses.party_in(text, clause, skip=skip) is None and not units_in(*clause):
                    continue  # no party to the war in the trigger's clause ("observers deployed in Moldova")
                if status == "claimed" and claim is not None and claim.claimant and not support.good_holder(claim.claimant):
                    status = "reported"  # "Geolocated footage indicates …": the outlet's own assessment
                if status == "reported" and clauses.claimed_in_clause(text, clause[0], trigger.start):
                    continue  # "the commander claimed to have captured X": a claim, never the outlet's own report
            if grounded.place is None:
                key, name = None, None
            if trigger is not None and e.status in ("reported", "claimed", "denied"):
                denial = e.status == "denied"
                if support.unreal_cue(text, start, trigger.start, trigger.end, negations=not denial):
                    continue
            at = trigger.start - start if trigger is not None else None
            if support.past_year(quote, reference, at=at) or support.history_cue(quote):
                continue  # history ("in 1943 the Red Army …", "after the annexation of …") is no news
        else:
            start, end, quote = span_of(e.spans)
        time = times.get(e.time or "")
        # The sentence's own date, when it names a day, week or month ("10 years of war" names none).
        own_time = time is not None and time.start and time.precision in ("day", "week", "month") and (
            text is None or any(start <= s.start and s.end <= end for s in time.spans)
        )
        when = time.start if own_time and time is not None else day
        if text is not None and not own_time and e.spans[1:] and day is not None:
            if support.earlier_year(quote, day, at=e.spans[1].start - start) is not None:
                continue  # "in late 2025 …" in a 2026 article: its date is not the article's
        units = units_in(start, end)
        voiced = claim is not None and holder_in(claim, start, end) is not None
        if text is not None and e.actor_side is None and e.target_side is None and not units and not voiced:
            # no party to the war in the sentence, and no one in it claiming or denying the event:
            # "it's striking how", "attacking China" in words
            continue
        # "Ukraine denies Moscow's claim that …": the claim and the claims linked to it are the
        # voices on this event; the event's own status speaks for the voice whose stance gives it.
        voices = [claim, *(claims[i] for i in claim.links if i in claims)] if claim else []
        own = next((v for v in voices if STANCE_STATUS.get(v.stance) == e.status), claim)
        yield Fact(record.id, e.id or "", "event", status, quote, start, end, event_type, key, name,
                   holder_in(own, start, end), e.actor_side, when, None, e.condition, units, e.claim,
                   relation)
        for voice in voices:
            voice_status = STANCE_STATUS.get(voice.stance)
            if voice is own or voice_status is None:
                continue
            v_start, v_end, v_quote = span_of(voice.spans)
            if text is not None and support.sentence_at(text, voice.spans[0].start) is None:
                continue
            yield Fact(record.id, f"{e.id}/{voice.id}", "event", voice_status, v_quote, v_start, v_end, event_type, key,
                       name, voice.claimant if support.good_holder(voice.claimant) else None,
                       e.actor_side, when, None, e.condition, units, voice.id, relation)
    for c in record.claims:
        start, end, _ = span_of(c.spans)
        # A claim's place: the first mapped place the claim's own words name (not its dateline).
        said = c.spans[0] if c.spans else None
        inside = sorted(
            (m.start, m.end, p)
            for p in record.places
            if said is not None and _mapped(p)
            for m in _mentions(p, said.start, said.end)
            if text is None or not _dateline(text, m)
        )
        c_place = inside[0][2] if inside else None
        c_relation = None
        if inside and text is not None and said is not None:
            c_relation = support.relation_of(text, inside[0][0], inside[0][1], sentence_start=said.start)
        yield Fact(
            record.id,
            c.id or "",
            "claim",
            c.stance,
            c.text,
            start,
            end,
            None,
            place_key_of(c_place) if c_place else None,
            (c_place.canonical or c_place.name) if c_place else None,
            c.claimant if support.good_holder(c.claimant) else None,
            None,
            day,
            relation=c_relation,
        )
    events = {e.id: e for e in record.events}
    for f in record.forecasts:
        key, name = place_of(f.place)
        relation = None
        if text is not None:
            expected = events.get(f.event or "")
            # The expected event's trigger counts only inside the forecast's own words: linked to an
            # event of another sentence, the forecast is still cited by its own sentence.
            expected_at = expected.spans[1] if expected is not None and len(expected.spans) > 1 else None
            words = f.spans[0] if f.spans else None
            within = (
                expected_at is not None
                and words is not None
                and words.start <= expected_at.start
                and expected_at.end <= words.end
            )
            spans = [*f.spans[:1], *([expected_at] if within and expected_at is not None else [])]
            grounded = ground(record, text, spans, f.place)
            if grounded is None or grounded.place is None or support.is_heading(grounded.quote):
                continue  # a forecast's place must be a place its own sentence names
            if len(spans) > 1:
                clause = clauses.clause_of(text, grounded.start, grounded.end, spans[1].start, spans[1].end)
                if clauses.confirmed_type(
                    f.event_type, spans[1].text, text, clause, spans[1].start, forecast=True
                ) != f.event_type:
                    continue  # "a planned annexation", "tariffs hitting": not the type it was read as
            if len(spans) > 1 and not _close(grounded.place, spans[1], grounded.start, grounded.end):
                continue  # "could be targeted … Britain's economy": the place belongs to another phrase
            if not f.horizon:
                continue  # no horizon, nothing to hold it to: an order or a worry, not a forecast
            if len(spans) > 1 and support.unreal_cue(text, grounded.start, spans[1].start, spans[1].end, negations=True) in support.lexicon().negation:
                continue  # "refusal to order a pull-back": an expectation that it will not happen
            start, end, quote = grounded.start, grounded.end, grounded.quote
            relation = grounded.relation
        else:
            start, end, quote = span_of(f.spans)
        # "Russian forces expected …" names the expected actor, not who expects it
        holders = [b for b in f.by if support.good_holder(b) and not clauses.actors_only(b)]
        yield Fact(
            record.id,
            f.id or "",
            "forecast",
            "forecast",
            quote,
            start,
            end,
            f.event_type,
            key,
            name,
            ", ".join(holders) or None,
            None,
            day,
            f.horizon,
            f.condition,
            relation=relation,
        )
