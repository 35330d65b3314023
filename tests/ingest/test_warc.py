"""WARC archives built in the test with warcio: HTML responses become articles; broken archives rejected."""

from __future__ import annotations

import gzip
import io
from datetime import date

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.ingest.article import Article, Rejection, Skipped
from sitrep.ingest.warc import read_warc

DATED_PAGE = b"""<html><head><title>Strike on Odesa port</title>
<meta property="article:published_time" content="2025-11-02T07:00:00Z"></head>
<body><article><p>Russian missiles struck grain silos in Odesa port overnight, the regional governor said.</p>
</article></body></html>"""
UNDATED_PAGE = b"""<html><head><title>Front line near Huliaipole</title></head>
<body><article><p>Ukrainian units pulled back from two villages near Huliaipole, the general staff said.</p>
</article></body></html>"""
CAPTURED = "2025-11-06T12:00:00Z"


def build_warc(records: list[tuple[str, str, bytes, str | None, str]], *, gzipped: bool = True) -> bytes:
    """A WARC holding (type, uri, payload, content type, HTTP status) records, with a fixed capture date."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    for rec_type, uri, payload, content_type, status in records:
        http = None
        if rec_type == "response":
            http = StatusAndHeaders(status, [("Content-Type", content_type or "")], protocol="HTTP/1.1")
        headers = {"WARC-Date": CAPTURED}
        if rec_type == "resource" and content_type:
            headers["Content-Type"] = content_type
        record = writer.create_warc_record(
            uri, rec_type, payload=io.BytesIO(payload), http_headers=http, warc_headers_dict=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


CRAWL = [
    ("response", "https://port.example/odesa", DATED_PAGE, "text/html; charset=utf-8", "200 OK"),
    ("response", "https://port.example/logo.png", b"\x89PNG\r\n\x1a\n", "image/png", "200 OK"),
    ("response", "https://port.example/old", b"", "text/html", "301 Moved Permanently"),
    (
        "response",
        "https://port.example/missing",
        b"<html><body><p>Not found</p></body></html>",
        "text/html",
        "404 Not Found",
    ),
    ("resource", "https://front.example/huliaipole", UNDATED_PAGE, "text/html", ""),
    ("response", "https://port.example/empty", b"<html><body></body></html>", "text/html", "200 OK"),
]


@pytest.mark.parametrize("name,gzipped", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_html_records_become_articles(tmp_path, name, gzipped):
    path = tmp_path / name
    path.write_bytes(build_warc(CRAWL, gzipped=gzipped))
    results = list(read_warc(path, max_bytes=1_000_000))
    assert [(type(r).__name__, r.origin) for r in results] == [
        ("Article", f"{path}#record-1"),
        ("Article", f"{path}#record-5"),
        ("Rejection", f"{path}#record-6"),
        ("Skipped", str(path)),
    ]
    odesa, huliaipole, empty, skipped = results
    assert skipped.reasons == (("image/png", 1), ("status 301", 1), ("status 404", 1))
    assert skipped.describe() == "3 records that are not article pages (1 image/png, 1 status 301, 1 status 404)"
    assert "grain silos in Odesa port" in odesa.text
    assert (odesa.url, odesa.published, odesa.format) == (
        "https://port.example/odesa",
        date(2025, 11, 2),
        "warc",
    )
    assert odesa.input_id and odesa.input_id.startswith("<urn:uuid:")
    assert (huliaipole.url, huliaipole.published) == ("https://front.example/huliaipole", date(2025, 11, 6))
    assert empty.code == "E104"


def corrupt(data: bytes) -> bytes:
    """The archive with bytes flipped in the middle of its compressed stream."""
    middle = len(data) // 2
    return data[:middle] + bytes(b ^ 0x5A for b in data[middle : middle + 40]) + data[middle + 40 :]


TWO_PAGES = build_warc(
    [
        ("response", "https://port.example/odesa", DATED_PAGE, "text/html", "200 OK"),
        ("response", "https://front.example/huliaipole", UNDATED_PAGE * 20, "text/html", "200 OK"),
    ]
)


@pytest.mark.parametrize(
    "data,code",
    [
        (b"", "E101"),
        (b"This is a note about a crawl, not a crawl.\n", "E108"),
        (gzip.compress(b"Not a WARC either, only gzipped.\n"), "E108"),
        (b"\x1f\x8b\x08\x00garbage that is not deflate data", "E108"),
        (TWO_PAGES[: len(TWO_PAGES) - 300], "E108"),
        (corrupt(TWO_PAGES), "E108"),
        (build_warc([("response", "https://x.example/a.css", b"p{}", "text/css", "200 OK")]), "E108"),
    ],
)
def test_rejects_broken_archives(tmp_path, data, code):
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(data)
    results = list(read_warc(path, max_bytes=1_000_000))
    rejections = [r for r in results if isinstance(r, Rejection)]
    assert [r.code for r in rejections] == [code]
    assert rejections[0].origin.startswith(str(path))
    assert all(isinstance(r, Article | Skipped) for r in results[: results.index(rejections[0])])


def test_page_over_the_size_limit_is_rejected_alone(tmp_path):
    path = tmp_path / "two.warc.gz"
    path.write_bytes(TWO_PAGES)
    results = list(read_warc(path, max_bytes=2000))
    assert [getattr(r, "code", "article") for r in results] == ["article", "E110"]
    assert results[1].origin == f"{path}#record-2"


def cut(data: bytes, count: int) -> bytes:
    return data[: len(data) - count]


PAGES = [
    ("response", f"https://front.example/{n}", DATED_PAGE.replace(b"Odesa port", f"Odesa port, report {n}".encode()), "text/html", "200 OK")
    for n in range(1, 11)
]


@pytest.mark.parametrize("pages,cut_bytes", [(10, 200), (2, 200), (2, 60), (2, 10), (1, 30)])
def test_a_cut_short_archive_keeps_every_complete_page_and_reports_the_rest(tmp_path, pages, cut_bytes):
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(cut(build_warc(PAGES[:pages]), cut_bytes))
    results = list(read_warc(path, max_bytes=1_000_000))
    articles = [r for r in results if isinstance(r, Article)]
    rejections = [r for r in results if isinstance(r, Rejection)]
    assert len(rejections) == 1 and rejections[0].code == "E108"  # the damaged part, never silence
    assert "cut short" in rejections[0].reason
    damaged = int(rejections[0].origin.rsplit("-", 1)[1])
    assert len(articles) == damaged - 1 >= pages - 1  # every record before the damage is kept
    assert len({a.text for a in articles}) == len(articles)
