"""From what the user typed (files, directories, globs) to the files to read, and their sidecar metadata.

A spec is tried in this order: an existing file (read whatever its name); an existing
directory (walked recursively, in sorted order); a glob pattern ("news/*.txt",
"feeds/**/*.xml", with ``**`` crossing directories). A spec that is none of these is
rejected with E109, a directory with nothing to read with E117. A file reached twice is
read once.

Walking a directory or matching a glob passes over what is not an article: hidden files
and directories (".git", ".DS_Store"); web-page assets (images, stylesheets, scripts,
fonts, media) and the ``<page>_files/`` folder a browser saves beside ``<page>.html``;
files that describe the collection rather than belong to it (an upper-case README,
LICENSE, SOURCE, NOTICE, CHANGELOG, COPYING, AUTHORS or CONTRIBUTING, alone or as one part
of the name, as in "UPSTREAM-README.md" or "LICENSE-data"); and metadata sidecars. A file
named explicitly is always read.

A metadata sidecar is a file named ``meta.jsonl`` (or ``metadata.jsonl``) whose lines are
objects *without* a ``text`` field. Each line's ``id`` names a file beside it, by stem or by
name (``"isw-2026-02-21"`` for ``isw-2026-02-21.txt``), and its ``title``, ``url``,
``outlet``, ``published`` and ``lang`` describe that file's article. A ``meta.jsonl`` whose
lines carry ``text`` is an ordinary JSONL of articles.

    >>> [str(p) for p in expand_paths(["src/sitrep/data/sample"])]  # doctest: +SKIP
    ['src/sitrep/data/sample/pokrovsk-wsj-digest.txt']
"""

from __future__ import annotations

import glob
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError, Messages
from .article import Rejection
from .fields import describe, printable, rejection
from .files import check_name, open_regular
from .jsonl import iter_objects, metadata_fields

#: Characters that make a spec a glob pattern rather than a file name (fnmatch's).
GLOB_CHARS = re.compile(r"[*?\[]")
#: Names of metadata sidecars.
SIDECAR_NAMES = frozenset({"meta.jsonl", "metadata.jsonl"})
#: Conventional upper-case names of files about a collection, as one dash/underscore-separated part.
ABOUT_FILE = re.compile(
    r"(?:^|[-_])(?:README|LICEN[CS]E|SOURCES?|NOTICE|CHANGELOG|COPYING|AUTHORS|CONTRIBUTING)(?:[-_]|$)"
)
#: Longest first line read to tell a sidecar from a JSONL of articles.
SIDECAR_LINE = 1 << 20
#: Directories that hold tools' caches, never articles.
SKIPPED_DIRS = frozenset({"__pycache__", "node_modules"})
#: Suffixes of a web page's assets (images, styles, scripts, fonts, media): never articles, and a
#: saved page brings dozens of them, so a walk passes over them instead of rejecting each one.
ASSET_SUFFIXES = frozenset(
    """.css .js .mjs .map .png .jpg .jpeg .gif .webp .avif .svg .ico .bmp .tif .tiff
    .woff .woff2 .ttf .otf .eot .mp3 .mp4 .m4a .webm .ogg .wav""".split()
)


def expand_paths(specs: Sequence[str]) -> list[Path | Rejection]:
    """The files that `specs` name, in order, each once; a Rejection for a spec that names nothing,
    a directory that can't be listed (E123) and a file whose name is not UTF-8 (E122)."""
    out: list[Path | Rejection] = []
    seen: set[Path] = set()
    for spec in specs:
        try:
            found = _expand(spec)
        except InputError as e:
            out.append(rejection(e))
            continue
        for path in found:
            if isinstance(path, Rejection):
                out.append(path)
                continue
            try:
                check_name(path)
            except InputError as e:
                out.append(rejection(e))
                continue
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                out.append(path)
    return out


def is_skipped(path: Path) -> bool:
    """Whether a file found by walking or globbing is not an article (hidden, about-file, sidecar)."""
    if path.name.startswith(".") or path.suffix.lower() in ASSET_SUFFIXES:
        return True
    stem = path.name.split(".", 1)[0]
    return bool(ABOUT_FILE.search(stem)) or is_sidecar(path)


