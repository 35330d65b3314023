"""Turning specs (files, directories, globs) into files to read; what a walk passes over; sidecars."""

from __future__ import annotations

import json
import os
from datetime import date

import pytest

from sitrep.ingest.article import Rejection
from sitrep.ingest.paths import expand_paths, is_skipped, load_sidecar, sidecar_of

TREE = {
    "news/a-kharkiv.txt": "Drones struck Kharkiv.",
    "news/b-odesa.html": "<html><body><p>Missiles hit Odesa.</p></body></html>",
    "news/deeper/c-sumy.txt": "Shelling in Sumy.",
    "news/.hidden.txt": "Hidden.",
    "news/.git/config": "[core]",
    "news/README.md": "About this folder.",
    "news/SOURCE.md": "Where the texts come from.",
    "news/UPSTREAM-README.md": "Upstream notes.",
    "news/LICENSE-data": "Licence.",
    "news/sources-say-kyiv.txt": "Sources say Kyiv was hit.",
    "news/meta.jsonl": json.dumps({"id": "a-kharkiv", "title": "Kharkiv"}),
    "feeds/frontline.xml": "<rss version='2.0'><channel><title>F</title></channel></rss>",
    "empty-dir/.keep": "",
    "saved/front.html": "<html><body><p>Front line news.</p></body></html>",
    "saved/front_files/ad.html": "<html><body><p>An advert.</p></body></html>",
    "saved/front_files/style.css": "p {}",
    "saved/logo.png": "PNG",
    "saved/scan.pdf": "%PDF",
    "saved/other_files/note.txt": "Not beside a page of that name, so read.",
}


@pytest.fixture
def tree(tmp_path, monkeypatch):
    for name, content in TREE.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def names(results) -> list[str]:
    return [r.code if isinstance(r, Rejection) else r.as_posix() for r in results]


@pytest.mark.parametrize(
    "specs,expected",
    [
        (
            ["news"],
            [
                "news/a-kharkiv.txt",
                "news/b-odesa.html",
                "news/deeper/c-sumy.txt",
                "news/sources-say-kyiv.txt",
            ],
        ),
        (["news/*.txt"], ["news/a-kharkiv.txt", "news/sources-say-kyiv.txt"]),
        (["news/**/*.txt"], ["news/a-kharkiv.txt", "news/deeper/c-sumy.txt", "news/sources-say-kyiv.txt"]),
        (["news/README.md", "news/meta.jsonl"], ["news/README.md", "news/meta.jsonl"]),
        (["feeds/frontline.xml", "feeds", "feeds/*.xml"], ["feeds/frontline.xml"]),
        (["news/*.pdf"], ["E109"]),
        (["no-such-file.txt", "feeds"], ["E109", "feeds/frontline.xml"]),
        (["empty-dir"], ["E117"]),
        (["saved"], ["saved/front.html", "saved/other_files/note.txt", "saved/scan.pdf"]),
        (["saved/*"], ["saved/front.html", "saved/other_files/note.txt", "saved/scan.pdf"]),
        (["saved/logo.png", "saved/front_files/ad.html"], ["saved/logo.png", "saved/front_files/ad.html"]),
    ],
)
def test_expand_paths(tree, specs, expected):
    assert names(expand_paths(specs)) == expected


def test_rejection_names_the_spec(tree):
    (rejection,) = expand_paths(["news/*.docx"])
    assert rejection.origin == "news/*.docx"
    assert rejection.reason.startswith("news/*.docx: ")


@pytest.mark.parametrize(
    "name,skipped",
    [
        (".DS_Store", True),
        ("README", True),
        ("README.txt", True),
        ("UPSTREAM-README.md", True),
        ("LICENSE-repo", True),
        ("CHANGELOG.md", True),
        ("readme-of-a-soldier.txt", False),
        ("sources-say-kyiv.txt", False),
        ("isw-2026-02-21.txt", False),
    ],
)
def test_is_skipped(tmp_path, name, skipped):
    assert is_skipped(tmp_path / name) is skipped


@pytest.mark.parametrize(
    "first_line,is_metadata",
    [
        ({"id": "a", "title": "T"}, True),
        ({"id": "a", "text": "A whole article."}, False),
    ],
)
def test_sidecar_is_metadata_only_without_text(tmp_path, first_line, is_metadata):
    (tmp_path / "meta.jsonl").write_text(json.dumps(first_line) + "\n", encoding="utf-8")
    assert (sidecar_of(tmp_path) is not None) is is_metadata


def test_load_sidecar(tmp_path):
    lines = [
        {
            "id": "a-kharkiv",
            "title": " Kharkiv ",
            "url": "https://x.example/a",
            "published": "2025-11-03",
            "lang": "en",
        },
        {"id": "b-odesa.html", "outlet": "Port News", "note": "ignored"},
        {"title": "no id"},
        {"id": "bad-date", "published": "03/11/2025"},
    ]
    path = tmp_path / "meta.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n{broken\n", encoding="utf-8")
    metadata, problems = load_sidecar(path, max_bytes=10_000)
    assert metadata == {
        "a-kharkiv": {
            "title": "Kharkiv",
            "url": "https://x.example/a",
            "published": date(2025, 11, 3),
            "lang": "en",
        },
        "b-odesa.html": {"outlet": "Port News"},
    }
    assert [(p.origin, p.code) for p in problems] == [
        (f"{path}:3", "E113"),
        (f"{path}:4", "E113"),
        (f"{path}:5", "E105"),
    ]


def test_an_unreadable_directory_is_reported_as_such_not_as_empty(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("Shelling continued in Kherson.", encoding="utf-8")
    real = os.scandir

    def refuse(path=".", *args, **kwargs):  # what a directory without read permission does (also as root)
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", refuse)
    [result] = expand_paths([str(tmp_path)])
    assert result.code == "E123" and "Permission denied" in result.reason and "locked" in result.origin
