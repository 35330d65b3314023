"""Web archives (WARC, plain or gzipped): each archived HTML page an article, by warcio.

Every `response` record with a 2xx status and an HTML payload (and every `resource` record
holding HTML) is read by the HTML reader (`article_from_html`): the url is the record's
WARC-Target-URI unless the page names its canonical one, and the date the page's own
publication date, else the capture date (WARC-Date). Other records (requests, metadata,
images, scripts, redirects, error pages) are not articles and are passed over, and counted:
one `Skipped` per archive says how many of each kind there were. Records are
named ``crawl.warc.gz#record-7`` (counting every record from 1, in file order).

A file that does not begin with a WARC header, a record cut short, or a stream that breaks
part-way is rejected with E108 naming the record; the articles before it are kept. The size
limit applies to each page, not to the archive.

    >>> articles = list(read_warc(Path("crawl.warc.gz"), max_bytes=20_000_000))  # doctest: +SKIP
"""

from __future__ import annotations

import io
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputError, Messages
from .article import Article, Rejection, Skipped
from .fields import EARLIEST, LATEST, rejection
from .files import open_regular
from .html import article_from_html

#: Payload types read as web pages.
HTML_TYPES = ("text/html", "application/xhtml+xml")
#: What a broken archive raises from warcio, gzip/zlib or the file system.
BROKEN = (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError)
#: What warcio's record parser raises on a header it can't read (a response without a target
#: URI: AttributeError on None), besides the errors of a broken stream.
MALFORMED = (AttributeError, TypeError, KeyError, IndexError)
GZIP_MAGIC = b"\x1f\x8b"
#: zlib's window bits for a gzip header and trailer.
GZIP_WBITS = 16 + zlib.MAX_WBITS
#: Compressed bytes read at a time.
RAW_CHUNK = 1 << 16


def read_warc(path: Path, *, max_bytes: int) -> Iterator[Article | Rejection | Skipped]:
    """Every HTML page archived in a WARC file as an article; Rejections for what can't be read."""
    where = str(path)
    try:
        raw = open_regular(path, where=where)
    except InputError as e:
        yield rejection(e)
        return
    with raw:
        gzipped = raw.peek(2)[:2] == GZIP_MAGIC
        # Our own inflater rather than warcio's or Python's gzip: warcio takes an EOFError for
        # the end of the archive, and GzipFile drops the data it inflated in the read that met
        # the damage, so a cut-short .warc.gz lost pages without a word (issue 15).
        members = GzipMembers(raw) if gzipped else None
        source = io.BufferedReader(members) if members is not None else raw
        try:
            check_signature(source, where=where, damage=lambda: members.damage if members else None)
        except InputError as e:
            yield rejection(e)
            return
        yield from _read_records(source, where=where, max_bytes=max_bytes, members=members)


def check_signature(
    stream: io.BufferedReader[Any], *, where: str, damage: Callable[[], str | None] = lambda: None
) -> None:
    """InputError E101/E108 unless `stream` starts with "WARC/" (peeked at, not consumed)."""
    try:
        start = stream.peek(5)[:5]
    except BROKEN as e:
        raise InputError(Messages.E108, where=where, detail=f"{type(e).__name__}: {e}") from e
    if not start and (why := damage()):
        raise InputError(Messages.E108, where=where, detail=why)
    if not start:
        raise InputError(Messages.E101, where=where)
    if start != b"WARC/":
        detail = f"it starts with {start!r}, not a 'WARC/1.x' header"
        raise InputError(Messages.E108, where=where, detail=detail)


