"""The `sitrep` command: thin wrappers that parse options, call one library function, print.

Every command has --help; docs/cli.md is generated from it (scripts/build_cli_docs.py).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import asdict
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from . import __version__, situation
from .config import Settings, normalise_db_url
from .errors import ConfigError, Messages, NotFoundError, SitrepError
from .ingest.fields import printable
from .outlets import canonical_outlet
from .report.control import check_json, check_label, map_note
from .report.situation import horizon_words, voices_words, where_words
from .store import Store, head_revision

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
    try:
        settings = Settings.from_env()
    except ConfigError as e:  # a malformed SITREP_* variable: one coded line, exit 2
        raise fail(e) from e
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

    With one file and no --out-dir the record is printed. With --out-dir, each
    record is written to DIR/<file stem>.<format> and the model is loaded once;
    several files need --out-dir.
    """
    try:
        from .extraction import extract_files

        outcome = extract_files(
            files,
            settings=settings_with(model),
            fmt=format.value,
            out_dir=out_dir,
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


ProgressOption = Annotated[
    bool,
    typer.Option("--progress", help="Show the progress bar even when stderr is not a terminal."),
]


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or glob patterns to read.")],
    db: DbOption = None,
    model: ModelOption = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", help="Extract on a Dask cluster of N worker processes on this machine."),
    ] = None,
    cluster: Annotated[
        str | None,
        typer.Option(
            "--cluster", help="Extract on the Dask cluster of this scheduler (e.g. tcp://10.0.0.5:8786)."
        ),
    ] = None,
    progress: ProgressOption = False,
) -> None:
    """Read articles, extract their records and store both (each text once).

    Formats: .txt/.md, .html, .jsonl (one article a line), RSS/Atom feeds, WARC. Extraction
    runs in one process per core, or on a Dask cluster with --workers/--cluster (docs/scale.md);
    this process stores the results. Prints how many articles were new, duplicates of stored
    ones, or rejected (each with its reason); exits 1 when any input was rejected.
    """
    settings = settings_with(model, db)
    from . import ingestion

    try:
        with ExitStack() as stack:
            store = stack.enter_context(open_store(settings))
            from .ingest.estimate import estimate_articles
            from .progress import progress_bar, wanted

            runner = None
            if workers is not None or cluster is not None:
                from .parallel import DaskRunner

                runner = stack.enter_context(DaskRunner(settings, address=cluster, n_workers=workers))
            total = estimate_articles(paths) if wanted(progress) else None
            summary = ingestion.ingest(
                paths,
                store=store,
                extractor=ingestion.default_extractor(settings),
                settings=settings,
                progress=progress_bar(stack, total=total, force=progress),
                runner=runner,
            )
    except SitrepError as e:
        raise fail(e) from e
    except ingestion.IngestInterrupted as stop:
        done = stop.summary.counts()
        typer.echo(
            f"interrupted: {done['new']} new articles were stored whole ({done['duplicate']} duplicate, "
            f"{done['rejected']} rejected) in {settings.db_url}; run the same command again to go on "
            "(stored articles are not stored twice).",
            err=True,
        )
        raise typer.Exit(code=130) from None
    counts = summary.counts()
    handled = sum(counts.values())
    rate = handled / summary.seconds if summary.seconds > 0 else 0.0
    typer.echo(
        f"{handled} inputs in {summary.seconds:.1f} s ({rate:.1f}/s) into {settings.db_url}: "
        f"{counts['new']} new, {counts['duplicate']} duplicate, {counts['rejected']} rejected"
    )
    for result in summary.duplicates[:SHOW_DUPLICATES]:
        typer.echo(f"  duplicate: {result.origin} (stored as {result.id})")
    if len(summary.duplicates) > SHOW_DUPLICATES:
        typer.echo(f"  … and {len(summary.duplicates) - SHOW_DUPLICATES} more duplicates")
    for skipped in summary.skipped:  # records of an archive that are not articles: counted, not hidden
        typer.echo(f"  passed over: {skipped.origin}: {skipped.describe()}")
    for rejection in summary.rejected:  # one line each: origins and reasons carry no line breaks
        typer.echo(f"  rejected: [{rejection.code}] {rejection.reason}", err=True)
    for warning in summary.warnings():
        typer.echo(f"  warning: {warning}", err=True)
    if not summary.ok:
        raise typer.Exit(code=1)


