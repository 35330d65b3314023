"""Choosing a reader by suffix and content, and read_inputs over a mixed batch with good and bad inputs."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from sitrep.config import Settings
from sitrep.errors import Messages
from sitrep.ingest import Article, read_inputs
from sitrep.ingest.readers import SUFFIXES, format_of, sniff

PAGE = (
    "<!DOCTYPE html><html><head><title>Odesa</title></head>"
    "<body><p>Missiles hit Odesa port overnight.</p></body></html>"
)
RSS = (
    "<?xml version='1.0'?><rss version='2.0'><channel><title>Desk</title>"
    "<item><title>T</title><description>Kyiv was hit.</description></item></channel></rss>"
)


@pytest.mark.parametrize(
    "head,expected",
    [
        (b"WARC/1.1\r\nWARC-Type: warcinfo", "warc"),
        (gzip.compress(b"WARC/1.0\r\nWARC-Type: response"), "warc"),
        (gzip.compress(b"plain gzipped text"), None),
        (b"\xef\xbb\xbf  <!doctype HTML><html>", "html"),
        (b"<html lang='uk'><body>", "html"),
        (b"<?xml version='1.0'?>\n<rss version='2.0'>", "feed"),
        (b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        (b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'>", "feed"),
        (b"<?xml version='1.0'?><note/>", None),
        (b"Ukraine says its <rss> feed was hacked.", None),
        (b'{"text": "Kyiv"}', None),
    ],
)
def test_sniff(head, expected):
    assert sniff(head) == expected


@pytest.mark.parametrize(
    "name,head,expected",
    [
        ("a.txt", b"Troops held the line.", "text"),
        ("a.md", b"# Title", "text"),
        ("saved.txt", PAGE.encode(), "html"),
        ("feed.txt", RSS.encode(), "feed"),
        ("mentions.txt", b"Officials said the <rss> feed was down.", "text"),
        ("a.HTML", b"whatever", "html"),
        ("a.htm", b"", "html"),
        ("a.xml", b"<?xml version='1.0'?><note/>", "feed"),
        ("a.rss", b"", "feed"),
        ("a.atom", b"", "feed"),
        ("a.jsonl", b"{}", "jsonl"),
        ("crawl.warc", b"", "warc"),
        ("crawl.warc.gz", b"", "warc"),
        ("article", b"Troops held the line.", "text"),
        ("page", PAGE.encode(), "html"),
        ("download.php", PAGE.encode(), "html"),
        ("report.pdf", b"%PDF-1.7", None),
        ("data.geojson", b'{"type": "FeatureCollection"}', None),
        ("notes.gz", gzip.compress(b"text"), None),
    ],
)
def test_format_of(name, head, expected):
    assert format_of(Path(name), head) == expected


def write_tree(root: Path, files: dict[str, bytes | str]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else content)


def outcome(results) -> list[tuple[str, str]]:
    """(file name with its line/entry suffix, "article" or the rejection code) for each result."""
    return [(Path(r.origin).name, "article" if isinstance(r, Article) else r.code) for r in results]


def test_mixed_batch(tmp_path):
    write_tree(
        tmp_path / "in",
        {
            "01-kharkiv.txt": "Drones struck Kharkiv overnight, the mayor said.",
            "02-odesa.html": PAGE,
            "03-batch.jsonl": "\n".join(
                [json.dumps({"text": "Shelling in Sumy."}), "{oops", json.dumps({"title": "x"})]
            ),
            "04-desk.rss": RSS,
            "05-empty.txt": "",
            "06-binary.txt": b"\x00\x01\x02\x03\x00\x00",
            "07-legacy.txt": b"Kh\x81\x8drkiv \xc3",
            "08-broken.html": "just words, no markup",
            "09-note.xml": "<?xml version='1.0'?><note>Not a feed.</note>",
            "10-crawl.warc.gz": gzip.compress(b"not a warc"),
            "11-big.txt": "Kyiv. " * 100,
            "12-scan.pdf": b"%PDF-1.7 binary",
            "README.md": "About these inputs.",
        },
    )
    settings = Settings(max_bytes=400)
    results = list(read_inputs([str(tmp_path / "in"), str(tmp_path / "nothing-*.txt")], settings=settings))
    assert outcome(results) == [
        ("01-kharkiv.txt", "article"),
        ("02-odesa.html", "article"),
        ("03-batch.jsonl:1", "article"),
        ("03-batch.jsonl:2", "E105"),
        ("03-batch.jsonl:3", "E106"),
        ("04-desk.rss#entry-1", "article"),
        ("05-empty.txt", "E101"),
        ("06-binary.txt", "E102"),
        ("07-legacy.txt", "E103"),
        ("08-broken.html", "E104"),
        ("09-note.xml", "E107"),
        ("10-crawl.warc.gz", "E108"),
        ("11-big.txt", "E110"),
        ("12-scan.pdf", "E111"),
        ("nothing-*.txt", "E109"),
    ]
    assert [r.format for r in results if isinstance(r, Article)] == ["text", "html", "jsonl", "feed"]


def test_sidecar_metadata_describes_the_files_beside_it(tmp_path):
    sidecar = [
        {
            "id": "kharkiv",
            "title": "Drones over Kharkiv",
            "outlet": "East Desk",
            "published": "2025-11-03",
            "lang": "en",
        },
        {"id": "odesa.html", "url": "https://port.example/odesa"},
        {"id": "elsewhere", "title": "Not in this folder"},
        {"id": "bad", "published": "soon"},
    ]
    write_tree(
        tmp_path / "news",
        {
            "kharkiv.txt": "Drones struck Kharkiv overnight.",
            "odesa.html": PAGE,
            "sumy.txt": "Shelling in Sumy.",
            "meta.jsonl": "\n".join(json.dumps(line) for line in sidecar),
        },
    )
    results = list(read_inputs([str(tmp_path / "news")], settings=Settings()))
    assert outcome(results) == [
        ("meta.jsonl:4", "E113"),  # the sidecar's problems come when it is first read
        ("kharkiv.txt", "article"),
        ("odesa.html", "article"),
        ("sumy.txt", "article"),
    ]
    _, kharkiv, odesa, sumy = results
    assert (kharkiv.title, kharkiv.outlet, kharkiv.published, kharkiv.lang) == (
        "Drones over Kharkiv",
        "East Desk",
        date(2025, 11, 3),
        "en",
    )
    assert (odesa.title, odesa.url) == ("Odesa", "https://port.example/odesa")
    assert (sumy.title, sumy.published) == (None, None)


def test_named_sidecar_is_read_as_jsonl(tmp_path):
    write_tree(tmp_path, {"meta.jsonl": json.dumps({"id": "a", "title": "T"})})
    (rejection,) = read_inputs([str(tmp_path / "meta.jsonl")], settings=Settings())
    assert rejection.code == "E106"


def test_a_directory_of_jsonl_with_text_is_articles(tmp_path):
    write_tree(tmp_path / "bulk", {"meta.jsonl": json.dumps({"id": "a", "text": "Kyiv was hit by drones."})})
    (article,) = read_inputs([str(tmp_path / "bulk")], settings=Settings())
    assert (article.text, article.input_id) == ("Kyiv was hit by drones.", "a")


def test_same_file_twice_is_read_once(tmp_path):
    write_tree(tmp_path, {"a.txt": "Drones struck Kharkiv."})
    results = list(
        read_inputs([str(tmp_path / "a.txt"), str(tmp_path), str(tmp_path / "*.txt")], settings=Settings())
    )
    assert outcome(results) == [("a.txt", "article")]


def test_results_are_streamed(tmp_path):
    write_tree(tmp_path, {f"{i:02d}.txt": f"Report number {i} from the front." for i in range(5)})
    stream = read_inputs([str(tmp_path)], settings=Settings())
    first = next(stream)
    assert isinstance(first, Article) and first.input_id == "00"


def test_on_file_reports_progress(tmp_path):
    write_tree(tmp_path, {"a.txt": "Drones struck Kharkiv.", "b.txt": "Shelling in Sumy."})
    seen: list[tuple[int, int, str]] = []

    def on_file(i: int, n: int, path: Path) -> None:
        seen.append((i, n, path.name))

    results = list(read_inputs([str(tmp_path), "missing.txt"], settings=Settings(), on_file=on_file))
    assert seen == [(1, 2, "a.txt"), (2, 2, "b.txt")]
    assert outcome(results) == [("a.txt", "article"), ("b.txt", "article"), ("missing.txt", "E109")]


DOCS = Path(__file__).resolve().parents[2] / "docs" / "ingest.md"
#: E100–E169 are input errors; E170–E179 belong to Dask clusters (documented in docs/scale.md).
INPUT_CODES = [code.name for code in Messages if code.name.startswith("E1") and int(code.name[1:]) < 170]


@pytest.mark.parametrize("code", INPUT_CODES)
def test_every_input_error_is_documented(code):
    assert f"| {code} |" in DOCS.read_text(encoding="utf-8")


@pytest.mark.parametrize("suffix", list(SUFFIXES))
def test_every_suffix_is_documented(suffix):
    assert f"`{suffix}`" in DOCS.read_text(encoding="utf-8")


def test_a_file_that_cannot_be_opened_is_rejected(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted-target.txt")  # listed, but nothing to open
    write_tree(tmp_path, {"kept.txt": "Drones struck Kharkiv."})
    results = list(read_inputs([str(tmp_path)], settings=Settings()))
    assert outcome(results) == [("gone.txt", "E116"), ("kept.txt", "article")]
