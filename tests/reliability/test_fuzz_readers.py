"""Property-based tests of every reader with generated hostile input: nothing escapes as an exception.

Each reader is given files built by hypothesis: random bytes, and well-formed inputs with
hostile parts (control characters, stray bytes, odd dates, deep nesting, cut-off ends,
flipped bits, strange file names). The property is the readers' contract: every input
ends as Articles and Rejections with a code, each naming its input on one line, and never
as E126 (the code `read_path` gives an exception that escaped a reader: a bug).

The example counts add up to `TOTAL` (10,000) inputs per run; SITREP_FUZZ_SCALE multiplies
them (0.1 for a quick local run, 10 for a long hunt). No spaCy here: readers only.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.config import Settings
from sitrep.ingest import Article, Rejection, Skipped, read_inputs, read_path
from sitrep.ingest.fields import EARLIEST, LATEST, LINE_BREAKING

SCALE = float(os.environ.get("SITREP_FUZZ_SCALE", "1"))
#: Generated inputs per reader; their sum is what one run tries.
EXAMPLES = {"text": 4000, "html": 1000, "jsonl": 2000, "feed": 1000, "warc": 1000, "paths": 1000}
TOTAL = sum(EXAMPLES.values())
MAX_BYTES = 200_000


def fuzz(reader: str):  # type: ignore[no-untyped-def]
    return settings(
        max_examples=max(1, int(EXAMPLES[reader] * SCALE)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def read_file(name: str, data: bytes) -> list[Article | Rejection | Skipped]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        return list(read_path(path, max_bytes=MAX_BYTES))


def one_line(value: str) -> bool:
    """No control character, lone surrogate or line separator: safe for one-line output and storing."""
    return not any(unicodedata.category(ch) in LINE_BREAKING for ch in value)


def check(results: list[Article | Rejection | Skipped], *, single: bool = False) -> None:
    """The readers' contract for any input."""
    assert results, "every input gives at least one Article or Rejection"
    if single:
        assert len(results) == 1
    for item in results:
        assert one_line(item.origin), item.origin
        if isinstance(item, Rejection):
            assert item.code.startswith("E1") and item.code != "E126", item
            assert one_line(item.reason), item.reason
        elif isinstance(item, Skipped):  # records of an archive passed over, counted
            assert item.count > 0
        else:
            assert any(ch.isalpha() for ch in item.text)
            assert item.published is None or EARLIEST <= item.published <= LATEST
            item.text.encode("utf-8")  # storable: no lone surrogates


# --- building blocks of hostile text -------------------------------------------------------

WORDS = ["Pokrovsk", "drones", "struck", "Kharkiv", "ministry", "said", "«Бахмут»", "Київ", "", "&amp;", "<", ">"]
HOSTILE = ["\x00", "\x0b", "\x1b[31m", "\u202e", "\ufeff", "\ud7ff", "\U0001f4a5", "\r", "\r\n", "\t", "\\", '"', "'"]
text_parts = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(HOSTILE), st.text(max_size=12)), max_size=40)
hostile_text = text_parts.map(" ".join)
dates = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    st.sampled_from(["9999-12-31", "0001-01-01", "2025-02-30", "yesterday", "", "2025-11-03T25:61:00Z", "1e9"]),
    st.text(max_size=20),
)
encodings = st.sampled_from(["utf-8", "utf-16", "cp1251", "cp1252", "latin-1", "utf-8-sig"])


def encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace") if encoding != "utf-8" else text.encode("utf-8", "surrogatepass")


def damaged(data: bytes, cut: int, flips: list[int]) -> bytes:
    """`data` cut `cut` bytes short and with the bytes at `flips` (taken modulo its length) inverted."""
    out = bytearray(data[: max(0, len(data) - cut)])
    for position in flips:
        if out:
            out[position % len(out)] ^= 0xFF
    return bytes(out)


damage = st.tuples(st.integers(0, 400), st.lists(st.integers(0, 10**6), max_size=3))


# --- text ------------------------------------------------------------------------------------


