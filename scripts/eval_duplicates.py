#!/usr/bin/env python3
"""Measure near-duplicate detection on synthetic near-copies of the bulk corpus.

    .venv/bin/python scripts/eval_duplicates.py [--seed 1]

Needs ../shared/corpus/bulk/*.jsonl (real war articles, evaluation only); exits 0 with a
message where it is absent. For every article of at least 80 words a near-copy is made the
way syndication makes them: the headline reworded (a new first line), boilerplate added
(subscription and copyright lines written here), and one paragraph dropped. Originals are
indexed in order, then every copy and every original is looked up:
- a copy's match is right when it is its own original, or an article whose shingle set is
  truly ≥ 0.5 Jaccard-similar to it (the corpus has real copies of its own);
- an original matched to an earlier article is right only when the two are truly similar
  (exact Jaccard, computed without MinHash, ≥ 0.4: estimation slack), else a false positive.
Prints precision and recall (targets: ≥ 0.98 and ≥ 0.95).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from sitrep.resolve.duplicates import MemoryIndex, shingles, signature

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "corpus" / "bulk"
HEADLINE_OPENERS = ("UPDATE:", "Live:", "Analysis:", "Exclusive:", "Report:")
BOILERPLATE = (
    "Subscribe to our newsletter for the latest updates.",
    "Follow us on social media for breaking news.",
    "All rights reserved. Reproduction without permission is prohibited.",
    "Read more: our full coverage of the war.",
)


def near_copy(text: str, rng: random.Random) -> str:
    paragraphs = [p for p in text.split("\n") if p.strip()]
    if len(paragraphs) > 2:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    elif paragraphs:  # a one-paragraph text loses its last sentence instead
        sentences = paragraphs[-1].split(". ")
        paragraphs[-1] = ". ".join(sentences[:-1] or sentences)
    headline = f"{rng.choice(HEADLINE_OPENERS)} {' '.join(paragraphs[0].split()[:8])}"
    tail = rng.sample(BOILERPLATE, 2)
    return "\n".join([headline, *paragraphs, *tail])


def jaccard(a: set[bytes], b: set[bytes]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    files = sorted(BULK.glob("*.jsonl"))
    if not files:
        print(f"skipped: {BULK} is absent (evaluation data is not part of a user's clone)")
        return 0
    rng = random.Random(args.seed)
    articles = [json.loads(line) for f in files for line in f.open(encoding="utf-8") if line.strip()]
    articles = [a for a in articles if len(a.get("text", "").split()) >= 80]
    texts = {a["id"]: a["text"] for a in articles}
    exact = {a["id"]: shingles(a["text"]) for a in articles}

    started = time.perf_counter()
    index = MemoryIndex()
    false_pos = true_pos_orig = 0
    for a in articles:
        match = index.query(signature(a["text"]))
        if match is not None:
            if jaccard(exact[a["id"]], exact[match.article_id]) >= 0.4:
                true_pos_orig += 1
            else:
                false_pos += 1
        index.add(a["id"], signature(a["text"]))

    hits = misses = wrong = 0
    for a in articles:
        copy = near_copy(texts[a["id"]], rng)
        match = index.query(signature(copy))
        if match is None:
            misses += 1
        elif match.article_id == a["id"] or jaccard(exact[a["id"]], exact[match.article_id]) >= 0.5:
            hits += 1
        else:
            wrong += 1
    seconds = time.perf_counter() - started
    predicted = hits + wrong + true_pos_orig + false_pos
    precision = (hits + true_pos_orig) / predicted if predicted else 1.0
    recall = hits / len(articles)
    print(
        json.dumps(
            {
                "articles": len(articles),
                "copies_found": hits,
                "copies_missed": misses,
                "copies_matched_wrongly": wrong,
                "originals_matched_to_a_true_copy": true_pos_orig,
                "originals_matched_falsely": false_pos,
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "seconds": round(seconds, 2),
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
