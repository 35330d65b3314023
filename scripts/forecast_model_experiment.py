#!/usr/bin/env python3
"""Rules or a trained model for forecasts? A logistic-regression candidate classifier against the rules.

Every candidate forecast the pipeline sees (each forecast-status event mention, each predicate of a
stated objective, each expected move or expected event noun) gets the features the rules read (cue
kind and lemma, holder, horizon, negation, framing, whether the place is named in the clause, …).
A logistic regression (numpy, L2, no new dependency) is trained on the visible gold (news,
news-extra, seed: a candidate is positive when its (type, place) pairs with a gold forecast); the
kept candidates then replace the rules' forecasts in a copy of each record, and the shared scorer
gives the forecasts figure per set. news-check is scored only: its figure is read, never its items.

    .venv/bin/python scripts/forecast_model_experiment.py            # both, per set
    .venv/bin/python scripts/forecast_model_experiment.py --threshold 0.4

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


def candidates(doc) -> list[tuple[str, str, dict[str, float]]]:
    """(type, place, features) of every candidate forecast of a processed doc."""
    from sitrep.extract.base import items_of, published_of
    from sitrep.extract.events import forecasts as F
    from sitrep.extract.events.event_places import place_mentions
    from sitrep.extract.events.expectations import (
        expected_moves,
        expected_nominals,
        expected_type,
        objective_events,
    )
    from sitrep.extract.events.lexicon import holder_of

    place_spans: dict[str, list[tuple[int, int]]] = {}
    for place in items_of(doc, "places"):
        place_spans.setdefault(place.name.lower(), []).extend((sp.start, sp.end) for sp in place.spans)
    times = {t.id: t for t in items_of(doc, "times") if t.id and t.spans}
    mentions = place_mentions(doc)
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    syntax = doc._.event_triggers or {}
    out = []

    def features(source: str, etype: str, trigger, status, place: str | None) -> dict[str, float]:
        cue = getattr(status, "forecast_cue", None)
        f = {"bias": 1.0, f"source={source}": 1.0, f"type={etype}": 1.0}
        if cue is not None:
            f[f"cue={cue.lemma_.lower()}"] = 1.0
            f["cue_modal"] = float(cue.tag_ == "MD")
            f["cue_noun"] = float(cue.pos_ == "NOUN")
            f["cue_adj"] = float(cue.pos_ == "ADJ")
        f["trigger_noun"] = float(trigger.pos_ == "NOUN")
        f["normative"] = float(F._normative(status))
        f["predicts"] = float(F._predicts(trigger, status))
        f["framed"] = float(F._framed(trigger, cue))
        f["named_in"] = float(F._named_in(trigger, place, place_spans))
        f["intention"] = float(F._intention(status))
        f["purpose"] = float(F._purpose(status))
        f["in_condition"] = float(getattr(status, "in_condition", False))
        _, holder = holder_of(trigger)
        f["holder"] = float(holder is not None)
        sent = trigger.sent
        f["horizon"] = float(
            F._horizon((sent.start_char, sent.end_char), None, times, published_of(doc), doc) is not None
        )
        f["negated"] = float(cue is not None and F._negated_path(trigger, cue))
        return f

    for index, event in enumerate(items_of(doc, "events")):
        if event.status != "forecast":
            continue
        for i, st in syntax.get(index, []):
            etype = expected_type(event.type, doc[i])
            out.append((etype, event.place or "", features("event", etype, doc[i], st, event.place)))
    triggers = {i for pairs in syntax.values() for i, _ in pairs}
    for source, found in (
        ("objective", objective_events(doc, mentions)),
        ("move", expected_moves(doc, mentions, triggers)),
        ("nominal", expected_nominals(doc, mentions, by_token, triggers | set(by_token))),
    ):
        for e in found:
            out.append((e.type, e.place, features(source, e.type, doc[e.trigger], e.status, e.place)))
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


def score(gold_dir: Path, pred_dir: Path) -> float:
    done = subprocess.run(
        [sys.executable, str(SCORER), str(gold_dir), str(pred_dir), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(json.loads(done.stdout)["figures"]["forecasts"]["f1"])


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
    rows: dict[str, list[tuple[dict, list, list]]] = {}  # set → [(gold record, candidates, rule record)]
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
            for _, _, f in cands:
                for k in f:
                    vocab.setdefault(k, len(vocab))

    def matrix(cands: list) -> np.ndarray:
        x = np.zeros((len(cands), len(vocab)))
        for r, (_, _, f) in enumerate(cands):
            for k, v in f.items():
                if k in vocab:
                    x[r, vocab[k]] = v
        return x

    xs, ys = [], []
    for name in TRAIN:
        for gold, cands, _ in rows[name]:
            gold_pairs = [(g["event_type"], g.get("place") or "") for g in gold.get("forecasts", [])]
            xs.append(matrix(cands))
            ys += [float(any(t == gt and _pairs(p, gp) for gt, gp in gold_pairs)) for t, p, _ in cands]
    x, y = np.vstack(xs), np.array(ys)
    w = fit(x, y)
    print(f"trained on {len(y)} candidates ({int(y.sum())} positive), {len(vocab)} features")
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'set':<12}{'rules':>8}{'model':>8}")
        for name in SETS:
            rule_dir, model_dir = Path(tmp, name, "rules"), Path(tmp, name, "model")
            rule_dir.mkdir(parents=True)
            model_dir.mkdir(parents=True)
            for gold_file, (_, cands, record) in zip(
                sorted((SHARED / "eval" / "gold" / name).glob("*.json")), rows[name], strict=True
            ):
                (rule_dir / gold_file.name).write_text(json.dumps(record))
                keep: dict[tuple[str, str], float] = {}
                if cands:
                    probs = 1 / (1 + np.exp(-matrix(cands) @ w))
                    for (t, p, _), prob in zip(cands, probs, strict=True):
                        if prob >= args.threshold and p:
                            keep[(t, p.lower())] = max(prob, keep.get((t, p.lower()), 0.0))
                model = dict(record)
                model["forecasts"] = [
                    {"event_type": t, "place": p, "by": [], "horizon": None} for t, p in keep
                ]
                (model_dir / gold_file.name).write_text(json.dumps(model))
            gold_dir = SHARED / "eval" / "gold" / name
            print(f"{name:<12}{score(gold_dir, rule_dir):>8.3f}{score(gold_dir, model_dir):>8.3f}")
    top = sorted(vocab, key=lambda k: -abs(w[vocab[k]]))[:12]
    print("largest weights:", ", ".join(f"{k} {w[vocab[k]]:+.2f}" for k in top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