@fuzz("text")
@given(
    st.one_of(
        st.binary(max_size=3000),
        st.tuples(hostile_text, encodings).map(lambda te: encoded(*te)),
        st.tuples(hostile_text, st.binary(max_size=20)).map(lambda tb: tb[0].encode("utf-8", "surrogatepass") + tb[1]),
    ),
    st.sampled_from(["a.txt", "b.md", "noext"]),
)
def test_text_reader(data, name):
    check(read_file(name, data), single=True)


# --- html ------------------------------------------------------------------------------------

TAGS = ["p", "div", "article", "span", "script", "style", "title", "h1", "br", "time", "a", "table", "td", "svg"]
META_KEYS = ["article:published_time", "datePublished", "date", "og:title", "og:site_name", "description"]


@st.composite
def html_pages(draw: st.DrawFn) -> bytes:
    parts = ["<!DOCTYPE html>" if draw(st.booleans()) else "", f"<html lang='{draw(st.text(max_size=8))}'><head>"]
    for _ in range(draw(st.integers(0, 3))):
        parts.append(f'<meta property="{draw(st.sampled_from(META_KEYS))}" content="{draw(dates)}">')
    if draw(st.booleans()):
        parts.append('<script type="application/ld+json">' + draw(st.text(max_size=60)) + "</script>")
    parts.append(f"<title>{draw(hostile_text)}</title></head><body>")
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(st.sampled_from(TAGS))
        attrs = draw(st.sampled_from(["", ' class="x"', ' datetime="2025-11-03"', " pubdate", ' href="javascript:x"']))
        parts.append(f"<{tag}{attrs}>{draw(hostile_text)}</{tag}>" if draw(st.booleans()) else f"<{tag}{attrs}>")
    depth = draw(st.integers(0, 300))  # past libxml2's 256 levels
    parts.append("<div>" * depth + "Deep text about Kupiansk." + "</div>" * draw(st.integers(0, depth)))
    parts.append("</body></html>")
    page = encoded("".join(parts), draw(encodings))
    return damaged(page, *draw(damage)) if draw(st.booleans()) else page


@fuzz("html")
@given(st.one_of(html_pages(), st.binary(max_size=2000).map(lambda b: b"<html><body><p>" + b)))
def test_html_reader(data):
    check(read_file("page.html", data), single=True)


# --- jsonl -----------------------------------------------------------------------------------

json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), hostile_text)
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=20)
article_objects = st.fixed_dictionaries(
    {},
    optional={
        "text": st.one_of(hostile_text, json_values),
        "title": st.one_of(hostile_text, json_values),
        "url": st.one_of(hostile_text, json_values),
        "published": st.one_of(dates, json_values),
        "lang": st.one_of(st.sampled_from(["en", "uk", "en-GB", "xx_YY_ZZ", ""]), json_values),
        "id": json_values,
        "outlet": hostile_text,
    },
)


