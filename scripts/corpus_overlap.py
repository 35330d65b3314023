#!/usr/bin/env python3
"""Find runs of 9 consecutive words that the repository shares with the evaluation corpus.

    .venv/bin/python scripts/corpus_overlap.py          # list every shared run, file and line
    .venv/bin/python scripts/corpus_overlap.py -n 12    # a longer run

Nothing from ../shared/corpus goes into the project except the seed article (the brief): no
extraction output of a corpus text, no test sentence copied from one. This script hashes every
9-word shingle of the corpus texts (every .txt and .md file and the `title`/`text` fields of every
.jsonl file under ../shared/corpus, the seed's folder excepted) and looks each shingle of every
text file `git ls-files` lists up in them. Words are compared lower-cased, with punctuation,
quotation marks and apostrophes dropped, so "Kyiv’s forces," and "kyiv s forces" are the same run.
Licence texts and GeoJSON geometry are not reporting and are left out. tests/test_corpus_overlap.py
runs this as a test; it exits 0 with a message where ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
RUN = 9
# The seed article and its gold are part of the project; its runs are allowed wherever they occur.
ALLOWED = ("seed",)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# A 64-bit polynomial rolling hash over word ids: collisions among a few million shingles are
# vanishingly rare, and every reported run is shown so a reader can check it.
_BASE = np.uint64(1_000_003)


@dataclass(frozen=True)
class Overlap:
    """One run of words a tracked file shares with the corpus."""

    path: str
    line: int
    words: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.words}"


class Vocabulary:
    """Word → small integer, shared by the corpus and the repository so that their hashes agree."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def encode(self, words: list[str]) -> np.ndarray:
        get = self.ids.setdefault
        return np.fromiter((get(w, len(self.ids) + 1) for w in words), dtype=np.uint64, count=len(words))


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingle_hashes(ids: np.ndarray, n: int = RUN) -> np.ndarray:
    """The hash of every run of n consecutive ids (empty where there are fewer than n)."""
    if len(ids) < n:
        return np.empty(0, dtype=np.uint64)
    with np.errstate(over="ignore"):  # uint64 arithmetic wraps, which is what the hash wants
        out = np.zeros(len(ids) - n + 1, dtype=np.uint64)
        for k in range(n):
            out = out * _BASE + ids[k : len(ids) - n + 1 + k]
    return out


def corpus_texts(corpus: Path) -> Iterator[str]:
    """Every text of the corpus outside the allowed folders."""
    for path in sorted(corpus.rglob("*")):
        if not path.is_file() or path.relative_to(corpus).parts[0] in ALLOWED:
            continue
        if path.suffix in (".txt", ".md"):
            yield path.read_text(encoding="utf-8", errors="replace")
        elif path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    yield from (str(row[k]) for k in ("title", "text") if row.get(k))


def allowed_texts(corpus: Path) -> Iterator[str]:
    for folder in ALLOWED:
        for path in sorted((corpus / folder).rglob("*.txt")):
            yield path.read_text(encoding="utf-8")


def corpus_shingles(corpus: Path, vocab: Vocabulary, *, n: int = RUN) -> np.ndarray:
    """Sorted unique hashes of the corpus's runs, minus those of the allowed (seed) texts."""
    found = np.unique(np.concatenate([shingle_hashes(vocab.encode(words_of(t)), n) for t in corpus_texts(corpus)]))
    allowed = [shingle_hashes(vocab.encode(words_of(t)), n) for t in allowed_texts(corpus)]
    return np.setdiff1d(found, np.concatenate(allowed)) if allowed else found


def tracked_text_files(root: Path) -> list[Path]:
    """The files git tracks under root that read as UTF-8 text (binary data is skipped)."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True).stdout
    paths = []
    for name in listed.decode("utf-8").split("\0"):
        path = root / name
        if name and path.is_file():
            with path.open("rb") as f:
                if b"\0" not in f.read(8192):
                    paths.append(path)
    return paths


def overlaps(root: Path, corpus: Path, *, n: int = RUN) -> list[Overlap]:
    """Every run of n words that a tracked text file of root shares with the corpus, one per line."""
    vocab = Vocabulary()
    known = corpus_shingles(corpus, vocab, n=n)
    out: list[Overlap] = []
    for path in tracked_text_files(root):
        text = path.read_text(encoding="utf-8", errors="replace")
        matches = [(m.group().lower(), m.start()) for m in _WORD.finditer(text)]
        hashes = shingle_hashes(vocab.encode([w for w, _ in matches]), n)
        where = np.minimum(np.searchsorted(known, hashes), len(known) - 1)
        hits = np.flatnonzero(known[where] == hashes) if len(known) else np.empty(0, dtype=np.intp)
        seen_lines: set[int] = set()
        for i in hits.tolist():
            line = text.count("\n", 0, matches[i][1]) + 1
            if line not in seen_lines:
                seen_lines.add(line)
                out.append(Overlap(str(path.relative_to(root)), line, " ".join(w for w, _ in matches[i : i + n])))
    return out


def _print(rows: Iterable[Overlap]) -> int:
    count = 0
    for row in rows:
        print(row)
        count += 1
    return count


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=RUN, help=f"words in a run (default {RUN})")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent (the shared evaluation data is not in a user's clone)")
        return 0
    count = _print(overlaps(ROOT, CORPUS, n=args.n))
    print(f"{count} line(s) share a run of {args.n} words with {CORPUS}", file=sys.stderr)
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main())
