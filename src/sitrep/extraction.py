"""Extraction of files to records without a database (what `sitrep extract` does).

>>> outcome = extract_files(["article.txt"], out_dir=Path("out"))  # doctest: +SKIP
>>> outcome.written  # doctest: +SKIP
[PosixPath('out/article.json')]
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TextIO

from .config import Settings
from .errors import ConfigError, InputError, Messages
from .ingest.text import decode_text, read_bytes, require_words
from .models import ArticleMeta, Record
from .normalise import normalise_text, text_hash
from .report.markdown import record_markdown

if TYPE_CHECKING:
    from .pipeline import Extractor

#: Below this many articles, starting worker processes costs more than it saves.
PARALLEL_FROM = 8


@dataclass
class ExtractOutcome:
    printed: str | None = None
    written: list[Path] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def render(record: Record, fmt: Literal["json", "md"] | str) -> str:
    if fmt == "md":
        return record_markdown(record)
    return record.model_dump_json(indent=2) + "\n"


def read_article_file(path: str, *, settings: Settings, stdin: TextIO | None = None) -> tuple[str, str]:
    """(article id, text) of a text file, or of standard input for '-'."""
    if path == "-":
        if stdin is None:
            raise InputError(Messages.E109, where="<stdin>")
        return "stdin", require_words(normalise_text(stdin.read()), where="<stdin>")
    p = Path(path)
    if not p.is_file():
        raise InputError(Messages.E109, where=path)
    text = normalise_text(decode_text(read_bytes(p, max_bytes=settings.max_bytes, where=path), where=path))
    return p.stem, require_words(text, where=path)


def extract_files(
    paths: Sequence[str],
    *,
    settings: Settings | None = None,
    fmt: str = "json",
    out_dir: Path | None = None,
    published: date | None = None,
    stdin: TextIO | None = None,
    extractor: Extractor | None = None,
) -> ExtractOutcome:
    """Extract each file; print one record, or write DIR/<stem>.<fmt> per file when `out_dir` is given.

    Several files need `out_dir` (ConfigError E020): their records are never written to a place
    the caller did not name, nor printed run together.
    """
    if len(paths) > 1 and out_dir is None:
        raise ConfigError(Messages.E020, count=len(paths))
    from .pipeline import ArticleInput, Extractor  # spaCy loads only when something is extracted

    settings = settings or Settings.from_env()
    outcome = ExtractOutcome()
    inputs: list[ArticleInput] = []
    for path in paths:
        try:
            article_id, text = read_article_file(path, settings=settings, stdin=stdin)
        except InputError as e:
            outcome.errors.append(e)
            continue
        meta = ArticleMeta(id=article_id, published=published, sha256=text_hash(text))
        inputs.append(ArticleInput(text, meta))
    if not inputs:
        return outcome
    extractor = extractor or Extractor(settings)
    n_process = (os.cpu_count() or 1) if len(inputs) >= PARALLEL_FROM else 1
    records = extractor.extract_many(inputs, n_process=n_process)
    if out_dir is None:
        outcome.printed = "".join(render(r, fmt) for r in records)
        return outcome
    out_dir.mkdir(parents=True, exist_ok=True)
    for record in records:
        target = out_dir / f"{record.id}.{fmt}"
        target.write_text(render(record, fmt), encoding="utf-8")
        outcome.written.append(target)
    return outcome
