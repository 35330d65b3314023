"""How many articles the inputs hold, counted cheaply before reading them (for a progress bar's total).

A text or HTML file is one article; a JSONL file one per non-blank line; a feed one per
``<item>`` or ``<entry>``; an uncompressed WARC one per response record. A compressed WARC
can't be counted without decompressing it, so inputs that include one have no total (None)
and the bar shows counts and rate without a time left. The count is an upper bound on what
gets stored: broken lines and empty entries are counted here and rejected later.

    >>> estimate_articles(["news/"])  # doctest: +SKIP
    128
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from .paths import expand_paths
from .readers import HEAD_BYTES, format_of

#: Bytes scanned at a time when counting lines or tags.
BLOCK = 1 << 20
#: What starts one article in each multi-article format.
MARKERS: dict[str, tuple[bytes, ...]] = {
    "feed": (b"<item", b"<entry"),
    "warc": (b"WARC-Type: response",),
}


def count_in_file(path: Path) -> int | None:
    """The articles in one file, or None when it can't be told without decoding it (a .warc.gz)."""
    try:
        with path.open("rb") as stream:
            head = stream.read(HEAD_BYTES)
            fmt = format_of(path, head)
            if fmt in (None, "text", "html"):
                return 1  # a file that is rejected still counts as one input handled
            if fmt == "warc" and path.name.lower().endswith(".gz"):
                return None
            stream.seek(0)
            return _count(stream, fmt)
    except OSError:
        return 1  # the reader will reject it, which is one input handled


def _count(stream: BinaryIO, fmt: str) -> int:
    if fmt == "jsonl":
        return sum(1 for line in stream if line.strip())
    markers = MARKERS[fmt]
    keep = max(len(m) for m in markers) - 1  # a marker cut by a block's end is found with the next one
    total, carry = 0, b""
    while block := stream.read(BLOCK):
        data = carry + block
        carry = data[-keep:]
        total += sum(data.count(m) for m in markers) - sum(carry.count(m) for m in markers)
    return total + sum(carry.count(m) for m in markers)


def estimate_articles(specs: Sequence[str]) -> int | None:
    """The articles (and unreadable inputs) in `specs`, or None when some file can't be counted."""
    total = 0
    for item in expand_paths(specs):
        if not isinstance(item, Path):
            total += 1  # a spec that matched nothing: one rejection
            continue
        count = count_in_file(item)
        if count is None:
            return None
        total += count
    return total
