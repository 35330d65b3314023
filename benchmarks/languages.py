#!/usr/bin/env python3
"""Speed per token of the Ukrainian and Russian pipelines as a ratio to the English one, in one run.

    .venv/bin/python benchmarks/languages.py [--texts-uk DIR] [--texts-ru DIR] [--repeat 3]

Each pipeline (sitrep's full pipeline for its language, `sitrep.pipeline.load_pipeline(lang=…)`)
runs over its texts; the best of `--repeat` rounds is kept, rounds alternate between languages so
that machine noise affects all alike, and tokens are counted by each pipeline's own tokenizer.
The default texts are short front-line reports written for this benchmark (×40 each); with
../shared present, `--texts-uk`/`--texts-ru` can point at directories of .txt files. The ratio is
(uk or ru tokens per second) / (English tokens per second): ≥ 1 means the Cyrillic pipeline is faster.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from sitrep.config import Settings
from sitrep.pipeline import load_pipeline

# Written for this benchmark, in the style of front-line reporting (no article is quoted).
TEXTS = {
    "en": (
        "Russian forces advanced near Pokrovsk and Myrnohrad, DeepState reported on Tuesday. According to the "
        "General Staff, 40 clashes took place in the Pokrovsk direction. \"We are holding our positions, but the "
        "enemy presses every day,\" said Oleh Petrenko, a spokesman for the 68th Separate Jaeger Brigade. He added "
        "that soldiers of the brigade repelled three assaults in the Donetsk region overnight."
    ),
    "uk": (
        "Російські війська просунулися біля Покровська та Мирнограда, повідомляє DeepState. За даними Генштабу "
        "ЗСУ, на Покровському напрямку відбулося 40 боїв. «Ми тримаємо позиції, але противник тисне щодня», — "
        "заявив речник 68-ї окремої єгерської бригади Олег Петренко. Він додав, що бійці бригади відбили три "
        "штурми у Донецькій області."
    ),
    "ru": (
        "Российские войска продвинулись у Покровска и Мирнограда, сообщает DeepState. По данным Генштаба ВСУ, на "
        "Покровском направлении произошло 40 боев. «Мы держим позиции, но противник давит каждый день», — "
        "заявил представитель 68-й отдельной егерской бригады Олег Петренко. Он добавил, что бойцы бригады "
        "отбили три штурма в Донецкой области."
    ),
}


def texts_of(lang: str, folder: str | None) -> list[str]:
    if folder is None:
        return [TEXTS[lang]] * 40
    return [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts-en")
    ap.add_argument("--texts-uk")
    ap.add_argument("--texts-ru")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    settings = Settings()
    langs = ("en", "uk", "ru")
    pipelines = {lang: load_pipeline(settings, lang=lang) for lang in langs}
    texts = {lang: texts_of(lang, getattr(args, f"texts_{lang}")) for lang in langs}
    tokens = {lang: sum(len(pipelines[lang].make_doc(t)) for t in texts[lang]) for lang in langs}
    for lang in langs:  # warm up: lexicons, gazetteer, pymorphy3 dictionaries
        list(pipelines[lang].pipe(texts[lang][:2]))
    best = dict.fromkeys(langs, float("inf"))
    for _ in range(args.repeat):
        for lang in langs:
            started = time.perf_counter()
            for _doc in pipelines[lang].pipe(texts[lang], batch_size=4):
                pass
            best[lang] = min(best[lang], time.perf_counter() - started)
    rate = {lang: tokens[lang] / best[lang] for lang in langs}
    for lang in langs:
        ratio = rate[lang] / rate["en"]
        print(f"{lang}: {tokens[lang]} tokens in {best[lang]:.2f} s = {rate[lang]:,.0f} tokens/s ({ratio:.2f}× English)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