@st.composite
def jsonl_lines(draw: st.DrawFn) -> bytes:
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.integers(0, 4))
        if kind == 0:
            lines.append(json.dumps(draw(article_objects), ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass"))
        elif kind == 1:
            lines.append(json.dumps(draw(json_values)).encode("utf-8", "surrogatepass"))
        elif kind == 2:
            depth = draw(st.integers(500, 100_000))
            lines.append(b'{"text": ' + b"[" * depth + b"]" * draw(st.integers(0, depth)) + b"}")
        elif kind == 3:
            lines.append(draw(st.binary(max_size=200)))
        else:
            lines.append(json.dumps(draw(article_objects)).encode()[: draw(st.integers(0, 40))])
    separator = draw(st.sampled_from([b"\n", b"\r\n", b"\n\n"]))
    return separator.join(lines)


@fuzz("jsonl")
@given(jsonl_lines())
def test_jsonl_reader(data):
    check(read_file("bulk.jsonl", data))


# --- feeds -----------------------------------------------------------------------------------


@st.composite
def feeds(draw: st.DrawFn) -> bytes:
    def esc(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;") if draw(st.booleans()) else text

    entries = []
    atom = draw(st.booleans())
    for _ in range(draw(st.integers(0, 5))):
        title, body, when = esc(draw(hostile_text)), esc(draw(hostile_text)), draw(dates)
        if atom:
            entries.append(f"<entry><title>{title}</title><updated>{when}</updated><content type='html'>{body}</content></entry>")
        else:
            entries.append(f"<item><title>{title}</title><pubDate>{when}</pubDate><description>{body}</description></item>")
    lang = esc(draw(st.text(max_size=6)))
    if atom:
        xml = f"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom' xml:lang='{lang}'><title>{esc(draw(hostile_text))}</title>{''.join(entries)}</feed>"
    else:
        xml = f"<?xml version='1.0'?><rss version='2.0'><channel><title>x</title><language>{lang}</language>{''.join(entries)}</channel></rss>"
    data = encoded(xml, draw(encodings))
    return damaged(data, *draw(damage)) if draw(st.booleans()) else data


@fuzz("feed")
@given(st.one_of(feeds(), st.binary(max_size=1500).map(lambda b: b"<rss version='2.0'><channel>" + b)))
def test_feed_reader(data):
    check(read_file("feed.xml", data), single=False)


# --- warc ------------------------------------------------------------------------------------

RECORD_KINDS = ["response", "resource", "metadata"]
CONTENT_TYPES = ["text/html", "text/html; charset=utf-8", "application/xhtml+xml", "image/png", "", "text/plain"]
STATUSES = ["200 OK", "301 Moved Permanently", "404 Not Found", "500 Server Error", "999 Odd"]


@st.composite
def warcs(draw: st.DrawFn) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=draw(st.booleans()))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(RECORD_KINDS))
        content_type = draw(st.sampled_from(CONTENT_TYPES))
        payload = draw(st.one_of(html_pages(), st.binary(max_size=300)))
        http = None
        if kind == "response":
            http = StatusAndHeaders(draw(st.sampled_from(STATUSES)), [("Content-Type", content_type)], protocol="HTTP/1.1")
        headers = {"WARC-Date": draw(dates).replace("\n", " ") or "2025-11-06T12:00:00Z"}
        if kind == "resource":
            headers["Content-Type"] = content_type
        record = writer.create_warc_record(
            "https://front.example/" + draw(st.text("abc/?%", max_size=10)), kind,
            payload=io.BytesIO(payload), http_headers=http, warc_headers_dict=headers,
        )
        writer.write_record(record)
    data = buffer.getvalue()
    return damaged(data, *draw(damage)) if draw(st.booleans()) else data


@fuzz("warc")
@given(st.one_of(warcs(), st.binary(max_size=500).map(lambda b: b"\x1f\x8b\x08\x00" + b), st.binary(max_size=500).map(lambda b: b"WARC/1.0\r\n" + b)))
def test_warc_reader(data):
    check(read_file("crawl.warc.gz", data))


# --- paths -----------------------------------------------------------------------------------

name_bytes = st.one_of(
    st.binary(min_size=1, max_size=30).filter(lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b"..")),
    st.sampled_from([b"new\nline.txt", b"caf\xe9.txt", b".hidden.txt", b"README.md", b"meta.jsonl", b"x.warc.gz", b"-rf.txt", b"a b.html"]),
)


@fuzz("paths")
@given(st.lists(st.tuples(name_bytes, st.binary(max_size=200)), max_size=6, unique_by=lambda nb: nb[0]), st.booleans())
def test_paths_and_names(files, as_glob):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "in"
        root.mkdir()
        for name, data in files:
            try:
                (root / os.fsdecode(name)).write_bytes(data)
            except OSError:  # a name the file system refuses (too long): not an input
                continue
        spec = str(root / "*") if as_glob else str(root)
        results = list(read_inputs([spec], settings=Settings(max_bytes=MAX_BYTES)))
    check(results)


def test_the_runs_add_up_to_ten_thousand_inputs():
    assert TOTAL >= 10_000
    assert set(EXAMPLES) == {"text", "html", "jsonl", "feed", "warc", "paths"}


pytestmark = pytest.mark.fuzz
