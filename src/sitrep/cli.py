"""The `sitrep` command: thin wrappers that parse options, call one library function, print.

Every command has --help; docs/cli.md is generated from it (scripts/build_cli_docs.py).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import asdict
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from . import __version__, situation
from .config import Settings, normalise_db_url
from .errors import ConfigError, Messages, NotFoundError, SitrepError
from .outlets import canonical_outlet
from .store import Store, head_revision

if TYPE_CHECKING:
    from .ingestion import Progress

T = TypeVar("T")

# Commands import the pipeline (spaCy) only when they extract, so reading commands start fast.

app = typer.Typer(
    name="sitrep",
    help="Turn war reporting into a sourced, structured, queryable record.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class RecordFormat(StrEnum):
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
        bool,
        typer.Option(
            "--version", callback=version_callback, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Turn war reporting into a sourced, structured, queryable record."""


ModelOption = Annotated[
    str | None,
    typer.Option("--model", help="spaCy pipeline to use (default: SITREP_MODEL or the pinned one)."),
]


def settings_with(model: str | None = None, db: str | None = None) -> Settings:
    settings = Settings.from_env()
    if model:
        settings = settings.with_(model=model)
    if db:
        settings = settings.with_(db_url=normalise_db_url(db))
    return settings


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help="Article text files ('-' reads standard input).")],
    format: Annotated[
        RecordFormat, typer.Option("--format", "-f", help="Output format.")
    ] = RecordFormat.json,
    out_dir: Annotated[
        Path | None,
        typer.Option("--out-dir", "-o", help="Write DIR/<file stem>.json (or .md) for each file."),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option("--published", help="Publication date (YYYY-MM-DD) for resolving relative times."),
    ] = None,
    model: ModelOption = None,
) -> None:
    """Extract one record per article, without a database.

    With one file and no --out-dir the record is printed. With several files, or
    --out-dir, each record is written to DIR/<file stem>.<format> (DIR defaults to
    the current directory) and the model is loaded once.
    """
    try:
        from .extraction import extract_files

        outcome = extract_files(
            files,
            settings=settings_with(model),
            fmt=format.value,
            out_dir=out_dir or (Path.cwd() if len(files) > 1 else None),
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


# --- the store: ingest, articles, show, search, reprocess, migrate ---------------------------

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL or SQLite path (default: SITREP_DB or ./sitrep.db)."),
]

#: Duplicates listed one by one in the ingest summary; the rest are counted.
SHOW_DUPLICATES = 10


#: How `sitrep search` marks the matched words in a snippet (brackets occur in article texts).
SEARCH_MARK = ("**", "**")


class ListFormat(StrEnum):
    table = "table"
    json = "json"


def open_store(settings: Settings, *, create: bool = True) -> Store:
    return Store.open(settings.db_url, create=create)