class GzipMembers(io.RawIOBase):
    """The inflated content of a gzip file of many members (a .warc.gz has one per record).

    It reads as far as the data is sound and then ends like a file, keeping in `damage` why
    it ended early (a member cut short, corrupt data), so that every complete record before
    the damage is read and the damage is reported, never taken for the end of the archive.
    """

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.damage: str | None = None
        self._inflater = zlib.decompressobj(GZIP_WBITS)
        self._input = b""
        self._in_member = False
        self._ended = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._inflate(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def _inflate(self, size: int) -> bytes:
        while not self._ended:
            if not self._input:
                self._input = self.raw.read(RAW_CHUNK)
                if not self._input:
                    if self._in_member:
                        self.damage = "the archive ends inside a record's gzip member: the file was cut short"
                    self._ended = True
                    break
            if not self._in_member and not self._input.strip(b"\x00"):
                self._input = b""  # zero padding after the last member, as some writers leave
                continue
            try:
                out = self._inflater.decompress(self._input, size)
            except zlib.error as e:
                self.damage = f"corrupt gzip data ({e})"
                self._ended = True
                break
            self._in_member = True
            self._input = self._inflater.unconsumed_tail
            if self._inflater.eof:  # the next member starts in what this one left over
                # (unconsumed_tail may hold the same bytes again: after the end only unused_data counts)
                self._input = self._inflater.unused_data
                self._inflater = zlib.decompressobj(GZIP_WBITS)
                self._in_member = False
            if out:
                return out
        return b""


def _read_records(
    stream: BinaryIO, *, where: str, max_bytes: int, members: GzipMembers | None = None
) -> Iterator[Article | Rejection | Skipped]:
    number = pages = 0
    passed_over: Counter[str] = Counter()
    records = iter(ArchiveIterator(stream))
    while True:
        origin = f"{where}#record-{number + 1}"
        try:
            try:
                record = next(records, None)
            except MALFORMED as e:  # warcio's parser on a header it can't make sense of
                raise ValueError(f"a malformed record header ({type(e).__name__}: {e})") from e
            if record is None:
                break
            number += 1
            page = _page_of(record, origin=origin, max_bytes=max_bytes)
        except BROKEN as e:
            damage = f" ({members.damage})" if members is not None and members.damage else ""
            detail = f"{type(e).__name__}: {e}{damage}; {pages} page(s) before it were read"
            yield rejection(InputError(Messages.E108, where=origin, detail=detail))
            yield from _skipped(where, passed_over)
            return
        except InputError as e:
            pages += 1
            yield rejection(e)
            continue
        if isinstance(page, str):
            passed_over[page] += 1
            continue
        pages += 1
        try:
            yield article_from_html(
                page.payload,
                origin=origin,
                url=page.url,
                published=page.captured,
                format="warc",
                input_id=page.record_id,
            )
        except InputError as e:
            yield rejection(e)
    if members is not None and members.damage:
        detail = f"{members.damage}; the {number} record(s) before it were read, {pages} of them pages"
        yield rejection(InputError(Messages.E108, where=f"{where}#record-{number + 1}", detail=detail))
        yield from _skipped(where, passed_over)
        return
    yield from _skipped(where, passed_over)
    if not pages:
        detail = f"no HTML page among its {number} record(s)"
        yield rejection(InputError(Messages.E108, where=where, detail=detail))


def _skipped(where: str, reasons: Counter[str]) -> Iterator[Skipped]:
    if reasons:
        yield Skipped(origin=where, reasons=tuple(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))))


class _Page(NamedTuple):
    payload: bytes
    url: str | None
    captured: date | None
    record_id: str | None


def _page_of(record: Any, *, origin: str, max_bytes: int) -> _Page | str:
    """The HTML page a record archives, else what it archives instead ("request", "status 404",
    "image/png"); InputError when too big."""
    headers = record.rec_headers
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return f"status {status[:3] or '?'}"  # redirects carry no page; 4xx/5xx pages are error pages
        content_type = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = headers.get_header("Content-Type") or ""
    else:
        return str(record.rec_type or "record")  # warcinfo, request, metadata, revisit…
    if not content_type.lower().lstrip().startswith(HTML_TYPES):
        return content_type.split(";")[0].strip().lower() or "no content type"
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        raise InputError(Messages.E110, where=origin, size=record.length, limit=max_bytes)
    if getattr(record.raw_stream, "limit", 0) > 0:  # warcio's LimitReader: bytes declared but never read
        missing = record.raw_stream.limit
        raise ValueError(f"the record is cut short: {missing} of its {record.length} bytes are missing")
    url, record_id = headers.get_header("WARC-Target-URI"), headers.get_header("WARC-Record-ID")
    return _Page(payload, url, _capture_date(headers), record_id)


def _capture_date(headers: Any) -> date | None:
    value = headers.get_header("WARC-Date")
    try:
        captured = datetime.fromisoformat(value).date() if value else None
    except ValueError:
        return None  # a malformed capture date only loses the fallback date, not the page
    return captured if captured is None or EARLIEST <= captured <= LATEST else None
