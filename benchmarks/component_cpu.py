#!/usr/bin/env python3
"""CPU time of each sitrep component as a share of the spaCy parse, in one run over the same texts.

    .venv/bin/python benchmarks/component_cpu.py [--texts DIR|FILE.jsonl] [--limit N]

Each pipe of the pipeline runs over the whole batch in turn and its process CPU time is
summed, so the figure does not depend on what else the machine is doing (unlike wall-clock
timings, see overhead.py). "parse" is the model's own pipes (tok2vec, tagger, parser,
attribute_ruler, lemmatizer, ner). Texts: the bundled seed ×20 by default; with ../shared
present, e.g. `--texts ../shared/corpus/news` or a .jsonl with a 'text' field. The issue
targets: quotes, speakers, sources and claims ≤ 15%; places, units and actors ≤ 20%; times,
quantities, events and forecasts ≤ 15%.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict

from overhead import load_texts  # benchmarks/overhead.py, beside this script

from sitrep.config import Settings
from sitrep.pipeline import load_pipeline

GROUPS = {
    "issue 3 (sources, quotes, speakers, claims)": ("sitrep_sources", "sitrep_quotes", "sitrep_speakers", "sitrep_claims"),
    "issue 4 (places, units, actors)": ("sitrep_places", "sitrep_units", "sitrep_actors"),
    "issue 5 (times, quantities, events, forecasts)": ("sitrep_times", "sitrep_quantities", "sitrep_events", "sitrep_forecasts"),
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", help="a directory of .txt files, a .jsonl or a text file (default: the seed ×20)")
    ap.add_argument("--limit", type=int, default=200)
    args = ap.parse_args()
    nlp = load_pipeline(Settings())
    texts = load_texts(args.texts, args.limit)
    nlp(texts[0])  # warm-up: lazy data (gazetteer, lexicons) loads here, not in the timing
    docs = [nlp.make_doc(t) for t in texts]
    spent: dict[str, float] = defaultdict(float)
    for name, pipe in nlp.pipeline:
        started = time.process_time()
        docs = list(pipe.pipe(docs)) if hasattr(pipe, "pipe") else [pipe(d) for d in docs]
        spent[name] += time.process_time() - started
    parse = sum(v for k, v in spent.items() if not k.startswith("sitrep_"))
    out = {
        "texts": len(texts),
        "words": sum(len(t.split()) for t in texts),
        "parse_cpu_s": round(parse, 3),
        "components": {k: round(v / parse, 4) for k, v in spent.items() if k.startswith("sitrep_")},
        "groups": {g: round(sum(spent[n] for n in names) / parse, 4) for g, names in GROUPS.items()},
        "all_sitrep": round(sum(v for k, v in spent.items() if k.startswith("sitrep_")) / parse, 4),
    }
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