def is_sidecar(path: Path) -> bool:
    """Whether `path` is a metadata sidecar: named meta.jsonl and its first object has no 'text'."""
    if path.name.lower() not in SIDECAR_NAMES:
        return False
    try:
        with open_regular(path) as stream:
            while raw := stream.readline(SIDECAR_LINE):
                if raw.strip():
                    first = json.loads(raw)
                    return isinstance(first, dict) and "text" not in first
    except (InputError, OSError, ValueError, RecursionError):  # ValueError: bad JSON or UTF-8
        return False
    return False


def sidecar_of(directory: Path) -> Path | None:
    """The metadata sidecar in `directory`, if there is one."""
    for name in sorted(SIDECAR_NAMES):
        candidate = directory / name
        if candidate.is_file() and is_sidecar(candidate):
            return candidate
    return None


def load_sidecar(path: Path, *, max_bytes: int) -> tuple[dict[str, dict[str, Any]], list[Rejection]]:
    """File stem or name → its metadata fields (only those given), and a Rejection for each bad line."""
    metadata: dict[str, dict[str, Any]] = {}
    problems: list[Rejection] = []
    for where, obj in iter_objects(path, max_bytes=max_bytes):
        if isinstance(obj, InputError):
            problems.append(rejection(obj))
            continue
        key = obj.get("id")
        if not isinstance(key, str) or not key.strip():
            wanted = "the name or stem of a file beside the sidecar"
            error = InputError(Messages.E113, where=where, field="id", detail=describe(key), expected=wanted)
            problems.append(rejection(error))
            continue
        try:
            fields = metadata_fields(obj, where=where)
        except InputError as e:
            problems.append(rejection(e))
            continue
        fields.pop("input_id")
        metadata[key.strip()] = {name: value for name, value in fields.items() if value is not None}
    return metadata, problems


def _expand(spec: str) -> list[Path | Rejection]:
    path = Path(spec).expanduser()
    if path.is_file():
        return [path]
    if path.is_dir():
        walked = _walk(path)
        if not walked:
            if not os.access(path, os.R_OK | os.X_OK):
                raise InputError(Messages.E123, where=printable(spec), detail="permission denied")
            raise InputError(Messages.E117, where=printable(spec))
        return walked
    if path.exists():  # named explicitly, but a FIFO, socket or device: rejected by the reader (E119)
        return [path]
    if GLOB_CHARS.search(spec):
        found: list[Path | Rejection] = []
        for match in sorted(glob.glob(str(path), recursive=True)):
            candidate = Path(match)
            if candidate.is_dir():
                if not _skipped_dir(candidate.parent, candidate.name):
                    found.extend(_walk(candidate))
            elif candidate.is_file() and not is_skipped(candidate):
                found.append(candidate)
        if found:
            return found
    raise InputError(Messages.E109, where=printable(spec))


def _walk(directory: Path) -> list[Path | Rejection]:
    """Files under `directory`, recursively, sorted by path, without hidden ones, about-files or sidecars;
    a Rejection E123 for each directory that can't be listed (the walk goes on around it)."""
    found: list[Path] = []
    unreadable: list[Rejection] = []

    def report(error: OSError) -> None:
        where = printable(str(error.filename or directory))
        unreadable.append(rejection(InputError(Messages.E123, where=where, detail=error.strerror or str(error))))

    for root, dirs, files in os.walk(directory, onerror=report):
        dirs[:] = [d for d in dirs if not _skipped_dir(Path(root), d)]
        found.extend(Path(root) / name for name in files if not is_skipped(Path(root) / name))
    return [*unreadable, *sorted(found, key=lambda path: path.parts)]


def _skipped_dir(parent: Path, name: str) -> bool:
    """Hidden and cache directories, and the `<page>_files/` a browser saves beside `<page>.html`."""
    if name.startswith(".") or name in SKIPPED_DIRS:
        return True
    stem = name.removesuffix("_files")
    return stem != name and any((parent / f"{stem}{suffix}").is_file() for suffix in (".html", ".htm"))
