"""Track records: for every outlet, named claimant and side, how their claims and forecasts fared.

A claim (a reported, claimed or denied event, or a free-standing assertion or denial) counts
for the outlet that published it (copies count for the original only), for its claimant
(the holder named in the text, e.g. "Russia's Defence Ministry", "Zelensky") and for the side
of that claimant (or of the outlet, for a plain report) where `data/outlets.csv` gives one.
Its outcomes:
- `corroborated`: an independent outlet (another voice, not a copy) asserts the same
  proposition on the same day or later, on its own authority or another claimant's (the same
  claimant quoted again is the claim repeated); sitrep.resolve.propositions groups them;
- `contradicted`: another voice takes the opposite stance on it;
- `consistent` / `inconsistent` with the control maps (sitrep.control); a denial counts the
  other way round ("Ukraine denies Russia took X" is map-inconsistent when the map shows X held).
A record with fewer than `MIN_CHECKED` claims that have any of these outcomes is "too few to
judge"; every figure is shown with its denominator, never as a bare percentage.

Forecasts are scored from the ledger (sitrep.resolve.forecasts): came true within their
horizon, or did not. A Brier score (mean squared gap between the probability the words gave
and the outcome, 0 best, 1 worst) is given only with at least `MIN_BRIER` resolved forecasts
whose wording gives a probability (`HEDGE_PROBABILITY`).

    >>> TrackRecord("TASS", "outlet").note()
    'TASS: too few to judge (0 claims with an outcome, of 0)'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from .facts import Fact
from .forecasts import LedgerEntry
from .propositions import ASSERTING, DENYING, ArticleInfo, Proposition, article_info

#: Fewer claims with an outcome than this, and a record says "too few to judge" (issue 14).
MIN_CHECKED = 5
#: A Brier score needs at least this many resolved forecasts with a probability.
MIN_BRIER = 5

#: The probability a forecast's hedge word expresses. The bands are those of US Intelligence
#: Community Directive 203 ("Analytic Standards", 2015, expressions of likelihood: likely
#: 55–80%, unlikely 20–45%, roughly even 45–55%), at about their middle; the modal verbs
#: "could", "may", "might" and the adverbs "possibly", "perhaps" sit below even in surveys of
#: readers (Mauboussin & Mauboussin, "If You Say Something Is 'Likely', How Likely Do People
#: Think It Is?", Harvard Business Review, 2018: medians of roughly 30–50%). "would" marks a
#: condition, not a degree of belief, and gets none.
HEDGE_PROBABILITY = {
    "likely": 0.7,
    "probably": 0.7,
    "unlikely": 0.3,
    "could": 0.4,
    "may": 0.4,
    "might": 0.4,
    "possibly": 0.35,
    "perhaps": 0.35,
}
#: An unhedged forecast ("Russian forces will take X", "X is expected to fall"): ICD 203's
#: "very likely" band (80–95%), at its middle.
UNHEDGED = 0.85


@dataclass
class TrackRecord:
    """One voice's record. `kind`: outlet, person, organisation, claimant (kind unknown) or side."""

    name: str
    kind: str
    claims: int = 0
    corroborated: int = 0
    contradicted: int = 0
    consistent: int = 0
    inconsistent: int = 0
    undetermined: int = 0
    with_outcome: int = 0  # claims with at least one of the outcomes above (each counted once)
    map_by_type: dict[str, list[int]] = field(default_factory=dict)  # event type → [checked, consistent]
    forecasts: int = 0
    came_true: int = 0
    did_not: int = 0
    brier: float | None = None
    brier_n: int = 0  # resolved forecasts with a probability (the Brier score's denominator)

    @property
    def map_checked(self) -> int:
        return self.consistent + self.inconsistent

    @property
    def resolved(self) -> int:
        return self.came_true + self.did_not

    @property
    def judged(self) -> bool:
        return self.with_outcome >= MIN_CHECKED

    def note(self) -> str:
        """The short record shown beside a citation: 'TASS: 12 capture claims checked against the map, 9 consistent'."""
        if not self.judged:
            return f"{self.name}: too few to judge ({self.with_outcome} claims with an outcome, of {self.claims})"
        parts = []
        if self.map_by_type:
            kind, (checked, fine) = max(self.map_by_type.items(), key=lambda kv: kv[1][0])
            parts.append(f"{checked} {kind} claims checked against the map, {fine} consistent")
            if self.map_checked > checked:
                parts[-1] += f" ({self.map_checked} checked in all, {self.consistent} consistent)"
        parts.append(f"{self.corroborated} of {self.claims} claims corroborated, {self.contradicted} contradicted")
        if self.resolved:
            parts.append(f"{self.came_true} of {self.resolved} resolved forecasts came true")
        return f"{self.name}: " + "; ".join(parts)


