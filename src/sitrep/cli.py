"""The `sitrep` command: thin wrappers that parse options, call one library function, print.

Every command has --help; docs/cli.md is generated from it (scripts/build_cli_docs.py).
"""

from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .config import Settings
from .errors import ConfigError, Messages, SitrepError
from .extraction import extract_files

app = typer.Typer(
    name="sitrep",
    help="Turn war reporting into a sourced, structured, queryable record.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class RecordFormat(str, Enum):
    json = "json"
    md = "md"


def fail(error: SitrepError) -> typer.Exit:
    typer.echo(f"error: {error}", err=True)
    return typer.Exit(code=2)


def parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise ConfigError(Messages.E004, value=value) from e


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"sitrep {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn war reporting into a sourced, structured, queryable record."""


ModelOption = Annotated[
    str | None, typer.Option("--model", help="spaCy pipeline to use (default: SITREP_MODEL or the pinned one).")
]


def settings_with(model: str | None = None, db: str | None = None) -> Settings:
    from .config import normalise_db_url

    settings = Settings.from_env()
    if model:
        settings = settings.with_(model=model)
    if db:
        settings = settings.with_(db_url=normalise_db_url(db))
    return settings


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help="Article text files ('-' reads standard input).")],
    format: Annotated[RecordFormat, typer.Option("--format", "-f", help="Output format.")] = RecordFormat.json,
    out_dir: Annotated[
        Path | None, typer.Option("--out-dir", "-o", help="Write DIR/<file stem>.json (or .md) for each file.")
    ] = None,
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date (YYYY-MM-DD) for resolving relative times.")
    ] = None,
    model: ModelOption = None,
) -> None:
    """Extract one record per article, without a database.

    With one file and no --out-dir the record is printed. With several files, or
    --out-dir, each record is written to DIR/<file stem>.<format> (DIR defaults to
    the current directory) and the model is loaded once.
    """
    try:
        outcome = extract_files(
            files,
            settings=settings_with(model),
            fmt=format.value,
            out_dir=out_dir if (out_dir or len(files) > 1) else None,
            published=parse_date(published),
            stdin=sys.stdin,
        )
    except SitrepError as e:
        raise fail(e) from e
    if outcome.printed is not None:
        typer.echo(outcome.printed, nl=not outcome.printed.endswith("\n"))
    for path in outcome.written:
        typer.echo(f"wrote {path}", err=True)
    for error in outcome.errors:
        typer.echo(f"error: {error}", err=True)
    if outcome.errors:
        raise typer.Exit(code=1)
