#!/usr/bin/env python3
"""Rules or a trained model for events? A logistic-regression keep/drop classifier over the rules' events.

Every event the pipeline outputs is a candidate; its features are read off the parse and the
trigger's clause: how its place was found (the trigger's phrase, its clause, a noun pointing back,
the line), type and status, the trigger's part of speech and dependency, an armed argument in its
clause, a holder, a place in the trigger's own clause, a quotation around it, how often the article
names the place, whether the place is a region or a country, the length of its line (headlines and
labels are short). A logistic regression (numpy, L2, classes balanced, no new dependency) is trained
on the visible gold (news, news-extra, seed: a candidate is positive when its (type, place) pairs
with a gold event); candidates below the threshold are dropped from a copy of each record and the
shared scorer gives the events figures per set. news-check is scored only: its headline figures are
read, never its items.

    .venv/bin/python scripts/event_model_experiment.py                 # rules and model, per set
    .venv/bin/python scripts/event_model_experiment.py --threshold 0.3

Needs ../shared (evaluation data that is not part of the project); exits 0 with a message where it is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
TRAIN = ("news", "news-extra", "seed")
SETS = ("news", "news-extra", "seed", "news-check")


def _words(name: str) -> list[str]:
    out = "".join(c if c.isalnum() else " " for c in name.lower()).split()
    return out[1:] if out[:1] and out[0] in ("the", "a", "an") else out


def _pairs(a: str, b: str) -> bool:
    """The scorer's name match: the words of one appear, in order and together, in the other."""
    x, y = _words(a), _words(b)
    if not x or not y:
        return False
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def candidates(doc) -> list[tuple[int, dict[str, float]]]:
    """(index in doc._.events, features) of every event of a processed doc."""
    from sitrep.extract.base import items_of
    from sitrep.extract.events.arguments import armed_argument, clause_words
    from sitrep.extract.events.event_places import line_bounds, place_for, place_mentions
    from sitrep.extract.events.lexicon import holder_of

    mentions = place_mentions(doc)
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    counts: dict[str, int] = {}
    for m in mentions:
        counts[m.name.lower()] = counts.get(m.name.lower(), 0) + 1
    syntax = doc._.event_triggers or {}
    out = []
    for index, event in enumerate(items_of(doc, "events")):
        pairs = syntax.get(index) or []
        if not pairs:
            continue
        trigger = doc[pairs[0][0]]
        places, how = place_for(trigger, mentions, by_token, etype=event.type)
        place = next((m for m in places if m.name == event.place), places[0] if places else None)
        lo, hi = line_bounds(trigger)
        clause = {t.i for t in clause_words(trigger)}
        _, holder = holder_of(trigger)
        sent_text = trigger.sent.text
        f = {
            "bias": 1.0,
            f"how={how}": 1.0,
            f"type={event.type}": 1.0,
            f"status={event.status}": 1.0,
            f"pos={trigger.pos_}": 1.0,
            f"dep={trigger.dep_}": 1.0,
            "armed": float(armed_argument(trigger)),
            "holder": float(holder is not None),
            "place_in_clause": float(place is not None and place.root in clause),
            "quoted": float(sent_text.count('"') + sent_text.count("“") > 0),
            "place_named_once": float(place is not None and counts.get(place.name.lower(), 0) <= 1),
            "region": float(place is not None and place.region_like),
            "country": float(place is not None and place.wide),
            "short_line": float(hi - lo < 8),
            "mentions": float(len(pairs) > 1),
            "first_lines": float(trigger.i < 60),
        }
        out.append((index, f))
    return out


def fit(x: np.ndarray, y: np.ndarray, *, l2: float = 1.0, steps: int = 3000, rate: float = 0.1) -> np.ndarray:
    """Logistic regression by gradient descent, classes weighted to balance."""
    w = np.zeros(x.shape[1])
    pos = max(y.sum(), 1.0)
    neg = max(len(y) - y.sum(), 1.0)
    weight = np.where(y == 1, len(y) / (2 * pos), len(y) / (2 * neg))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (weight * (p - y)) / len(y) + l2 * w / len(y)
        w -= rate * grad
    return w


