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


def score(gold_dir: Path, pred_dir: Path) -> float:
    return float(scorer_figures(gold_dir, pred_dir)["forecasts"]["f1"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threshold", type=float, default=0.5)
    args = parser.parse_args()
    if not SCORER.is_file():
        print(f"skipped: {SCORER} is absent (evaluation data outside the project)")
        return 0
    rows = read_sets(candidates)  # set → [(gold record, (type, place, features) candidates, rule record)]
    vocab = vocabulary(f for name in TRAIN for _, cands, _ in rows[name] for _, _, f in cands)
    xs, ys = [], []
    for name in TRAIN:
        for gold, cands, _ in rows[name]:
            gold_pairs = [(g["event_type"], g.get("place") or "") for g in gold.get("forecasts", [])]
            xs.append(matrix([f for _, _, f in cands], vocab))
            ys += [float(any(t == gt and names_pair(p, gp) for gt, gp in gold_pairs)) for t, p, _ in cands]
    x, y = np.vstack(xs), np.array(ys)
    w = fit(x, y)
    print(f"trained on {len(y)} candidates ({int(y.sum())} positive), {len(vocab)} features")
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'set':<12}{'rules':>8}{'model':>8}")
        for name in SETS:
            rule_dir, model_dir = Path(tmp, name, "rules"), Path(tmp, name, "model")
            rule_dir.mkdir(parents=True)
            model_dir.mkdir(parents=True)
            for gold_file, (_, cands, record) in zip(gold_files(name), rows[name], strict=True):
                (rule_dir / gold_file.name).write_text(json.dumps(record))
                keep: dict[tuple[str, str], float] = {}
                if cands:
                    probs = probabilities(matrix([f for _, _, f in cands], vocab), w)
                    for (t, p, _), prob in zip(cands, probs, strict=True):
                        if prob >= args.threshold and p:
                            keep[(t, p.lower())] = max(prob, keep.get((t, p.lower()), 0.0))
                model = dict(record)
                model["forecasts"] = [
                    {"event_type": t, "place": p, "by": [], "horizon": None} for t, p in keep
                ]
                (model_dir / gold_file.name).write_text(json.dumps(model))
            rules, kept = score(gold_set(name), rule_dir), score(gold_set(name), model_dir)
            print(f"{name:<12}{rules:>8.3f}{kept:>8.3f}")
    print("largest weights:", largest_weights(vocab, w))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
