"""The main job on the bundled sample: ingest it, extract its record, and report on it.

What `sitrep demo` (and `python3 dev.py demo`) runs; the sample is the Pokrovsk article the
project started from, shipped in `sitrep/data/sample/`.

    >>> outcome = run_demo(Settings())  # doctest: +SKIP
    >>> outcome.counts["quotes"]  # doctest: +SKIP
    10
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from importlib.resources import as_file, files

from .config import Settings
from .ingestion import IngestSummary, default_extractor, ingest
from .models import RECORD_LISTS
from .report.situation import render_markdown
from .situation import situation_report
from .store import Store


@dataclass
class DemoOutcome:
    db_url: str
    summary: IngestSummary
    article_ids: list[str]
    counts: Counter[str] = field(default_factory=Counter)
    report: str = ""


def sample_dir() -> str:
    return str(files("sitrep") / "data" / "sample")


def run_demo(settings: Settings) -> DemoOutcome:
    """Ingest the bundled sample into `settings.db_url`, then build the situation report over it."""
    with as_file(files("sitrep") / "data" / "sample") as sample, Store.open(settings.db_url) as store:
        summary = ingest([str(sample)], store=store, extractor=default_extractor(settings), settings=settings)
        ids = [r.id for r in summary.new + summary.duplicates]
        outcome = DemoOutcome(settings.db_url, summary, ids)
        for article_id in ids:
            record = store.get(article_id).record
            if record is not None:
                outcome.counts.update({name: len(getattr(record, name)) for name in RECORD_LISTS})
        outcome.report = render_markdown(situation_report(store))
    return outcome
