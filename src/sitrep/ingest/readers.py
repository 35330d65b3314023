"""Reading any input: which reader a file needs, and the stream of Articles and Rejections for many inputs.

The format comes from the file's suffix, checked against the start of its content:

====================  ==========================================================
suffix                read as
====================  ==========================================================
.txt .md              text, unless the file *starts* with an HTML page, a feed or
                      a WARC header (a page saved as .txt is still a page); a text
                      that merely mentions "<rss" further in stays text
.html .htm            HTML
.xml .rss .atom       RSS/Atom feed (an XML file that is not a feed: E107)
.jsonl                JSON Lines
.warc .warc.gz        WARC
no suffix             what its start shows (HTML, feed, WARC), else text
anything else         what its start shows, else rejected (E111)
====================  ==========================================================

Nothing here raises for one bad input: every problem is a Rejection naming the file (and
line, entry or record), and reading goes on with the next input.

    >>> for item in read_inputs(["news/", "feeds/*.xml"], settings=Settings()):  # doctest: +SKIP
    ...     print(item.origin)
"""

from __future__ import annotations

import codecs
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import InputError, Messages
from .article import Article, Rejection, Skipped
from .feeds import read_feed
from .fields import rejection
from .files import check_name, open_regular
from .html import read_html
from .jsonl import read_jsonl
from .paths import expand_paths, load_sidecar, sidecar_of
from .text import read_text
from .warc import GZIP_MAGIC, read_warc

Reader = Callable[..., Iterator[Article | Rejection | Skipped]]

#: Reader of each format, by the name that `Article.format` records.
READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "feed": read_feed,
    "warc": read_warc,
}
#: Format of each known suffix (compound ones first, as they are matched by the end of the name).
SUFFIXES: dict[str, str] = {
    ".warc.gz": "warc",
    ".warc": "warc",
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
#: Formats whose file is one article, so that a sidecar line can describe it.
SINGLE_ARTICLE = frozenset({"text", "html"})
#: How much of a file is looked at to recognise its format.
HEAD_BYTES = 2048
#: Root elements of the three feed formats (RSS 2.0, Atom 1.0, RSS 1.0/RDF).
FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")


def sniff(head: bytes) -> str | None:
    """The format the first bytes of a file show ("warc", "html", "feed"), or None for none of them."""
    if head.startswith(GZIP_MAGIC):
        try:  # the first gzip member of a .warc.gz starts with the first record's header
            start = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return None
        return "warc" if start.startswith(b"WARC/") else None
    if head.startswith(b"WARC/"):
        return "warc"
    start = head.removeprefix(codecs.BOM_UTF8).lstrip().lower()
    if start.startswith(b"<?xml"):
        if any(root in start for root in FEED_ROOTS):
            return "feed"
        return "html" if b"<html" in start else None
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    if start.startswith(FEED_ROOTS):
        return "feed"
    return None


def format_of(path: Path, head: bytes) -> str | None:
    """The format to read `path` as, from its suffix and first bytes; None when unsupported."""
    name = path.name.lower()
    by_suffix = next((fmt for suffix, fmt in SUFFIXES.items() if name.endswith(suffix)), None)
    sniffed = sniff(head)
    if by_suffix == "text":
        return sniffed or "text"
    if by_suffix is not None:
        return by_suffix
    if sniffed is not None:
        return sniffed
    return "text" if not path.suffix else None


def read_path(path: Path, *, max_bytes: int) -> Iterator[Article | Rejection | Skipped]:
    """The Articles (and Rejections) in one file, by the reader its format needs.

    Only a regular file with a UTF-8 name is read (E119, E122). An unexpected error inside a
    reader ends that file with a Rejection E126 naming it; what it yielded before is kept.
    """
    where = str(path)
    try:
        check_name(path)
        with open_regular(path, where=where) as stream:
            head = stream.read(HEAD_BYTES)
    except InputError as e:
        yield rejection(e)
        return
    except OSError as e:
        yield rejection(InputError(Messages.E116, where=where, detail=e.strerror or type(e).__name__))
        return
    if not head.strip():
        yield rejection(InputError(Messages.E101, where=where))
        return
    fmt = format_of(path, head)
    if fmt is None:
        suffix = "".join(path.suffixes[-2:]) if path.name.lower().endswith(".gz") else path.suffix
        yield rejection(InputError(Messages.E111, where=where, detail=suffix))
        return
    try:
        yield from READERS[fmt](path, max_bytes=max_bytes)
    except Exception as e:  # isolation (RecursionError, MemoryError too): one bad file never stops a batch
        yield rejection(InputError(Messages.E126, where=where, detail=f"{type(e).__name__}: {e}"[:300]))


def read_inputs(
    specs: Sequence[str],
    *,
    settings: Settings | None = None,
    on_file: Callable[[int, int, Path], None] | None = None,
) -> Iterator[Article | Rejection | Skipped]:
    """Every article in the files, directories and globs of `specs`, and a Rejection for each bad input
    (and a `Skipped` counting the records of an archive that are not articles).

    Articles come in the order of `specs` (a directory's files sorted by path), as a stream:
    a large JSONL or WARC is never held in memory. A text or HTML file described by a
    metadata sidecar (see `sitrep.ingest.paths`) gets the sidecar's title, url, outlet,
    published and lang; a sidecar's broken lines are rejected once. `on_file(i, n, path)`
    is called before the i-th of n files is read (for a progress bar).
    """
    settings = settings or Settings.from_env()
    max_bytes = settings.max_bytes
    sidecars: dict[Path, dict[str, dict[str, Any]]] = {}
    expanded = expand_paths(specs)
    files = sum(1 for item in expanded if isinstance(item, Path))
    done = 0
    for item in expanded:
        if isinstance(item, Rejection):
            yield item
            continue
        done += 1
        if on_file is not None:
            on_file(done, files, item)
        metadata: dict[str, dict[str, Any]] | None = None
        for result in read_path(item, max_bytes=max_bytes):
            if isinstance(result, Article) and result.format in SINGLE_ARTICLE:
                if metadata is None:
                    metadata, problems = _sidecar_metadata(item.parent, sidecars, max_bytes=max_bytes)
                    yield from problems
                fields = metadata.get(item.stem) or metadata.get(item.name)
                if fields:
                    result = replace(result, **fields)
            yield result


def _sidecar_metadata(
    directory: Path, cache: dict[Path, dict[str, dict[str, Any]]], *, max_bytes: int
) -> tuple[dict[str, dict[str, Any]], list[Rejection]]:
    """The sidecar metadata of `directory`, loaded (and its problems reported) on first use only."""
    key = directory.resolve()
    if key in cache:
        return cache[key], []
    sidecar = sidecar_of(directory)
    metadata, problems = load_sidecar(sidecar, max_bytes=max_bytes) if sidecar else ({}, [])
    cache[key] = metadata
    return metadata, problems