def progress_reporter(stack: ExitStack) -> Progress | None:
    """A transient rich progress display on stderr, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import Progress as RichProgress
    from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

    bar = stack.enter_context(
        RichProgress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
    )
    counts: Counter[str] = Counter()
    task = bar.add_task("reading…", total=None)

    def report(status: str, origin: str) -> None:
        counts[status] += 1
        done = ", ".join(f"{n} {s}" for s, n in counts.items())
        bar.update(task, description=f"{sum(counts.values())} inputs ({done}) — {origin}")

    return report


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or glob patterns to read.")],
    db: DbOption = None,
    model: ModelOption = None,
) -> None:
    """Read articles, extract their records and store both (each text once).

    Formats: .txt/.md, .html, .jsonl (one article a line), RSS/Atom feeds, WARC. Prints how
    many articles were new, duplicates of stored ones, or rejected (each with its reason);
    exits 1 when any input was rejected.
    """
    settings = settings_with(model, db)
    try:
        with ExitStack() as stack:
            store = stack.enter_context(open_store(settings))
            from . import ingestion

            summary = ingestion.ingest(
                paths,
                store=store,
                extractor=ingestion.default_extractor(settings),
                settings=settings,
                progress=progress_reporter(stack),
            )
    except SitrepError as e:
        raise fail(e) from e
    counts = summary.counts()
    typer.echo(
        f"{sum(counts.values())} inputs in {summary.seconds:.1f} s into {settings.db_url}: "
        f"{counts['new']} new, {counts['duplicate']} duplicate, {counts['rejected']} rejected"
    )
    for result in summary.duplicates[:SHOW_DUPLICATES]:
        typer.echo(f"  duplicate: {result.origin} (stored as {result.id})")
    if len(summary.duplicates) > SHOW_DUPLICATES:
        typer.echo(f"  … and {len(summary.duplicates) - SHOW_DUPLICATES} more duplicates")
    for rejection in summary.rejected:
        typer.echo(f"  rejected: [{rejection.code}] {rejection.reason}", err=True)
    for warning in summary.warnings():
        typer.echo(f"  warning: {warning}", err=True)
    if not summary.ok:
        raise typer.Exit(code=1)


@app.command()
def articles(
    format: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
    limit: Annotated[int | None, typer.Option("--limit", "-n", help="Show at most N articles.")] = None,
    db: DbOption = None,
) -> None:
    """List the stored articles (id, date, outlet, title, origin, story, and the original of a copy)."""
    settings = settings_with(db=db)
    try:
        with open_store(settings, create=False) as store:
            rows = store.articles(limit=limit)
    except SitrepError as e:
        raise fail(e) from e
    if format is ListFormat.json:
        typer.echo(json.dumps([asdict(row) for row in rows], indent=2, default=str))
        return
    cells = [
        (
            r.id,
            str(r.published or ""),
            canonical_outlet(r.outlet) if r.outlet else "",  # as stored in JSON; the table's name here
            r.title or "",
            r.origin,
            str(r.story_id or ""),
            r.duplicate_of or "",
        )
        for r in rows
    ]
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(
            "id", "published", "outlet", "title", "origin", "story", "copy of", box=None, pad_edge=False
        )
        for line in cells:
            table.add_row(*line)
        Console().print(table)
    else:  # one tab-separated line per article, for cut, sort and grep
        for line in cells:
            typer.echo("\t".join(line))
    typer.echo(f"{len(rows)} articles", err=True)


@app.command()
def show(
    id: Annotated[str, typer.Argument(help="Article id, or a unique prefix of it.")],
    format: Annotated[RecordFormat, typer.Option("--format", "-f", help="json or md.")] = RecordFormat.json,
    db: DbOption = None,
) -> None:
    """Print the stored record of one article."""
    settings = settings_with(db=db)
    try:
        with open_store(settings, create=False) as store:
            stored = store.get(id)
    except SitrepError as e:
        raise fail(e) from e
    if stored.record is None:
        raise fail(NotFoundError(Messages.E202, id=id, url=settings.db_url))
    from .extraction import render

    typer.echo(render(stored.record, format.value), nl=False)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find ('\"a phrase\"', OR, NOT and prefix* work).")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most N articles.")] = 10,
    db: DbOption = None,
) -> None:
    """Full-text search over the stored articles' titles and texts, best match first."""
    settings = settings_with(db=db)
    try:
        with open_store(settings, create=False) as store:
            hits = store.search(query, limit=limit, mark=SEARCH_MARK)
    except SitrepError as e:
        raise fail(e) from e
    for hit in hits:
        typer.echo(f"{hit.id}  {hit.rank:.3g}  {hit.title or '(no title)'}")
        typer.echo(f"    {' '.join(hit.snippet.split())}")
    more = f" (the best {limit}: --limit shows more)" if len(hits) == limit else ""
    typer.echo(f"{len(hits)} articles match '{query}'{more}", err=True)


@app.command()
def reprocess(db: DbOption = None, model: ModelOption = None) -> None:
    """Re-run the current extractors over every stored article and replace the records that changed."""
    settings = settings_with(model, db)
    try:
        with ExitStack() as stack:
            store = stack.enter_context(open_store(settings, create=False))
            from . import ingestion

            summary = ingestion.reprocess(
                store, ingestion.default_extractor(settings), progress=progress_reporter(stack)
            )
    except SitrepError as e:
        raise fail(e) from e
    typer.echo(
        f"{summary.total} articles reprocessed in {summary.seconds:.1f} s: {len(summary.replaced)} records "
        f"replaced ({summary.versions_changed} by a new extractor version), {summary.unchanged} unchanged"
    )


@app.command()
def migrate(db: DbOption = None) -> None:
    """Create or upgrade the database schema to this sitrep's newest migration."""
    settings = settings_with(db=db)
    try:
        with open_store(settings) as store:  # opening migrates; store.migration says what it did
            result = store.migration
    except SitrepError as e:
        raise fail(e) from e
    if result is not None and result.changed:
        typer.echo(f"{settings.db_url}: migrated from {result.before or 'empty'} to {result.after}")
    else:
        typer.echo(f"{settings.db_url}: already at {head_revision()}")


# --- cross-article views (sitrep.situation) ------------------------------------------------------


class ViewFormat(StrEnum):
    text = "text"
    json = "json"


