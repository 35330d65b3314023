"""What the two model experiments (`event_model_experiment.py`, `forecast_model_experiment.py`) share.

Each reads the gold sets' articles once through the pipeline, trains a small logistic regression
(numpy, L2, classes balanced) on candidates from the visible gold, and scores the rules' records
against the model's with the shared scorer. Imported from beside them (`from gold_model import …`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np
from eval_shared import SHARED

TRAIN = ("news", "news-extra", "seed")
SETS = ("news", "news-extra", "seed", "news-check")


def _words(name: str) -> list[str]:
    out = "".join(c if c.isalnum() else " " for c in name.lower()).split()
    return out[1:] if out[:1] and out[0] in ("the", "a", "an") else out


def names_pair(a: str, b: str) -> bool:
    """The scorer's name match: the words of one appear, in order and together, in the other."""
    x, y = _words(a), _words(b)
    if not x or not y:
        return False
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def gold_set(name: str) -> Path:
    return SHARED / "eval" / "gold" / name


def gold_files(name: str) -> list[Path]:
    return sorted(gold_set(name).glob("*.json"))


def read_sets(candidates: Callable[[Any], list]) -> dict[str, list[tuple[dict, list, dict]]]:
    """Per set, each article's (gold record — empty outside TRAIN —, its candidates, the rules' record)."""
    from sitrep.models import ArticleMeta
    from sitrep.normalise import normalise_text
    from sitrep.pipeline import ArticleInput, Extractor

    extractor = Extractor()
    rows: dict[str, list[tuple[dict, list, dict]]] = {}
    for name in SETS:
        rows[name] = []
        for gold_file in gold_files(name):
            gold = json.loads(gold_file.read_text())
            text = normalise_text((SHARED / gold["text_file"]).read_text(encoding="utf-8"))
            item = ArticleInput(text, ArticleMeta(id=gold_file.stem))
            doc = extractor.nlp(extractor.make_doc(item))
            record = json.loads(extractor._record(doc, item.meta).model_dump_json())
            rows[name].append((gold if name in TRAIN else {}, candidates(doc), record))
        print(f"== {name}: {len(rows[name])} articles, {sum(len(c) for _, c, _ in rows[name])} candidates")
    return rows


def vocabulary(features: Iterable[dict[str, float]]) -> dict[str, int]:
    """Each feature name's column, in the order first seen."""
    vocab: dict[str, int] = {}
    for f in features:
        for k in f:
            vocab.setdefault(k, len(vocab))
    return vocab


def matrix(features: list[dict[str, float]], vocab: dict[str, int]) -> np.ndarray:
    """The candidates' feature rows; features outside the vocabulary are left out."""
    x = np.zeros((len(features), len(vocab)))
    for r, f in enumerate(features):
        for k, v in f.items():
            if k in vocab:
                x[r, vocab[k]] = v
    return x


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


def probabilities(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-x @ w))


def largest_weights(vocab: dict[str, int], w: np.ndarray, n: int = 12) -> str:
    top = sorted(vocab, key=lambda k: -abs(w[vocab[k]]))[:n]
    return ", ".join(f"{k} {w[vocab[k]]:+.2f}" for k in top)
