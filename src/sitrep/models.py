"""The sitrep record: typed models for one article and everything extracted from it.

Every extracted item carries the character spans it came from (`spans`) and the
name and version of the component that made it (`extractor`, e.g. "sitrep.places/1"),
so a user can always go from a fact back to the exact sentence, and a re-run by a
newer extractor is a visible change. The fields read by the evaluation scorer are
listed in docs/record.md; everything else is extra provenance.

    >>> from sitrep.models import Place, Span
    >>> Place(name="Pokrovsk", spans=[Span(start=0, end=8, text="Pokrovsk")], extractor="sitrep.places/1").name
    'Pokrovsk'
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

Side = Literal["UA", "RU"]
Stance = Literal["asserts", "denies", "acknowledges", "expects", "doubts"]
EventType = Literal[
    "advance",
    "capture",
    "encirclement",
    "withdrawal",
    "fighting",
    "strike",
    "casualties",
    "reinforcement",
    "evacuation",
]
EventStatus = Literal["reported", "claimed", "denied", "forecast"]
Precision = Literal["day", "month", "year", "season", "week", "decade", "unknown"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Span(Model):
    """A character span of the article text: `text == article.text[start:end]`."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Item(Model):
    """Common provenance of every extracted item."""

    id: str | None = Field(default=None, description="Stable within one record, e.g. 'q3'.")
    spans: list[Span] = Field(default_factory=list, description="Every span the item was read from.")
    extractor: str = Field(description="Component name and version, e.g. 'sitrep.quotes/1'.")


class RelativeLocation(Model):
    """A location given relative to a place: '3 km south of Pokrovsk', 'on the outskirts of', 'near'."""

    text: str = Field(description="The phrase as written, anchor included.")
    relation: str = Field(description="near, outskirts, direction, outside, …")
    direction: str | None = Field(default=None, description="north, south-east, … when given.")
    distance_km: float | None = Field(default=None, description="Distance from the anchor when given.")
    span: Span


class Place(Item):
    name: str = Field(description="As written in the article (first mention).")
    canonical: str | None = Field(default=None, description="Gazetteer name.")
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2.")
    region: str | None = Field(default=None, description="First-level region (oblast, state).")
    feature: str | None = Field(default=None, description="city, village, region, country, …; \"local\": no position of its own, placed at its town or the place named next to it")
    literal: bool = Field(default=True, description="False for a metonym ('Moscow's claim').")
    anchor_of: list[str] = Field(
        default_factory=list,
        description="Relative locations anchored here, as written ('3 km south of').",
    )
    relative: list[RelativeLocation] = Field(
        default_factory=list, description="Relative locations anchored here, with direction and distance."
    )


class Unit(Item):
    name: str = Field(description="Fullest form written in the article.")
    canonical: str | None = None
    number: int | None = None
    echelon: str | None = Field(default=None, description="brigade, regiment, battalion, division, …")
    branch: str | None = Field(default=None, description="Jaeger, Airborne, Mechanized, …")
    side: Side | None = None


class Source(Item):
    name: str
    canonical: str | None = None
    kind: str | None = Field(default=None, description="outlet, agency, ministry, staff, channel, think tank, …")
    side: Side | None = None


class Actor(Item):
    name: str = Field(description="Fullest name written in the article.")
    kind: Literal["person", "organisation", "government", "group"] = "person"
    side: Side | None = None
    title: str | None = Field(default=None, description="Role or title given in the text.")


class Quote(Item):
    text: str = Field(description="The quoted words, without the quotation marks.")
    speaker: str | None = Field(default=None, description="Fullest description of who said it.")
    speaker_ref: str | None = Field(default=None, description="id of the actor, unit or source speaking.")
    side: Side | None = None
    cue: str | None = Field(default=None, description="The verb or phrase of saying.")
    fragment: bool = Field(default=False, description="Quoted words inside reported speech.")
    chain: list[str] = Field(
        default_factory=list, description="Attribution chain: article outlet → cited outlet → speaker."
    )


class Claim(Item):
    text: str = Field(description="The proposition, as written.")
    claimant: str | None = None
    claimant_ref: str | None = None
    stance: Stance
    hedged: bool = False
    negated: bool = False
    links: list[str] = Field(default_factory=list, description="ids of claims about the same proposition.")
    chain: list[str] = Field(default_factory=list)


class TimeRef(Item):
    text: str
    start: date | None = Field(default=None, description="Resolved interval start; None when unresolved.")
    end: date | None = None
    precision: Precision = "unknown"
    relative: bool = False


class Event(Item):
    type: EventType
    place: str | None = Field(default=None, description="A place `name` of this record.")
    status: EventStatus = "reported"
    actor_side: Side | None = None
    target_side: Side | None = None
    mode: str | None = Field(default=None, description="For strikes: drone, artillery, missile, air.")
    time: str | None = Field(default=None, description="id of a TimeRef.")
    condition: str | None = Field(default=None, description="For conditional forecasts, the 'if' clause.")
    claim: str | None = Field(default=None, description="id of the claim the event sits in.")


class Forecast(Item):
    event_type: EventType
    place: str | None = None
    by: list[str] = Field(default_factory=list, description="Who holds the expectation.")
    horizon: str | None = Field(default=None, description="'weeks', 'by May 9', 'this summer', …")
    hedge: str | None = None
    condition: str | None = None
    event: str | None = Field(default=None, description="id of the forecast event.")


class Quantity(Item):
    text: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    unit: str | None = Field(default=None, description="%, km, people, drones, …")
    about: str | None = Field(default=None, description="What it counts.")
    claimant: str | None = None
    total: float | None = Field(default=None, description="The whole of a part: 'out of twenty, only five'.")


class ArticleMeta(Model):
    id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    lang: str | None = Field(
        default=None,
        description="ISO 639-1 code: as the input gives it, else identified from the text (sitrep.language).",
    )
    sha256: str | None = Field(default=None, description="Hash of the normalised text (dedupe key).")


class Record(Model):
    """Everything sitrep extracted from one article."""

    schema_version: int = SCHEMA_VERSION
    id: str
    article: ArticleMeta
    extractors: dict[str, str] = Field(default_factory=dict, description="Component name → version.")
    warnings: list[str] = Field(
        default_factory=list,
        description="Coded warnings about the whole article, e.g. E030: a language sitrep cannot read.",
    )
    places: list[Place] = Field(default_factory=list)
    units: list[Unit] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    forecasts: list[Forecast] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    times: list[TimeRef] = Field(default_factory=list)


#: The record's list fields, in the order a report shows them.
RECORD_LISTS: tuple[str, ...] = (
    "places",
    "units",
    "sources",
    "actors",
    "quotes",
    "claims",
    "events",
    "forecasts",
    "quantities",
    "times",
)