class ReportFormat(StrEnum):
    md = "md"
    html = "html"


PlaceOption = Annotated[
    str | None, typer.Option("--place", "-p", help="Only this place (as the gazetteer names it).")
]
SinceOption = Annotated[str | None, typer.Option("--since", help="From this date (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Up to this date (YYYY-MM-DD).")]


def _json(value: object) -> str:
    return json.dumps(value, indent=2, default=str, ensure_ascii=False)


def query(db: str | None, view: Callable[[Store], T]) -> T:
    """Run `view` on the stored database (never creating one); a SitrepError becomes one line and exit 2."""
    try:
        with open_store(settings_with(db=db), create=False) as store:
            return view(store)
    except SitrepError as e:
        raise fail(e) from e


def _cite(fact: situation.Fact, infos: dict[str, situation.ArticleInfo]) -> str:
    info = infos.get(fact.article_id)
    outlet = info.outlet_name if info and info.outlet_name else "unknown outlet"
    day = info.published if info and info.published else "undated"
    return f"{outlet}, {day}, article {fact.article_id} @{fact.start}–{fact.end}"


@app.command()
def stories(
    format: Annotated[ViewFormat, typer.Option("--format", "-f", help="text or json.")] = ViewFormat.text,
    limit: Annotated[int | None, typer.Option("--limit", "-n", help="Show at most N stories.")] = None,
    db: DbOption = None,
) -> None:
    """List the stories: articles grouped by the events they report, largest first."""

    def view(store: Store) -> tuple[list, dict[str, str]]:
        rows = store.stories(limit=limit)
        return rows, store.entity_names([k for r in rows for k in r.top_keys])

    rows, names = query(db, view)
    if format is ViewFormat.json:
        typer.echo(_json([asdict(r) | {"names": [names.get(k, k) for k in r.top_keys]} for r in rows]))
        return
    for r in rows:
        span = f"{r.first_published or '?'} – {r.last_published or '?'}"
        articles = f"{r.articles} article{'' if r.articles == 1 else 's'}"
        copies = "1 copy" if r.copies == 1 else f"{r.copies} copies"
        typer.echo(f"story {r.id}: {articles} ({copies}), {span}: {r.title or ''}")
        typer.echo(f"    {', '.join(names.get(k, k) for k in r.top_keys)}")


@app.command()
def claims(
    place: PlaceOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    format: Annotated[ViewFormat, typer.Option("--format", "-f", help="text or json.")] = ViewFormat.text,
    db: DbOption = None,
) -> None:
    """Claims and reported events across articles: who asserts, who denies, how many independent outlets."""
    props, infos = query(
        db,
        lambda store: situation.claims(store, place=place, since=parse_date(since), until=parse_date(until)),
    )
    if format is ViewFormat.json:
        typer.echo(
            _json(
                [
                    {
                        "key": p.key,
                        "kind": p.kind,
                        "verdict": p.verdict,
                        "event_type": p.event_type,
                        "place": p.place_name,
                        "text": p.text,
                        "first": p.first,
                        "last": p.last,
                        "independent_outlets": p.outlets,
                        "stances": [
                            {
                                "who": s.who,
                                "stance": s.stance,
                                "article": s.fact.article_id,
                                "span": [s.fact.start, s.fact.end],
                                "text": s.fact.text,
                            }
                            for s in p.stances
                        ],
                        "confirms": [[a.article_id, b.article_id] for a, b in p.confirms],
                        "refutes": [[a.article_id, b.article_id] for a, b in p.refutes],
                    }
                    for p in props
                ]
            )
        )
        return
    for p in props:
        what = f"{p.event_type} at {p.place_name}" if p.kind == "event" else f"“{p.text}”"
        typer.echo(f"[{p.verdict}] {what} ({p.first or 'undated'}; {len(p.outlets)} independent outlets)")
        for s in p.stances[:8]:
            typer.echo(f"    {s.stance:<12} {s.who} — {_cite(s.fact, infos)}")
        for a, b in p.confirms[:3]:
            typer.echo(f"    confirmed: claim in {a.article_id} reported as fact by {b.article_id}")
        for a, b in p.refutes[:3]:
            typer.echo(f"    refuted: claim in {a.article_id} denied by {b.article_id}")


