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
import tempfile
from pathlib import Path

import numpy as np
from eval_shared import SCORER, scorer_figures
from gold_model import (
    SETS,
    TRAIN,
    fit,
    gold_files,
    gold_set,
    largest_weights,
    matrix,
    names_pair,
    probabilities,
    read_sets,
    vocabulary,
)


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


def figures(gold_dir: Path, pred_dir: Path) -> tuple[float, float, float]:
    """The events headline: precision, recall, F1."""
    ev = scorer_figures(gold_dir, pred_dir)["events"]
    return float(ev["p"]), float(ev["r"]), float(ev["f1"])


def _positives(gold: dict, events: list[dict]) -> list[float]:
    """Which events pair with a gold event, paired one to one in gold order as the scorer does."""
    used: set[int] = set()
    for g in gold.get("events", []):
        for i, e in enumerate(events):
            if i not in used and e["type"] == g["type"] and names_pair(e.get("place") or "", g["place"]):
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
    rows = read_sets(candidates)  # set → [(gold record, (index, features) candidates, rule record)]
    vocab = vocabulary(f for name in TRAIN for _, cands, _ in rows[name] for _, f in cands)
    xs, ys = [], []
    for name in TRAIN:
        for gold, cands, record in rows[name]:
            positive = _positives(gold, record["events"])
            xs.append(matrix([f for _, f in cands], vocab))
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
            for gold_file, (_, cands, record) in zip(gold_files(name), rows[name], strict=True):
                (rule_dir / gold_file.name).write_text(json.dumps(record))
                drop: set[int] = set()
                if cands:
                    probs = probabilities(matrix([f for _, f in cands], vocab), w)
                    drop = {i for (i, _), prob in zip(cands, probs, strict=True) if prob < args.threshold}
                model = dict(record)
                model["events"] = [e for i, e in enumerate(record["events"]) if i not in drop]
                (model_dir / gold_file.name).write_text(json.dumps(model))
            rules, kept = figures(gold_set(name), rule_dir), figures(gold_set(name), model_dir)
            print(
                f"{name:<12}{'/'.join(f'{v:.3f}' for v in rules):>22}{'/'.join(f'{v:.3f}' for v in kept):>22}"
            )
    print("largest weights:", largest_weights(vocab, w))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