@app.command()
def watch(
    sources: Annotated[
        list[str], typer.Argument(help="Feed URLs (http/https), directories and .jsonl files to follow.")
    ],
    db: DbOption = None,
    model: ModelOption = None,
    interval: Annotated[float, typer.Option("--interval", help="Seconds between two rounds.")] = 60.0,
    rounds: Annotated[
        int | None, typer.Option("--rounds", help="Stop after this many rounds (default: run until stopped).")
    ] = None,
    once: Annotated[bool, typer.Option("--once", help="One round, then stop (same as --rounds 1).")] = False,
    workers: Annotated[
        int | None, typer.Option("--workers", help="Extract on a Dask cluster of N processes on this machine.")
    ] = None,
    cluster: Annotated[
        str | None, typer.Option("--cluster", help="Extract on the Dask cluster of this scheduler.")
    ] = None,
    progress: Annotated[
        bool, typer.Option("--progress", help="Show the status line even when stderr is not a terminal.")
    ] = False,
) -> None:
    """Follow feeds, directories and growing JSONL files, storing each new article as it appears.

    Feeds are fetched with ETag/Last-Modified; a directory's new or changed files and a JSONL
    file's new lines are read. Where each source was left is stored in the database, so a
    watch stopped (even killed) and started again resumes there and stores nothing twice.
    The status line shows articles per minute, the queue and errors. Ctrl-C stops it.
    """
    settings = settings_with(model, db)
    try:
        with ExitStack() as stack:
            store = stack.enter_context(open_store(settings))
            from . import ingestion
            from . import watch as watching
            from .progress import status_line

            runner = None
            if workers is not None or cluster is not None:
                from .parallel import DaskRunner

                runner = stack.enter_context(DaskRunner(settings, address=cluster, n_workers=workers))
            status = watching.watch(
                sources,
                store=store,
                extractor=ingestion.default_extractor(settings),
                settings=settings,
                interval=interval,
                rounds=1 if once else rounds,
                on_status=status_line(stack, force=progress),
                runner=runner,
            )
    except KeyboardInterrupt:
        typer.echo("stopped; the next `sitrep watch` resumes where this one was", err=True)
        raise typer.Exit(code=130) from None
    except SitrepError as e:
        raise fail(e) from e
    typer.echo(status.line())
    for message in status.errors:
        typer.echo(f"  error: {message}", err=True)


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
            printable(r.title or ""),  # one line per article, whatever was stored
            printable(r.origin),
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
    """Full-text search over the stored articles' titles and texts: the best of the newest 1,000 matches first."""
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
def reprocess(db: DbOption = None, model: ModelOption = None, progress: ProgressOption = False) -> None:
    """Re-run the current extractors over every stored article and replace the records that changed."""
    settings = settings_with(model, db)
    try:
        with ExitStack() as stack:
            store = stack.enter_context(open_store(settings, create=False))
            from . import ingestion
            from .progress import progress_bar

            bar = progress_bar(stack, total=store.counts().articles, force=progress, label="articles")
            summary = ingestion.reprocess(
                store, ingestion.default_extractor(settings), progress=bar, extract_seconds=settings.extract_seconds
            )
    except SitrepError as e:
        raise fail(e) from e
    typer.echo(
        f"{summary.total} articles reprocessed in {summary.seconds:.1f} s: {len(summary.replaced)} records "
        f"replaced ({summary.versions_changed} by a new extractor version), {summary.unchanged} unchanged"
    )
    for failure in summary.failed:  # their stored records were kept
        typer.echo(f"  failed: [{failure.code}] {failure.reason}", err=True)
    if summary.failed:
        raise typer.Exit(code=1)


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
    str | None,
    typer.Option(
        "--place", "-p", help="Only facts at this place or inside it (as the gazetteer names it)."
    ),
]
NearOption = Annotated[
    float | None,
    typer.Option("--near", help="With --place: also facts within KM kilometres, and those only near it."),
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


def _voice(fact: situation.Fact, infos: dict[str, situation.ArticleInfo]) -> str:
    info = infos.get(fact.article_id)
    return info.voice_name if info else f"article {fact.article_id}"


def _cite(fact: situation.Fact, infos: dict[str, situation.ArticleInfo]) -> str:
    info = infos.get(fact.article_id)
    outlet = info.voice_name if info else "unknown outlet"
    day = info.published if info and info.published else "undated"
    cited = f"{outlet}, {day}, article {fact.article_id} @{fact.start}–{fact.end}"
    return cited + (f" [{check_label(fact.check)}]" if fact.check is not None else "")


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
    near: NearOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    format: Annotated[ViewFormat, typer.Option("--format", "-f", help="text or json.")] = ViewFormat.text,
    db: DbOption = None,
) -> None:
    """Claims and reported events across articles: who asserts, who denies, how many independent outlets."""
    props, infos = query(
        db,
        lambda store: situation.claims(
            store, place=place, since=parse_date(since), until=parse_date(until), near_km=near
        ),
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
                        "relation": p.relation,
                        "text": p.text,
                        "first": p.first,
                        "last": p.last,
                        "independent_outlets": p.outlets,
                        "articles": p.articles,
                        "stances": [
                            {
                                "who": s.who,
                                "stance": s.stance,
                                "article": s.fact.article_id,
                                "span": [s.fact.start, s.fact.end],
                                "text": s.fact.text,
                                "map_check": check_json(s.fact.check),
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
        if p.kind == "event":
            what = f"{p.event_type} {where_words(p.place_name, p.relation)}"
        else:
            place_words = f" ({where_words(p.place_name, p.facts[0].relation)})" if p.place_name else ""
            what = f"“{p.text}”{place_words}"
        typer.echo(f"[{p.verdict}] {what} ({p.first or 'undated'}; {voices_words(p)})")
        for s in p.stances:
            typer.echo(f"    {s.stance:<12} {s.who} — {_cite(s.fact, infos)}")
        if note := map_note(p.facts):
            typer.echo(f"   {note}")
        for a, b in p.confirms[:3]:
            typer.echo(f"    confirmed: claim in {a.article_id} reported as fact by {b.article_id}")
        for a, b in p.refutes[:3]:
            typer.echo(f"    refuted: claim in {a.article_id} denied by {b.article_id}")


@app.command()
def timeline(
    place: Annotated[
        str, typer.Option("--place", "-p", help="The place (as the gazetteer names it); places inside it count.")
    ],
    near: NearOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    format: Annotated[ViewFormat, typer.Option("--format", "-f", help="text or json.")] = ViewFormat.text,
    db: DbOption = None,
) -> None:
    """The dated events at one place, oldest first, with their status and sources."""
    name, entries, infos = query(
        db,
        lambda store: situation.place_timeline(
            store, place=place, since=parse_date(since), until=parse_date(until), near_km=near
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
                        "relation": e.relation,
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
        day = entry.on.isoformat() if entry.on else "undated"
        where = where_words(entry.place_name, entry.relation)
        typer.echo(f"{day:<10}  {entry.event_type or 'event':<13} {entry.status:<9} {entry.verdict:<14} {where}")
        for f in entry.facts:
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
        horizon = horizon_words(f.horizon)
        typer.echo(
            f"[{entry.outcome}] {f.holder or _voice(f, infos)}: {f.event_type} {where_words(f.place_name, f.relation)}{horizon}"
            f" (made {f.on or 'undated'}, deadline {entry.deadline or 'none'}) — {_cite(f, infos)}"
        )
        if entry.outcome == "came true" and entry.evidence:
            ev = entry.evidence[0]
            typer.echo(f"    came true: {_cite(ev, infos)}: {' '.join(ev.text.split())[:160]}")


@app.command()
def report(
    place: PlaceOption = None,
    near: NearOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help="md or html.")] = ReportFormat.md,
    db: DbOption = None,
) -> None:
    """A situation report: key points, then per place what is reported, contested and expected, all cited."""
    built = query(
        db,
        lambda store: situation.situation_report(
            store, place=place, since=parse_date(since), until=parse_date(until), near_km=near
        ),
    )
    render_report = situation.render_html if format is ReportFormat.html else situation.render_markdown
    typer.echo(render_report(built), nl=False)


@app.command()
def resolve(
    refresh: Annotated[
        bool,
        typer.Option(
            "--refresh", help="Also rebuild the entities and facts of every stored article from its record."
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Link copies, stories, entities and facts for stored articles that have none yet (after an upgrade)."""
    done = query(db, lambda store: store.resolve_pending())
    typer.echo(f"{done} articles resolved")
    if refresh:
        count = query(db, lambda store: store.refresh_facts())
        typer.echo(f"facts rebuilt for {count} articles")


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
        "  sitrep serve                            the map, timeline and sources in a browser\n"
        "(the sitrep command is .venv/bin/sitrep, or activate the environment: source .venv/bin/activate)"
    )


# --- control maps and track records (sitrep.control, sitrep.track) ------------------------------

control_app = typer.Typer(
    help="Control maps: the area one side holds on a date, and claims checked against them.",
    no_args_is_help=True,
)
app.add_typer(control_app, name="control")

NameOption = Annotated[
    str, typer.Option("--name", help="The map series (letters, digits, '-', '_'), e.g. deepstate.")
]


def _summary_lines(summary: object) -> list[str]:
    from .control import CheckSummary

    assert isinstance(summary, CheckSummary)
    counts = ", ".join(f"{summary.counts.get(v, 0)} {v}" for v in ("consistent", "inconsistent", "undetermined"))
    lines = [f"checked {summary.facts} capture, advance and withdrawal facts against {summary.maps} '{summary.layer}' maps: {counts}"]
    for kind, by in sorted(summary.by_type.items()):
        cells = ", ".join(f"{by.get(v, 0)} {v}" for v in ("consistent", "inconsistent", "undetermined"))
        lines.append(f"  {kind}: {cells}")
    return lines


@control_app.command("add")
def control_add(
    file: Annotated[Path, typer.Argument(help="A GeoJSON Polygon/MultiPolygon layer in CRS84 (longitude, latitude).")],
    on: Annotated[str, typer.Option("--date", help="The date the map shows (YYYY-MM-DD).")],
    side: Annotated[str, typer.Option("--side", help="The side whose area the polygons draw: RU or UA.")] = "RU",
    name: NameOption = "deepstate",
    country: Annotated[
        str, typer.Option("--country", help="The country the map covers (ISO code); places outside it are not checked.")
    ] = "UA",
    replace: Annotated[bool, typer.Option("--replace", help="Overwrite a stored map of the same series, side and date.")] = False,
    check: Annotated[
        bool, typer.Option("--check/--no-check", help="Re-check the stored facts against the series afterwards.")
    ] = True,
    db: DbOption = None,
) -> None:
    """Store a control map: the area one side holds on a date, validated (nothing is stored on an error).

    Then every stored capture, advance and withdrawal is checked against the series again
    (--no-check skips that, e.g. while adding many maps; run `sitrep control check` after).
    """
    from .control import add_control_map, parse_map_date

    try:
        day = parse_map_date(on)
        with open_store(settings_with(db=db)) as store:
            added = add_control_map(
                store, file, on=day, side=side, name=name, country=country, replace=replace, check=check
            )
    except SitrepError as e:
        raise fail(e) from e
    m = added.map
    typer.echo(
        f"stored control map {m.id}: '{m.name}' {m.side}-held area on {m.on}, {m.polygons} polygons, "
        f"≈{m.area_km2:,.0f} km² (from {m.source})"
    )
    if added.summary is not None:
        for line in _summary_lines(added.summary):
            typer.echo(line)


@control_app.command("list")
def control_list(
    format: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
    db: DbOption = None,
) -> None:
    """List the stored control maps: id, series, side, date, polygons, area and source file."""
    from .control import list_control_maps

    rows = query(db, list_control_maps)
    if format is ListFormat.json:
        typer.echo(_json([asdict(r) for r in rows]))
        return
    for r in rows:
        typer.echo(f"{r.id}\t{r.name}\t{r.side}\t{r.on}\t{r.polygons} polygons\t≈{r.area_km2:,.0f} km²\t{r.source}")
    typer.echo(f"{len(rows)} control maps", err=True)


@control_app.command("check")
def control_check(
    name: Annotated[
        str | None, typer.Option("--name", help="The map series to check against (needed when several are stored).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Check every stored capture, advance and withdrawal against a control map series and store the verdicts."""
    from .control import check_claims

    try:
        with open_store(settings_with(db=db), create=False) as store:
            summary = check_claims(store, name=name)
    except SitrepError as e:
        raise fail(e) from e
    for line in _summary_lines(summary):
        typer.echo(line)


class SourcesFormat(StrEnum):
    table = "table"
    json = "json"
    md = "md"


@app.command()
def sources(
    format: Annotated[SourcesFormat, typer.Option("--format", "-f", help="table, json or md.")] = SourcesFormat.table,
    limit: Annotated[int | None, typer.Option("--limit", "-n", help="Show at most N sources.")] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="Only outlets, persons, organisations, claimants or sides.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Track records of every outlet, named claimant and side: corroborated, contradicted, map-checked, forecasts.

    Counts always come with their denominators; fewer than 5 claims with an outcome is
    "too few to judge". Map consistency is not truth: maps lag and err (docs/control.md).
    """
    from .report.track_records import HEADER, as_json, as_markdown, rows
    from .track import source_track_records

    records = query(db, source_track_records)
    if kind:
        records = [r for r in records if r.kind == kind.rstrip("s")]
    records = records[:limit] if limit is not None else records
    if format is SourcesFormat.json:
        typer.echo(_json(as_json(records)))
        return
    if format is SourcesFormat.md:
        typer.echo(as_markdown(records), nl=False)
        return
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(*HEADER, box=None, pad_edge=False)
        for line in rows(records):
            table.add_row(*line)
        Console().print(table)
    else:
        typer.echo("\t".join(HEADER))
        for line in rows(records):
            typer.echo("\t".join(line))
    typer.echo(f"{len(records)} sources", err=True)



# --- the web application and exports (sitrep.web, sitrep.export) --------------------------------


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; 127.0.0.1 keeps it to this machine.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8765,
) -> None:
    """Serve the map, timeline, claims, forecasts, stories and articles in a browser (read-only)."""
    from .web import serve as run

    settings = settings_with(db=db)

    def ready(address: str) -> None:
        typer.echo(f"sitrep: serving {settings.db_url} read-only at {address} (Ctrl-C stops)")
        if host not in ("127.0.0.1", "localhost", "::1"):
            typer.echo(f"warning: {host} is reachable from other machines; the store is readable by anyone who can reach it", err=True)

    try:
        run(settings.db_url, host=host, port=port, ready=ready)
    except SitrepError as e:
        raise fail(e) from e


class ExportFormat(StrEnum):
    geojson = "geojson"
    csv = "csv"
    acled = "acled"
    jsonl = "jsonl"


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="What to write.")],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="File to write (default: standard output).")
    ] = None,
    place: PlaceOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    event_type: Annotated[
        list[str] | None, typer.Option("--type", help="Only this event type (repeat for several).")
    ] = None,
    side: Annotated[list[str] | None, typer.Option("--side", help="Only this side: RU or UA (repeatable).")] = None,
    outlet: Annotated[list[str] | None, typer.Option("--outlet", help="Only this outlet (repeatable).")] = None,
    status: Annotated[
        list[str] | None,
        typer.Option("--status", help="Only this status: reported, claimed, denied, forecast (repeatable)."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Export the facts as GeoJSON, CSV, ACLED-style CSV, or the records as JSONL (see docs/web.md)."""
    from . import export as exports
    from .views import Filters

    def run(store: Store) -> exports.ExportSummary:
        params = {
            "since": [since] if since else [],
            "until": [until] if until else [],
            "type": event_type or [],
            "side": side or [],
            "outlet": outlet or [],
            "status": status or [],
            "place": situation.select_place(store, place).keys if place else [],
        }
        filters = Filters.from_params(params)
        if out is None:
            return exports.write_export(store, format.value, filters, sys.stdout)
        with out.open("w", encoding="utf-8", newline="") as handle:
            return exports.write_export(store, format.value, filters, handle)

    summary = query(db, run)
    missing = f"; {summary.without_coordinates} without a position left out" if summary.without_coordinates else ""
    where = f" to {out}" if out else ""
    typer.echo(f"{summary.rows} {format.value} rows written{where}{missing}", err=True)