@app.command()
def timeline(
    place: Annotated[str, typer.Option("--place", "-p", help="The place (as the gazetteer names it).")],
    since: SinceOption = None,
    until: UntilOption = None,
    format: Annotated[ViewFormat, typer.Option("--format", "-f", help="text or json.")] = ViewFormat.text,
    db: DbOption = None,
) -> None:
    """The dated events at one place, oldest first, with their status and sources."""
    name, entries, infos = query(
        db,
        lambda store: situation.place_timeline(
            store, place=place, since=parse_date(since), until=parse_date(until)
        ),
    )
    if format is ViewFormat.json:
        typer.echo(
            _json(
                [
                    {
                        "on": e.on,
                        "event_type": e.event_type,
                        "place": e.place_name,
                        "status": e.status,
                        "verdict": e.verdict,
                        "sources": [_cite(f, infos) for f in e.facts],
                    }
                    for e in entries
                ]
            )
        )
        return
    typer.echo(f"Timeline: {name} ({len(entries)} entries)")
    for entry in entries:
        typer.echo(f"{entry.on or 'undated':<10}  {entry.event_type:<13} {entry.status:<9} {entry.verdict}")
        for f in entry.facts[:3]:
            typer.echo(f"    {_cite(f, infos)}: {' '.join(f.text.split())[:160]}")


@app.command()
def forecasts(
    place: PlaceOption = None,
    format: Annotated[ViewFormat, typer.Option("--format", "-f", help="text or json.")] = ViewFormat.text,
    db: DbOption = None,
) -> None:
    """The forecast ledger: who expected what, by when, and whether later reports bore it out."""
    entries, infos = query(db, lambda store: situation.forecasts(store, place=place))
    if format is ViewFormat.json:
        typer.echo(
            _json(
                [
                    {
                        "by": e.forecast.holder,
                        "event_type": e.forecast.event_type,
                        "place": e.forecast.place_name,
                        "made_on": e.forecast.on,
                        "horizon": e.forecast.horizon,
                        "deadline": e.deadline,
                        "condition": e.forecast.condition,
                        "outcome": e.outcome,
                        "source": _cite(e.forecast, infos),
                        "evidence": [_cite(f, infos) for f in e.evidence[:5]],
                    }
                    for e in entries
                ]
            )
        )
        return
    for entry in entries:
        f = entry.forecast
        horizon = f" within {f.horizon}" if f.horizon else ""
        typer.echo(
            f"[{entry.outcome}] {f.holder or 'unattributed'}: {f.event_type} at {f.place_name}{horizon}"
            f" (made {f.on or 'undated'}, deadline {entry.deadline or 'none'}) — {_cite(f, infos)}"
        )
        for ev in entry.evidence[:2]:
            typer.echo(f"    evidence: {_cite(ev, infos)}")


@app.command()
def report(
    place: PlaceOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help="md or html.")] = ReportFormat.md,
    db: DbOption = None,
) -> None:
    """A situation report: key points, then per place what is reported, contested and expected, all cited."""
    built = query(
        db,
        lambda store: situation.situation_report(
            store, place=place, since=parse_date(since), until=parse_date(until)
        ),
    )
    render_report = situation.render_html if format is ReportFormat.html else situation.render_markdown
    typer.echo(render_report(built), nl=False)


@app.command()
def resolve(db: DbOption = None) -> None:
    """Link copies, stories, entities and facts for stored articles that have none yet (after an upgrade)."""
    done = query(db, lambda store: store.resolve_pending())
    typer.echo(f"{done} articles resolved")


@app.command()
def demo(db: DbOption = None, model: ModelOption = None) -> None:
    """Run the main job on the bundled sample: ingest, extract, store, and print a situation report."""
    from .demo import run_demo

    settings = settings_with(model, db)
    try:
        outcome = run_demo(settings)
    except SitrepError as e:
        raise fail(e) from e
    counts = outcome.summary.counts()
    stored = f"{counts['new']} new, {counts['duplicate']} already stored, {counts['rejected']} rejected"
    typer.echo(f"Sample corpus: {stored}.")
    found = ", ".join(f"{n} {name}" for name, n in outcome.counts.items() if n)
    typer.echo(f"Extracted: {found or 'nothing'}.")
    typer.echo(f"Database: {outcome.db_url}\n")
    typer.echo(outcome.report)
    first = outcome.article_ids[0] if outcome.article_ids else "ID"
    typer.echo(
        "Try next:\n"
        f"  sitrep show {first} --format md       the record, every item with its character span\n"
        "  sitrep search Pokrovsk                  full-text search\n"
        "  sitrep claims --place Pokrovsk          who asserts and who denies what\n"
        "  sitrep ingest PATH...                   your own .txt/.html/.jsonl/RSS/WARC files\n"
        "  sitrep report --place Pokrovsk          the situation report for one place\n"
        "(the sitrep command is .venv/bin/sitrep, or activate the environment: source .venv/bin/activate)"
    )
