"""No text of the evaluation corpus in the repository: no run of 9 words shared with ../shared/corpus.

The seed article is the one corpus text the project ships; everything else (extraction output of a
corpus article, a test sentence copied from one) would let the tests and the gate fit the texts
they are meant to measure. scripts/corpus_overlap.py does the work and lists each run it finds.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from corpus_overlap import RUN, Vocabulary, overlaps, shingle_hashes, words_of  # noqa: E402


@pytest.mark.parametrize(
    "a,b,same",
    [
        ("Kyiv’s forces held the line", "kyiv's FORCES held the line.", True),
        ("“We held,” he said", '"we held" -- he said', True),
        ("the brigade held the line", "the brigade left the line", False),
    ],
)
def test_runs_compare_without_case_or_punctuation(a, b, same):
    vocab = Vocabulary()
    ha, hb = (shingle_hashes(vocab.encode(words_of(t)), 3) for t in (a, b))
    assert bool(np.isin(ha, hb).all()) is same


def test_a_run_shorter_than_the_window_has_no_shingle():
    assert shingle_hashes(Vocabulary().encode(["one", "two"]), RUN).size == 0


def test_a_copied_run_is_found_and_the_seed_is_allowed(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed: the scan reads `git ls-files`")
    corpus = tmp_path / "corpus"
    (corpus / "news").mkdir(parents=True)
    (corpus / "seed").mkdir()
    (corpus / "news" / "a.txt").write_text("Crews worked through the night to clear the rubble from the flattened school.\n")
    (corpus / "news" / "meta.jsonl").write_text('{"text": "The seed run also sits in the bulk corpus, word for word here."}\n')
    (corpus / "seed" / "s.txt").write_text("The seed run also sits in the bulk corpus, word for word here.\n")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "test_x.py").write_text('TEXT = "Crews worked through the night to clear the rubble from it"\n')
    (repo / "seed.txt").write_text("The seed run also sits in the bulk corpus, word for word here.\n")
    (repo / "own.txt").write_text("Crews worked all day to mend the bridge near the depot.\n")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    found = overlaps(repo, corpus)
    assert [(o.path, o.line) for o in found] == [("test_x.py", 1)]


@pytest.mark.shared
def test_no_tracked_file_shares_a_run_of_words_with_the_corpus(shared):
    corpus = shared / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is absent")
    if not (ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.skip("not a git checkout: the scan reads `git ls-files`")
    found = overlaps(ROOT, corpus)
    assert not found, f"{len(found)} line(s) share a run of {RUN} words with {corpus}:\n" + "\n".join(map(str, found))