def figures(gold_dir: Path, pred_dir: Path) -> tuple[float, float, float]:
    """The events headline: precision, recall, F1."""
    done = subprocess.run(
        [sys.executable, str(SCORER), str(gold_dir), str(pred_dir), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    ev = json.loads(done.stdout)["figures"]["events"]
    return float(ev["p"]), float(ev["r"]), float(ev["f1"])


def _positives(gold: dict, events: list[dict]) -> list[float]:
    """Which events pair with a gold event, paired one to one in gold order as the scorer does."""
    used: set[int] = set()
    for g in gold.get("events", []):
        for i, e in enumerate(events):
            if i not in used and e["type"] == g["type"] and _pairs(e.get("place") or "", g["place"]):
                used.add(i)
                break
    return [float(i in used) for i in range(len(events))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threshold", type=float, default=0.5)
    args = parser.parse_args()
    if not SCORER.is_file():
        print(f"skipped: {SCORER} is absent (evaluation data outside the project)")
        return 0
    from sitrep.models import ArticleMeta
    from sitrep.normalise import normalise_text
    from sitrep.pipeline import ArticleInput, Extractor

    extractor = Extractor()
    rows: dict[str, list[tuple[dict, list, dict]]] = {}  # set → [(gold record, candidates, rule record)]
    for name in SETS:
        rows[name] = []
        for gold_file in sorted((SHARED / "eval" / "gold" / name).glob("*.json")):
            gold = json.loads(gold_file.read_text())
            text = normalise_text((SHARED / gold["text_file"]).read_text(encoding="utf-8"))
            item = ArticleInput(text, ArticleMeta(id=gold_file.stem))
            doc = extractor.nlp(extractor.make_doc(item))
            record = json.loads(extractor._record(doc, item.meta).model_dump_json())
            rows[name].append((gold if name in TRAIN else {}, candidates(doc), record))
        print(f"== {name}: {len(rows[name])} articles, {sum(len(c) for _, c, _ in rows[name])} candidates")
    vocab: dict[str, int] = {}
    for name in TRAIN:
        for _, cands, _ in rows[name]:
            for _, f in cands:
                for k in f:
                    vocab.setdefault(k, len(vocab))

    def matrix(cands: list) -> np.ndarray:
        x = np.zeros((len(cands), len(vocab)))
        for r, (_, f) in enumerate(cands):
            for k, v in f.items():
                if k in vocab:
                    x[r, vocab[k]] = v
        return x

    xs, ys = [], []
    for name in TRAIN:
        for gold, cands, record in rows[name]:
            positive = _positives(gold, record["events"])
            xs.append(matrix(cands))
            ys += [positive[i] for i, _ in cands]
    x, y = np.vstack(xs), np.array(ys)
    w = fit(x, y)
    print(f"trained on {len(y)} candidates ({int(y.sum())} positive), {len(vocab)} features")
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'set':<12}{'rules P/R/F1':>22}{'model P/R/F1':>22}")
        for name in SETS:
            rule_dir, model_dir = Path(tmp, name, "rules"), Path(tmp, name, "model")
            rule_dir.mkdir(parents=True)
            model_dir.mkdir(parents=True)
            for gold_file, (_, cands, record) in zip(
                sorted((SHARED / "eval" / "gold" / name).glob("*.json")), rows[name], strict=True
            ):
                (rule_dir / gold_file.name).write_text(json.dumps(record))
                drop: set[int] = set()
                if cands:
                    probs = 1 / (1 + np.exp(-matrix(cands) @ w))
                    drop = {i for (i, _), prob in zip(cands, probs, strict=True) if prob < args.threshold}
                model = dict(record)
                model["events"] = [e for i, e in enumerate(record["events"]) if i not in drop]
                (model_dir / gold_file.name).write_text(json.dumps(model))
            gold_dir = SHARED / "eval" / "gold" / name
            rules, kept = figures(gold_dir, rule_dir), figures(gold_dir, model_dir)
            print(
                f"{name:<12}{'/'.join(f'{v:.3f}' for v in rules):>22}{'/'.join(f'{v:.3f}' for v in kept):>22}"
            )
    top = sorted(vocab, key=lambda k: -abs(w[vocab[k]]))[:12]
    print("largest weights:", ", ".join(f"{k} {w[vocab[k]]:+.2f}" for k in top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
