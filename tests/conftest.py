"""Shared fixtures: one loaded pipeline per test session, the seed article, ../shared when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.config import Settings
from sitrep.evaluate import CHECK_SET, TUNING_SETS, Gap, format_gap
from sitrep.pipeline import Extractor, load_pipeline

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "src" / "sitrep" / "data" / "sample" / "pokrovsk-wsj-digest.txt"
SHARED = ROOT.parent / "shared"
#: The generalisation gap the quality gate measured this session (tests/test_quality_gate.py).
GAP_KEY = pytest.StashKey[list[Gap]]()


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline(Settings())


@pytest.fixture(scope="session")
def extractor(nlp) -> Extractor:
    return Extractor(Settings(), nlp=nlp)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_record(extractor, seed_text):
    return extractor.extract(seed_text, article_id="pokrovsk-wsj-digest")


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (evaluation data beside the repo); tests that need it skip in a user's clone."""
    if not (SHARED / "eval" / "score.py").is_file():
        pytest.skip(f"{SHARED} is absent: the shared evaluation data is not part of a user's clone")
    return SHARED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config) -> None:
    """After the quality gate: each figure on the tuning sets beside news-check, and the gap."""
    gap = config.stash.get(GAP_KEY, None)
    if gap:
        terminalreporter.section(f"generalisation gap: {' + '.join(TUNING_SETS)} pooled vs {CHECK_SET}")
        terminalreporter.write_line(format_gap(gap))