def _direction(status: str) -> str | None:
    return "asserts" if status in ASSERTING else "denies" if status in DENYING else None


@dataclass(frozen=True)
class Voices:
    """How to name the voices of a fact: its outlet, its claimant (with kind) and their side."""

    articles: Mapping[str, ArticleInfo]
    claimant: Callable[[str], tuple[str, str]]  # holder → (display name, kind)
    side_of: Callable[[str], str | None]  # outlet or claimant name → UA, RU or None

    def of(self, fact: Fact) -> list[tuple[str, str]]:
        """(name, kind) of every voice the fact counts for."""
        info = article_info(self.articles, fact.article_id)
        out: list[tuple[str, str]] = []
        if info.duplicate_of is None and info.outlet_name:
            out.append((info.outlet_name, "outlet"))
        side = None
        for holder in _holders(fact.holder):
            name, kind = self.claimant(holder)
            out.append((name, kind))
            side = side or self.side_of(name)
        if not fact.holder and info.outlet_name:
            side = self.side_of(info.outlet_name)
        if side and info.duplicate_of is None:
            out.append((side, "side"))
        return list(dict.fromkeys(out))


def _holders(holder: str | None) -> list[str]:
    return [h.strip() for h in (holder or "").split(", ") if h.strip()]


def _outcomes(prop: Proposition, articles: Mapping[str, ArticleInfo]) -> list[tuple[bool, bool]]:
    """(corroborated, contradicted) of each fact of a proposition, in the order of its facts.

    A fact is corroborated by another fact of its stance from another voice, not a copy and not
    the same claimant quoted again (holders compared case-folded), dated the same day or later
    (or either undated); contradicted by a fact of the opposite stance from another voice or
    another holder. Counted, not compared pair by pair (a proposition a large store reports
    every day for a year holds thousands of facts): "another voice and another claimant" among
    the candidates is all − same voice − same claimant + same voice and claimant.
    """
    infos = [article_info(articles, f.article_id) for f in prop.facts]
    directions = [_direction(f.status) for f in prop.facts]
    speakers: dict[str, Counter[tuple[str, str]]] = {"asserts": Counter(), "denies": Counter()}
    for fact, info, direction in zip(prop.facts, infos, directions, strict=True):
        if direction is not None:
            speakers[direction][(info.voice, fact.holder or "")] += 1
    out = [(False, False)] * len(prop.facts)
    for direction in ("asserts", "denies"):
        against = speakers["denies" if direction == "asserts" else "asserts"]
        opposed = sum(against.values())
        candidates = sorted(
            (
                (f.on, info.voice, (f.holder or "").casefold())
                for f, info, d in zip(prop.facts, infos, directions, strict=True)
                if d == direction and info.duplicate_of is None
            ),
            key=lambda c: (c[0] is not None, c[0] or date.min),
            reverse=True,
        )  # dated candidates latest first, the undated (which every fact counts) last
        undated = [c for c in candidates if c[0] is None]
        # Every fact of this stance, latest first: add the candidates dated on or after it.
        asking = sorted(
            (i for i, d in enumerate(directions) if d == direction),
            key=lambda i: (prop.facts[i].on is not None, prop.facts[i].on or date.min),
            reverse=True,
        )
        seen: Counter[tuple[str, ...]] = Counter()
        for c in undated:
            _count(seen, c)
        dated = [(on, voice, holder) for on, voice, holder in candidates if on is not None]
        added = 0
        for i in asking:
            fact, info = prop.facts[i], infos[i]
            if fact.on is None:
                while added < len(dated):
                    _count(seen, dated[added])
                    added += 1
            else:
                while added < len(dated) and dated[added][0] >= fact.on:
                    _count(seen, dated[added])
                    added += 1
            holder = (fact.holder or "").casefold()
            others = seen[("",)] - seen[("v", info.voice)]
            if fact.holder:
                others -= seen[("h", holder)] - seen[("vh", info.voice, holder)]
            contradicted = opposed - against[(info.voice, fact.holder or "")] > 0
            out[i] = (others > 0, contradicted)
    return out


