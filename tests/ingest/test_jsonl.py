"""JSON Lines: one article a line, each broken line one Rejection naming file:line, the rest still read."""

from __future__ import annotations

import json
from datetime import date

import pytest

from sitrep.ingest.article import Article, Rejection
from sitrep.ingest.jsonl import read_jsonl

TEXT = "Russian forces shelled Kherson overnight, the regional governor said."


def read_lines(
    tmp_path, lines: list[str | bytes], *, max_bytes: int = 1_000_000
) -> list[Article | Rejection]:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(b"\n".join(line.encode() if isinstance(line, str) else line for line in lines) + b"\n")
    return list(read_jsonl(path, max_bytes=max_bytes))


def test_good_and_broken_lines_in_one_file(tmp_path):
    lines = [
        json.dumps(
            {
                "id": "k1",
                "text": TEXT,
                "title": "Kherson shelled",
                "outlet": "South Desk",
                "url": "https://south.example/k1",
                "published": "2025-11-03T21:15:00-05:00",
                "lang": "EN",
            }
        ),
        '{"text": "unterminated',
        "",
        json.dumps({"title": "No body"}),
        json.dumps({"text": "Drones hit a substation in Sumy region.", "published": "2024-02-30"}),
        json.dumps({"id": 7, "text": "Drones hit a substation in Sumy region, the utility said."}),
    ]
    results = read_lines(tmp_path, lines)
    where = str(tmp_path / "batch.jsonl")
    assert [(type(r).__name__, r.origin) for r in results] == [
        ("Article", f"{where}:1"),
        ("Rejection", f"{where}:2"),
        ("Rejection", f"{where}:4"),
        ("Rejection", f"{where}:5"),
        ("Article", f"{where}:6"),
    ]
    first = results[0]
    assert (first.text, first.title, first.outlet, first.url) == (
        TEXT,
        "Kherson shelled",
        "South Desk",
        "https://south.example/k1",
    )
    assert (first.published, first.lang, first.input_id, first.format) == (
        date(2025, 11, 3),
        "en",
        "k1",
        "jsonl",
    )
    assert [r.code for r in results if isinstance(r, Rejection)] == ["E105", "E106", "E113"]
    assert results[-1].input_id == "7"


@pytest.mark.parametrize(
    "line,code",
    [
        ('{"text": "Kyiv", ', "E105"),
        ("[1, 2, 3]", "E105"),
        ('"just a string"', "E105"),
        ("null", "E105"),
        ("{}", "E106"),
        ('{"text": ""}', "E106"),
        ('{"text": "   "}', "E106"),
        ('{"text": 42}', "E106"),
        ('{"text": "Kyiv was hit.", "published": "yesterday"}', "E113"),
        ('{"text": "Kyiv was hit.", "published": 20251103}', "E113"),
        ('{"text": "Kyiv was hit.", "title": ["a", "list"]}', "E113"),
        ('{"text": "Kyiv was hit.", "lang": "English language"}', "E113"),
        ('{"text": "1, 2, 3 -- 4"}', "E112"),
        (b'{"text": "Kh\xff\xfearkiv"}', "E103"),
    ],
)
def test_broken_line(tmp_path, line, code):
    good = json.dumps({"text": TEXT})
    results = read_lines(tmp_path, [line, good])
    assert [getattr(r, "code", "article") for r in results] == [code, "article"]
    rejection = results[0]
    assert rejection.origin.endswith("batch.jsonl:1")
    assert rejection.reason.startswith(rejection.origin)


@pytest.mark.parametrize(
    "published,expected",
    [
        ("2025-11-03", date(2025, 11, 3)),
        ("2022-01-25T09:00:00Z", date(2022, 1, 25)),
        ("2025-11-03 23:30:00+03:00", date(2025, 11, 3)),
        (None, None),
        ("", None),
        ("unknown", None),
    ],
)
def test_published(tmp_path, published, expected):
    (article,) = read_lines(tmp_path, [json.dumps({"text": TEXT, "published": published})])
    assert article.published == expected


@pytest.mark.parametrize(
    "lang,expected", [("en", "en"), ("UK", "uk"), ("en-GB", "en"), ("pt_BR", "pt"), (None, None)]
)
def test_language_code(tmp_path, lang, expected):
    (article,) = read_lines(tmp_path, [json.dumps({"text": TEXT, "lang": lang})])
    assert article.lang == expected


def test_line_over_the_size_limit_is_rejected_alone(tmp_path):
    long_line = json.dumps({"text": TEXT * 50})
    results = read_lines(tmp_path, [long_line, json.dumps({"text": TEXT})], max_bytes=500)
    assert [getattr(r, "code", "article") for r in results] == ["E110", "article"]
    assert str(len(long_line) + 1) in results[0].reason


@pytest.mark.parametrize(
    "data,code",
    [
        (b"", "E101"),
        (b"\n\n  \n", "E101"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x00\x01\x02\x03\x04\x05\x06\x07", "E102"),
    ],
)
def test_file_level_problems(tmp_path, data, code):
    path = tmp_path / "whole.jsonl"
    path.write_bytes(data)
    (rejection,) = read_jsonl(path, max_bytes=1_000_000)
    assert (rejection.code, rejection.origin) == (code, str(path))


def test_byte_order_mark_on_first_line(tmp_path):
    (article,) = read_lines(tmp_path, [b"\xef\xbb\xbf" + json.dumps({"text": TEXT}).encode()])
    assert article.text == TEXT
