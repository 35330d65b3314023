"""Counting the articles of inputs up front, for the progress bar's total."""

from __future__ import annotations

import gzip
import json

import pytest

from sitrep.ingest.estimate import BLOCK, estimate_articles


def rss(n: int) -> str:
    items = "".join(
        f"<item><title>T{i}</title><description>Shelling hit Nikopol ({i}).</description></item>"
        for i in range(n)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>{items}</channel></rss>'


@pytest.mark.parametrize(
    "files,expected",
    [
        (
            {
                "a.txt": "Shelling hit Nikopol.",
                "b.html": "<html><body><p>Drones over Sumy.</p></body></html>",
            },
            2,
        ),
        ({"wire.jsonl": "".join(json.dumps({"text": f"Item {i}"}) + "\n" for i in range(5)) + "\n\n"}, 5),
        ({"feed.xml": rss(7)}, 7),
        ({"big.jsonl": (json.dumps({"text": "x" * 1000}) + "\n") * (2 * BLOCK // 1000)}, 2 * BLOCK // 1000),
        ({"feed.rss": rss(3), "wire.jsonl": '{"text": "one"}\n', "note.txt": "Kherson again."}, 5),
    ],
)
def test_counts_articles_by_format(tmp_path, files, expected):
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    assert estimate_articles([str(tmp_path)]) == expected


def test_a_tag_cut_by_a_block_boundary_is_counted_once(tmp_path):
    padding = "<!--" + "x" * (BLOCK - len('<?xml version="1.0"?><rss version="2.0"><channel>') - 10) + "-->"
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel>{padding}<item><description>A</description></item></channel></rss>'
    (tmp_path / "feed.xml").write_text(feed, encoding="utf-8")
    assert estimate_articles([str(tmp_path / "feed.xml")]) == 1


def test_a_compressed_warc_leaves_the_total_unknown(tmp_path):
    (tmp_path / "crawl.warc.gz").write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n\r\n"))
    assert estimate_articles([str(tmp_path)]) is None


def test_a_missing_input_counts_as_one_rejection(tmp_path):
    assert estimate_articles([str(tmp_path / "nothing-here.txt")]) == 1