def _count(seen: Counter[tuple[str, ...]], candidate: tuple[date | None, str, str]) -> None:
    _, voice, holder = candidate
    seen[("",)] += 1
    seen[("v", voice)] += 1
    seen[("h", holder)] += 1
    seen[("vh", voice, holder)] += 1


def _map_outcome(fact: Fact) -> str | None:
    """consistent, inconsistent or undetermined as the fact's own stance has it, or None when unchecked."""
    check = fact.check
    if check is None:
        return None
    if check.verdict == "undetermined" or _direction(fact.status) != "denies":
        return check.verdict
    return "inconsistent" if check.verdict == "consistent" else "consistent"


def track_records(
    propositions: Iterable[Proposition],
    ledger: Iterable[LedgerEntry],
    voices: Voices,
    *,
    hedges: Mapping[tuple[str, str], str | None] | None = None,
) -> list[TrackRecord]:
    """Every voice's record, most claims with an outcome first."""
    records: dict[tuple[str, str], TrackRecord] = {}

    def record(name: str, kind: str) -> TrackRecord:
        key = (name.casefold(), kind)
        if key not in records:
            records[key] = TrackRecord(name, kind)
        return records[key]

    seen: set[tuple[str, str, str, str]] = set()
    for prop in propositions:
        for fact, (corroborated, contradicted) in zip(prop.facts, _outcomes(prop, voices.articles), strict=True):
            if _direction(fact.status) is None:
                continue
            on_map = _map_outcome(fact)
            for name, kind in voices.of(fact):
                # One voice repeating itself on one proposition is one claim.
                key = (name.casefold(), kind, prop.key, fact.status)
                if key in seen:
                    continue
                seen.add(key)
                r = record(name, kind)
                r.claims += 1
                r.corroborated += corroborated
                r.contradicted += contradicted
                if on_map == "consistent":
                    r.consistent += 1
                elif on_map == "inconsistent":
                    r.inconsistent += 1
                elif on_map == "undetermined":
                    r.undetermined += 1
                if on_map in ("consistent", "inconsistent"):
                    tally = r.map_by_type.setdefault(fact.event_type or "event", [0, 0])
                    tally[0] += 1
                    tally[1] += on_map == "consistent"
                r.with_outcome += corroborated or contradicted or on_map in ("consistent", "inconsistent")
    scores: dict[tuple[str, str], list[float]] = {}
    for entry in ledger:
        f = entry.forecast
        outcome = {"came true": 1.0, "did not": 0.0}.get(entry.outcome)
        hedge = (hedges or {}).get((f.article_id, f.item_id))
        p = HEDGE_PROBABILITY.get(hedge) if hedge else UNHEDGED
        for name, kind in voices.of(f):
            r = record(name, kind)
            r.forecasts += 1
            r.came_true += entry.outcome == "came true"
            r.did_not += entry.outcome == "did not"
            if outcome is not None and p is not None:
                scores.setdefault((name.casefold(), kind), []).append((p - outcome) ** 2)
    for voice, squares in scores.items():
        r = records[voice]
        r.brier_n = len(squares)
        if len(squares) >= MIN_BRIER:
            r.brier = round(sum(squares) / len(squares), 3)
    return sorted(records.values(), key=lambda r: (-r.with_outcome, -r.claims, r.kind, r.name.casefold()))

