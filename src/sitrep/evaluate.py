"""Scoring records against hand-checked gold records (the quality gate's arithmetic).

The rules are those of the evaluation's reference scorer (FORMAT.md, "How it is scored"):
names compare lower-cased without a leading article and punctuation, and match when the
words of one run, in order, inside the other; items pair one to one, greedily in gold
order; figures are micro-averaged over articles. tests/test_evaluate.py checks that these
figures agree with the reference scorer wherever it is available.

    >>> gold = {"id": "x", "sources": [{"name": "The Wall Street Journal", "aliases": ["WSJ"]}]}
    >>> score([gold], {"x": {"sources": [{"name": "WSJ"}]}})["sources"].f1
    1.0
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .geo import distance_km
from .models import ArticleMeta
from .pipeline import ArticleInput, Extractor, normalise_text

TASKS = ("quotes", "places", "units", "sources", "actors", "claims", "events", "forecasts", "quantities")
PRONOUNS = frozenset({"he", "she", "they", "it", "him", "her", "them", "we", "i", "you", "his", "their"})
_WORD = re.compile(r"[\w%]+", re.UNICODE)
_LEADING_ARTICLE = re.compile(r"^(the|a|an|one)\s+")
#: Within this distance a place counts as correctly located (the usual 100-mile geoparsing threshold).
NEAR_KM = 161.0

Item = Mapping[str, Any]
Matcher = Callable[[Item, Item], bool]


def normalise(text: str | None) -> str:
    lowered = _LEADING_ARTICLE.sub("", (text or "").lower().replace("’", "'").strip())
    return " ".join(_WORD.findall(lowered))


def word_set(text: str | None) -> set[str]:
    return set(_WORD.findall((text or "").lower()))


def shared_share(gold: str, pred: str) -> tuple[float, float]:
    """(share of gold words in pred, share of pred words in gold)."""
    g, p = word_set(gold), word_set(pred)
    if not g or not p:
        return 0.0, 0.0
    both = len(g & p)
    return both / len(g), both / len(p)


def is_run_within(outer: str, inner: str) -> bool:
    o, i = outer.split(), inner.split()
    if not i:
        return False
    return any(o[k : k + len(i)] == i for k in range(len(o) - len(i) + 1))


def gold_names(item: Item, key: str = "name") -> list[str]:
    value = item.get(key)
    values = list(value) if isinstance(value, list) else [value]
    values += list(item.get("aliases", []))
    return [normalise(v) for v in values if v]


def names_match(golds: list[str], predicted: str | None) -> bool:
    p = normalise(predicted)
    if not p or p in PRONOUNS:
        return False
    return any(g and (g == p or is_run_within(p, g) or (len(p) > 3 and is_run_within(g, p))) for g in golds)


def _safely(match: Matcher, gold: Item, pred: Any) -> bool:
    """A malformed predicted item matches nothing instead of stopping the evaluation."""
    if not isinstance(pred, Mapping):
        return False
    try:
        return bool(match(gold, pred))
    except (TypeError, ValueError, KeyError, AttributeError):
        return False


def pair_items(gold: list[Item], pred: list[Item], match: Matcher) -> list[tuple[Item, Item]]:
    taken: set[int] = set()
    pairs = []
    for g in gold:
        for i, p in enumerate(pred):
            if i not in taken and _safely(match, g, p):
                taken.add(i)
                pairs.append((g, p))
                break
    return pairs


@dataclass
class Figure:
    """Counts for one task (precision/recall/F1) or one accuracy."""

    hits: int = 0
    predicted: int = 0
    gold: int = 0
    accuracy_only: bool = False

    @property
    def precision(self) -> float:
        return self.hits / self.predicted if self.predicted else (0.0 if self.gold else 1.0)

    @property
    def recall(self) -> float:
        return self.hits / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def acc(self) -> float | None:
        return self.hits / self.gold if self.gold else None

    def value(self, metric: str) -> float | None:
        return {"p": self.precision, "r": self.recall, "f1": self.f1, "acc": self.acc}[metric]

    def as_dict(self) -> dict[str, float | int | None]:
        if self.accuracy_only:
            return {"acc": self.acc, "n": self.gold}
        return {"p": self.precision, "r": self.recall, "f1": self.f1, "n": self.gold}


@dataclass
class Scores:
    figures: dict[str, Figure] = field(default_factory=dict)

    def add(self, name: str, hits: int, predicted: int, gold: int, *, accuracy: bool = False) -> None:
        f = self.figures.setdefault(name, Figure(accuracy_only=accuracy))
        f.hits, f.predicted, f.gold = f.hits + hits, f.predicted + predicted, f.gold + gold

    def __getitem__(self, name: str) -> Figure:
        return self.figures[name]

    def as_dict(self) -> dict[str, dict[str, float | int | None]]:
        return {name: f.as_dict() for name, f in self.figures.items()}


def _items(record: Item, key: str) -> list[Item]:
    return list(record.get(key) or [])


def _score_quotes(gold: Item, pred: Item, s: Scores) -> None:
    g, p = _items(gold, "quotes"), _items(pred, "quotes")
    pairs = pair_items(g, p, lambda a, b: min(shared_share(a["text"], b.get("text", ""))) >= 0.6)
    s.add("quotes", len(pairs), len(p), len(g))
    judged = [(a, b) for a, b in pairs if gold_names(a, "speaker")]
    right = sum(names_match(gold_names(a, "speaker"), b.get("speaker")) for a, b in judged)
    s.add("speakers", right, 0, len(judged), accuracy=True)
    s.add("quotes+speaker", right + len(pairs) - len(judged), len(p), len(g))


def _place_near(g: Item, p: Item) -> bool:
    return distance_km(g["lat"], g["lon"], float(p["lat"]), float(p["lon"])) <= NEAR_KM


def _score_places(gold: Item, pred: Item, s: Scores) -> None:
    g, p = _items(gold, "places"), _items(pred, "places")
    pairs = pair_items(g, p, lambda a, b: names_match(gold_names(a), b.get("name")))
    literal = [a for a in g if a.get("literal", True)]
    found_literal = [(a, b) for a, b in pairs if a.get("literal", True)]
    # A metonym that is output counts as found, so it joins the gold count only when found.
    s.add("places", len(pairs), len(p), len(literal) + len(pairs) - len(found_literal))
    near = sum(1 for a, b in found_literal if _safely(_place_near, a, b))
    s.add("places.acc161", near, 0, len(found_literal), accuracy=True)
    s.add("places.e2e161", near, 0, len(literal), accuracy=True)
    metonyms = [b for a, b in pairs if not a.get("literal", True)]
    s.add("metonymy", sum(1 for b in metonyms if b.get("literal") is False), 0, len(metonyms), accuracy=True)


def _unit_match(g: Item, p: Item) -> bool:
    if p.get("number") is not None and p.get("echelon"):
        return int(p["number"]) == g["number"] and normalise(p["echelon"]) == normalise(g["echelon"])
    return names_match(gold_names(g), p.get("name"))


def _score_units(gold: Item, pred: Item, s: Scores) -> None:
    g, p = _items(gold, "units"), _items(pred, "units")
    pairs = pair_items(g, p, _unit_match)
    s.add("units", len(pairs), len(p), len(g))
    s.add("units.side", sum(1 for a, b in pairs if b.get("side") == a.get("side")), 0, len(pairs), accuracy=True)


def _score_named(task: str) -> Callable[[Item, Item, Scores], None]:
    def scorer(gold: Item, pred: Item, s: Scores) -> None:
        g, p = _items(gold, task), _items(pred, task)
        s.add(task, len(pair_items(g, p, lambda a, b: names_match(gold_names(a), b.get("name")))), len(p), len(g))

    return scorer


def _score_claims(gold: Item, pred: Item, s: Scores) -> None:
    g, p = _items(gold, "claims"), _items(pred, "claims")
    pairs = pair_items(
        g, p, lambda a, b: shared_share(a["text"], b.get("text", ""))[0] >= 0.5 and b.get("stance") == a["stance"]
    )
    s.add("claims", len(pairs), len(p), len(g))
    right = sum(names_match(gold_names(a, "claimant"), b.get("claimant")) for a, b in pairs)
    s.add("claims.claimant", right, 0, len(pairs), accuracy=True)


def _score_events(gold: Item, pred: Item, s: Scores) -> None:
    g, p = _items(gold, "events"), _items(pred, "events")
    pairs = pair_items(
        g, p, lambda a, b: b.get("type") == a["type"] and names_match([normalise(a["place"])], b.get("place"))
    )
    s.add("events", len(pairs), len(p), len(g))
    s.add("events.status", sum(1 for a, b in pairs if b.get("status") == a["status"]), 0, len(pairs), accuracy=True)


def _score_forecasts(gold: Item, pred: Item, s: Scores) -> None:
    g, p = _items(gold, "forecasts"), _items(pred, "forecasts")
    pairs = pair_items(
        g,
        p,
        lambda a, b: b.get("event_type") == a["event_type"] and names_match([normalise(a["place"])], b.get("place")),
    )
    s.add("forecasts", len(pairs), len(p), len(g))


def _quantity_match(g: Item, p: Item) -> bool:
    if g.get("value") is not None and p.get("value") is not None:
        return float(p["value"]) == float(g["value"])
    return shared_share(g["text"], p.get("text", ""))[0] >= 0.6


def _score_quantities(gold: Item, pred: Item, s: Scores) -> None:
    g, p = _items(gold, "quantities"), _items(pred, "quantities")
    s.add("quantities", len(pair_items(g, p, _quantity_match)), len(p), len(g))


SCORERS: dict[str, Callable[[Item, Item, Scores], None]] = {
    "quotes": _score_quotes,
    "places": _score_places,
    "units": _score_units,
    "sources": _score_named("sources"),
    "actors": _score_named("actors"),
    "claims": _score_claims,
    "events": _score_events,
    "forecasts": _score_forecasts,
    "quantities": _score_quantities,
}


def score(golds: Iterable[Item], predictions: Mapping[str, Item]) -> Scores:
    """Score predicted records (by article id) against gold records; a missing one scores as empty."""
    scores = Scores()
    for gold in golds:
        pred = predictions.get(gold["id"], {})
        for task in gold.get("tasks") or TASKS:
            SCORERS[task](gold, pred, scores)
    return scores


def headline(figures: Scores) -> dict[str, float]:
    """One number per figure: F1 for tasks, accuracy for the accuracies (those with no cases left out)."""
    out = {}
    for name, f in figures.figures.items():
        value = f.acc if f.accuracy_only else f.f1
        if value is not None:
            out[name] = round(value, 4)
    return out


def load_gold_dir(gold_dir: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]


def predict_gold(
    golds: list[dict[str, Any]],
    *,
    texts_root: Path,
    extractor: Extractor,
    n_process: int = 1,
) -> dict[str, dict[str, Any]]:
    """Extract the article each gold record annotates (its `text_file`, under `texts_root`): records by id."""
    inputs = []
    for gold in golds:
        text = normalise_text((texts_root / gold["text_file"]).read_text(encoding="utf-8"))
        published = date.fromisoformat(str(gold["published"])[:10]) if gold.get("published") else None
        inputs.append(ArticleInput(text, ArticleMeta(id=gold["id"], published=published)))
    return {r.id: r.model_dump(mode="json") for r in extractor.extract_many(inputs, n_process=n_process)}


def evaluate_gold(
    golds: list[dict[str, Any]],
    *,
    texts_root: Path,
    extractor: Extractor,
    n_process: int = 1,
) -> Scores:
    """Extract the article each gold record annotates (its `text_file`, under `texts_root`) and score it."""
    return score(golds, predict_gold(golds, texts_root=texts_root, extractor=extractor, n_process=n_process))


#: The gold sets tuned on (pooled: their articles scored together) and the set kept for measuring
#: only. The gap between them is how far the figures fit the texts they were tuned on (issue 10).
TUNING_SETS = ("news", "news-extra")
CHECK_SET = "news-check"


@dataclass(frozen=True)
class Gap:
    """One figure on the tuning sets and on the check set; `gap` is check minus tuning."""

    figure: str
    tuning: float
    check: float

    @property
    def gap(self) -> float:
        return self.check - self.tuning


def generalisation_gap(tuning: Mapping[str, float], check: Mapping[str, float]) -> list[Gap]:
    """The figures both sides measure, in name order.

    >>> [round(g.gap, 2) for g in generalisation_gap({"quotes": 0.9, "units": 1.0}, {"quotes": 0.8})]
    [-0.1]
    """
    return [Gap(name, tuning[name], check[name]) for name in sorted(tuning.keys() & check.keys())]


def tuning_check_gap(scored: Mapping[str, tuple[list[dict[str, Any]], Mapping[str, Item]]]) -> list[Gap] | None:
    """The gap of sets scored as {name: (gold records, predicted records by id)}, the tuning sets
    pooled; None until the tuning sets and the check set are all among them."""
    if not all(name in scored for name in (*TUNING_SETS, CHECK_SET)):
        return None
    golds = [g for name in TUNING_SETS for g in scored[name][0]]
    predictions = {k: v for name in TUNING_SETS for k, v in scored[name][1].items()}
    return generalisation_gap(headline(score(golds, predictions)), headline(score(*scored[CHECK_SET])))


def format_gap(rows: Iterable[Gap], *, tuning_name: str = " + ".join(TUNING_SETS), check_name: str = CHECK_SET) -> str:
    """The gap as a plain-text table, figures more than 0.05 apart marked (the issue-10 target)."""
    rows = list(rows)
    width = max([len("figure"), *(len(r.figure) for r in rows)])
    lines = [f"{'figure':<{width}}  {tuning_name:>18}  {check_name:>10}  {'gap':>6}"]
    for r in rows:
        flag = "  <- beyond 0.05" if abs(r.gap) > 0.05 else ""
        lines.append(f"{r.figure:<{width}}  {r.tuning:>18.3f}  {r.check:>10.3f}  {r.gap:>+6.3f}{flag}")
    return "\n".join(lines)
