"""Full-text search over article titles and texts: FTS5 on SQLite, tsvector on PostgreSQL.

Both rank the newest `SEARCH_WINDOW` matching articles so that a higher `Hit.rank` is a better
match (SQLite: minus FTS5's bm25, the title weighted twice the text; PostgreSQL: ts_rank over a
title-A/text-B tsvector) and both return a snippet of the text around the matches, the matched
words between `mark` strings.

    >>> fts5_query("Jaeger Brigade")
    '"Jaeger" "Brigade"'
    >>> fts5_query('"Jaeger Brigade" OR Pokrovsk')
    '"Jaeger Brigade" OR Pokrovsk'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from ..errors import ConfigError, Messages, StoreError

#: FTS5 query syntax that a user typed on purpose (https://sqlite.org/fts5.html, section 3).
FTS5_SYNTAX = re.compile(r'"|\*|\^|\b(?:AND|OR|NOT)\b|\bNEAR\(')

#: What SQLite's FTS5 and PostgreSQL say about a malformed query (anything else is a database error).
QUERY_ERRORS = re.compile(r"fts5|tsquery|unterminated string|syntax error|no such column|unknown special")

#: Words of text around the matches in a snippet.
SNIPPET_TOKENS = 24


@dataclass(frozen=True)
class Hit:
    """One article found by a search, best first."""

    id: str
    title: str | None
    rank: float
    snippet: str


def fts5_query(query: str) -> str:
    """The FTS5 MATCH expression for what a user typed.

    Plain words are each quoted, so that "68th-brigade" or "Kostiantynivka:" can't be read as
    FTS5 operators or column filters; a query with quotes, AND/OR/NOT, NEAR( or * is passed on
    as FTS5 syntax.
    """
    if FTS5_SYNTAX.search(query):
        return query
    return " ".join('"' + word.replace('"', '""') + '"' for word in query.split())


#: How many of the newest matches are ranked. Ranking every match costs time in proportion
#: to how common the words are (800 ms for "Zelensky", 44,000 matches, on a 100,000-article
#: store); ranking the newest 1,000 costs a few milliseconds whatever the store's size.
SEARCH_WINDOW = 1000

#: The newest `window` matches, in rowid order (FTS5 walks its doclists newest first and stops),
#: ranked by bm25; ids, titles and snippets are read for the returned page only. With the snippet
#: or the article's columns in the ranking query, SQLite reads them for every match.
SQLITE_SEARCH = text(
    """
    WITH newest AS (
        SELECT rowid AS pk, bm25(articles_fts, 2.0, 1.0) AS score
        FROM articles_fts
        WHERE articles_fts MATCH :query
        ORDER BY rowid DESC
        LIMIT :window
    ),
    ranked AS (SELECT pk, score FROM newest ORDER BY score, pk DESC LIMIT :limit)
    SELECT a.id, a.title, -r.score AS rank,
           snippet(articles_fts, 1, :open, :close, '…', :tokens) AS snippet
    FROM ranked AS r
    JOIN articles_fts ON articles_fts.rowid = r.pk
    JOIN articles AS a ON a.pk = r.pk
    WHERE articles_fts MATCH :query
    ORDER BY r.score, r.pk DESC
    """
)

#: The same on PostgreSQL: the newest `window` matches by primary key, ranked by ts_rank; the
#: headline (ts_headline re-parses the whole text) for the returned page only.
PG_SEARCH = text(
    """
    WITH q AS (SELECT websearch_to_tsquery('english', :query) AS query),
    newest AS (
        SELECT a.pk
        FROM articles AS a, q
        WHERE a.search @@ q.query
        ORDER BY a.pk DESC
        LIMIT :window
    ),
    ranked AS (
        SELECT a.pk, ts_rank(a.search, q.query) AS rank
        FROM newest AS n JOIN articles AS a ON a.pk = n.pk, q
        ORDER BY rank DESC, a.pk DESC
        LIMIT :limit
    )
    SELECT a.id, a.title, r.rank,
           ts_headline('english', a.text, q.query, :options) AS snippet
    FROM ranked AS r JOIN articles AS a ON a.pk = r.pk, q
    ORDER BY r.rank DESC, r.pk DESC
    """
)


def search(
    connection: Connection,
    query: str,
    *,
    limit: int = 10,
    mark: tuple[str, str] = ("[", "]"),
    window: int | None = SEARCH_WINDOW,
) -> list[Hit]:
    """Articles matching `query`, best first, at most `limit`.

    Only the newest `window` matching articles (in the order they were stored) are ranked, so
    that a common word costs the same on any size of store; `window=None` ranks every match.
    Equal ranks put the newer article first.
    """
    if not query.strip():
        raise StoreError(Messages.E203, query=query, reason="the query is empty")
    newest = None if window is None else max(window, limit)
    dialect = connection.dialect.name
    if dialect == "sqlite":
        statement = SQLITE_SEARCH
        params: dict[str, object] = {
            "query": fts5_query(query),
            "open": mark[0],
            "close": mark[1],
            "tokens": SNIPPET_TOKENS,
            "limit": limit,
            "window": -1 if newest is None else newest,  # LIMIT -1: no limit (SQLite)
        }
    elif dialect == "postgresql":
        statement = PG_SEARCH
        options = (
            f'StartSel="{mark[0]}", StopSel="{mark[1]}", MaxWords={SNIPPET_TOKENS}, MinWords=10, '
            'MaxFragments=2, FragmentDelimiter=" … "'
        )
        params = {"query": query, "options": options, "limit": limit, "window": newest}  # LIMIT NULL: no limit
    else:
        raise ConfigError(Messages.E206, dialect=dialect)
    try:
        rows = connection.execute(statement, params).all()
    except DBAPIError as e:
        # A query the user typed as FTS5 syntax can be malformed ("fts5: syntax error near ...").
        reason = str(e.orig).strip().splitlines()[0] if e.orig is not None else str(e)
        if QUERY_ERRORS.search(reason):
            raise StoreError(Messages.E203, query=query, reason=reason) from e
        raise StoreError(Messages.E201, action=f"searching for '{query}'", reason=reason) from e
    return [Hit(id=r.id, title=r.title, rank=float(r.rank), snippet=r.snippet or "") for r in rows]
