"""JSON Lines: one article a line, read as a stream, each broken line rejected on its own.

Each line is one JSON object. `text` is required; `title`, `url`, `outlet`, `published`
(an ISO date or date-time: "2025-11-03", "2025-11-03T08:00:00Z") and `lang` are optional;
`id` becomes the article's `input_id`; other fields are ignored. Blank lines are skipped.
A line that is not JSON, not an object, has no text or has a field of the wrong kind is
one Rejection naming ``file:line``; the lines after it are still read. The size limit
applies to each line (one article), not to the file, so a large corpus streams through.

    >>> line = {"text": "Drones struck Kharkiv.", "published": "2025-11-03"}
    >>> article_from_object(line, origin="a.jsonl:1").published
    datetime.date(2025, 11, 3)
"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError, Messages
from .article import Article, Rejection
from .fields import language_tag, make_article, optional_str, published_date, rejection
from .files import open_regular
from .text import looks_binary

#: Read this much at a time when skipping the rest of an over-long line.
CHUNK = 1 << 20


def article_from_object(obj: dict[str, Any], *, origin: str, format: str = "jsonl") -> Article:
    """The Article a JSON object describes; InputError E106 (no text) or E113 (a bad field)."""
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(Messages.E106, where=origin, detail=", ".join(sorted(obj)) or "none")
    return make_article(text, origin=origin, format=format, **metadata_fields(obj, where=origin))


def metadata_fields(obj: dict[str, Any], *, where: str) -> dict[str, Any]:
    """The optional Article fields given by a JSON object, checked (InputError E113 on a bad one)."""
    raw_id = obj.get("id")
    return {
        "title": optional_str(obj.get("title"), field="title", where=where),
        "url": optional_str(obj.get("url"), field="url", where=where),
        "outlet": optional_str(obj.get("outlet"), field="outlet", where=where),
        "published": published_date(obj.get("published"), where=where),
        "lang": language_tag(obj.get("lang"), where=where),
        # ids are often numbers in exports; they only name the article, so any scalar will do
        "input_id": str(raw_id) if isinstance(raw_id, str | int) and not isinstance(raw_id, bool) else None,
    }


def iter_objects(path: Path, *, max_bytes: int) -> Iterator[tuple[str, dict[str, Any] | InputError]]:
    """(``file:line``, the object or the InputError that says why the line is not one) for each line.

    A file that cannot be opened gives one InputError E116 named by the file alone.
    """
    try:
        stream = open_regular(path)
    except InputError as e:
        yield str(path), e
        return
    with stream:
        why = looks_binary(stream.peek(8192)[:8192])
        if why:  # one rejection for the file, not one per "line" of a binary blob
            yield str(path), InputError(Messages.E102, where=str(path), detail=why)
            return
        number = 0
        while raw := stream.readline(max_bytes + 1):
            number += 1
            where = f"{path}:{number}"
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                size = len(raw) + _skip_line(stream)
                yield where, InputError(Messages.E110, where=where, size=size, limit=max_bytes)
                continue
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            if raw.strip():
                yield where, _parse_line(raw, where=where)


def read_jsonl(path: Path, *, max_bytes: int) -> Iterator[Article | Rejection]:
    """Every article of a JSONL file, and a Rejection for each line that is not one."""
    found = False
    for where, obj in iter_objects(path, max_bytes=max_bytes):
        found = True
        if isinstance(obj, InputError):
            yield rejection(obj)
            continue
        try:
            article = article_from_object(obj, origin=where)
        except InputError as e:
            yield rejection(e)
            continue
        yield article
    if not found:
        yield rejection(InputError(Messages.E101, where=str(path)))


def _parse_line(raw: bytes, *, where: str) -> dict[str, Any] | InputError:
    try:
        line = raw.decode("utf-8")  # JSON text exchanged between systems is UTF-8 (RFC 8259 §8.1)
    except UnicodeDecodeError as e:
        return InputError(Messages.E103, where=where, detail=str(e))
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return InputError(Messages.E105, where=where, detail=f"{e.msg} at column {e.colno}")
    except RecursionError:  # the parser recurses once per level: "[[[[…" 200,000 deep exhausts it
        return InputError(Messages.E121, where=where, limit=sys.getrecursionlimit())
    if not isinstance(obj, dict):
        kind = {list: "an array", str: "a string", type(None): "null"}.get(type(obj), "a number or boolean")
        return InputError(Messages.E105, where=where, detail=f"the line holds {kind}, not an object")
    return obj


def _skip_line(stream: Any) -> int:
    """Read to the end of the current line; how many bytes that was."""
    skipped = 0
    while True:
        chunk = stream.readline(CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped
