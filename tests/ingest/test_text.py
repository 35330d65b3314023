"""Plain-text and Markdown files: decoding, the Markdown title, and each kind of bad text file."""

from __future__ import annotations

import pytest

from sitrep.errors import InputError
from sitrep.ingest.article import Article, Rejection
from sitrep.ingest.text import decode_text, markdown_title, read_text

SNIPPET = "Ukrainian troops held their positions north of Pokrovsk on Monday, a brigade spokesman said."


def read_one(tmp_path, name: str, data: bytes, *, max_bytes: int = 1_000_000) -> Article | Rejection:
    path = tmp_path / name
    path.write_bytes(data)
    results = list(read_text(path, max_bytes=max_bytes))
    assert len(results) == 1
    return results[0]


@pytest.mark.parametrize(
    "name,data,expected_text,expected_title",
    [
        ("a.txt", SNIPPET.encode(), SNIPPET, None),
        (
            "crlf.txt",
            b"Shelling near Kupiansk.\r\n\r\nTwo civilians were hurt.  \r\n",
            "Shelling near Kupiansk.\n\nTwo civilians were hurt.",
            None,
        ),
        (
            "bom.txt",
            b"\xef\xbb\xbfKyiv said the strike hit a depot.",
            "Kyiv said the strike hit a depot.",
            None,
        ),
        ("utf16.txt", "Київ заявив про удар.".encode("utf-16"), "Київ заявив про удар.", None),
        (
            "legacy.txt",
            "Caf\xe9 owners in Kharkiv reopened.".encode("cp1252"),
            "Café owners in Kharkiv reopened.",
            None,
        ),
        (
            "cyrillic-1251.txt",
            "Росія атакувала Харків, заявив мер.".encode("cp1251"),
            "Росія атакувала Харків, заявив мер.",
            None,
        ),
        (
            "western-1252.txt",
            "Les troupes à Pokrovsk, selon l’état-major, tenaient bon.".encode("cp1252"),
            "Les troupes à Pokrovsk, selon l’état-major, tenaient bon.",
            None,
        ),
        (
            "head.md",
            b"# Troops hold Pokrovsk\n\n" + SNIPPET.encode(),
            "Troops hold Pokrovsk\n\n" + SNIPPET,  # heading marks are cleaned away (ingest/clean.py)
            "Troops hold Pokrovsk",
        ),
        (
            "headline.txt",
            b"Troops hold Pokrovsk\n" + SNIPPET.encode(),
            "Troops hold Pokrovsk\n" + SNIPPET,
            None,
        ),
    ],
)
def test_reads_text_files(tmp_path, name, data, expected_text, expected_title):
    article = read_one(tmp_path, name, data)
    assert isinstance(article, Article)
    assert (article.text, article.title) == (expected_text, expected_title)
    assert article.format == "text"
    assert article.input_id == name.split(".")[0]
    assert article.origin == str(tmp_path / name)


@pytest.mark.parametrize(
    "data,code",
    [
        (b"", "E101"),
        (b"  \n\t\n", "E101"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "E102"),
        (bytes(range(1, 32)) * 20, "E102"),
        (b"Shelling near Kh\x81\x8drkiv \xc3", "E103"),
        (b"12 34 -- 56\n", "E112"),
    ],
)
def test_rejects_bad_text_files(tmp_path, data, code):
    rejection = read_one(tmp_path, "bad.txt", data)
    assert isinstance(rejection, Rejection)
    assert rejection.code == code
    assert rejection.origin == str(tmp_path / "bad.txt")
    assert str(tmp_path / "bad.txt") in rejection.reason
    assert "\n" not in rejection.reason


@pytest.mark.parametrize("limit,code", [(10, "E110"), (len(SNIPPET), None)])
def test_size_limit(tmp_path, limit, code):
    result = read_one(tmp_path, "long.txt", SNIPPET.encode(), max_bytes=limit)
    assert getattr(result, "code", None) == code


@pytest.mark.parametrize(
    "text,expected",
    [
        ("# Troops hold Pokrovsk\n\nBody.", "Troops hold Pokrovsk"),
        ("## Strikes on Kharkiv ##\nBody.", "Strikes on Kharkiv"),
        ("\n# After a blank line\nBody.", "After a blank line"),
        ("#NoSpace is a hashtag", None),
        ("### Third level is a section", None),
        ("Troops hold Pokrovsk\n\nBody.", None),
    ],
)
def test_markdown_title(text, expected):
    assert markdown_title(text) == expected


@pytest.mark.parametrize(
    "data,expected",
    [
        # UTF-8 with one stray byte: read as UTF-8, the byte marked U+FFFD (not "â€™" mojibake)
        ("The governor’s office said “two were hurt”.".encode().replace(b"two", b"\xfftwo"), "The governor’s office said “\ufffdtwo were hurt”."),
        # real Windows-1251 Russian and Ukrainian still decode
        ("Россия заявила о взятии села, но Киев это опроверг.".encode("cp1251"), "Россия заявила о взятии села, но Киев это опроверг."),
        ("Міністр оборони України заявив про відбиту атаку.".encode("cp1251"), "Міністр оборони України заявив про відбиту атаку."),
        ("Café in Zürich reopened.".encode("cp1252"), "Café in Zürich reopened."),
    ],
)
def test_broken_utf8_is_repaired_and_marked_legacy_text_still_decodes(data, expected):
    assert decode_text(data, where="a.txt") == expected


def test_half_utf8_half_latin1_is_rejected_not_turned_into_mojibake():
    data = "The minister’s “statement” — and the general’s ‘reply’ — ".encode() + b"caf\xe9 na\xefve \xe0 " * 3
    with pytest.raises(InputError) as caught:
        decode_text(data, where="mixed.txt")
    assert caught.value.code == "E103" and "re-save it as UTF-8" in str(caught.value)
