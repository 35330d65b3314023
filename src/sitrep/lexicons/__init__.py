"""sitrep's word lists and patterns, as data: one folder per language, one file per concept.

A lexicon file is UTF-8 text. Lines starting with ``#`` are its header, which must carry a
``# source:`` line saying where the entries come from. Every other non-blank line is one entry,
optionally followed, after two or more spaces or a tab, by its tags::

    # Verbs of saying, tagged with the stance they give what they introduce.
    # source: PARC 3.0 cue lists (Pareti, LREC 2016), hand-curated by sitrep
    say        asserts speech outer
    deny       denies speech outer

A ``[section]`` line tags every entry under it with the section's name. One file can so serve
several components (a verb is a cue, a speech verb and an event-status cue in one line) and
the words are written once. Matcher patterns are JSON files (``*.json``) with the same
``source`` requirement.

    >>> lexicon("en").words("negation") >= {"not", "never"}
    True
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..errors import ConfigError, Messages

ROOT = Path(__file__).resolve().parent
_SEPARATOR = re.compile(r"\t| {2,}")


def languages() -> list[str]:
    """The languages that have a lexicon folder."""
    return sorted(p.name for p in ROOT.iterdir() if p.is_dir() and not p.name.startswith("_"))


def files(lang: str) -> list[Path]:
    """Every data file of one language's lexicon (what a component's version hashes)."""
    return sorted(p for p in (ROOT / lang).rglob("*") if p.suffix in {".txt", ".json"})


@dataclass(frozen=True)
class Entries:
    """One lexicon file: its entries in file order, each with its tags, and its header."""

    name: str
    header: tuple[str, ...]
    tags: dict[str, tuple[str, ...]] = field(default_factory=dict)


def parse(path: Path) -> Entries:
    """Read one ``.txt`` lexicon file (see the module docstring for the format)."""
    header: list[str] = []
    tags: dict[str, tuple[str, ...]] = {}
    section: tuple[str, ...] = ()
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.rstrip()
        if not line.strip():
            continue
        if line.startswith("#"):
            if not tags:
                header.append(line.lstrip("# ").rstrip())
            continue
        if line.startswith("[") and line.endswith("]"):
            section = (line[1:-1].strip(),)
            continue
        entry, *rest = _SEPARATOR.split(line.strip(), maxsplit=1)
        if not entry:
            raise ConfigError(Messages.E010, path=path, line=number, detail="an empty entry")
        tags[entry] = tags.get(entry, ()) + section + tuple(rest[0].split() if rest else ())
    if not any(h.lower().startswith("source:") for h in header):
        raise ConfigError(Messages.E010, path=path, line=1, detail="no '# source:' line in its header")
    return Entries(name=path.stem, header=tuple(header), tags=tags)


class Lexicon:
    """The word lists of one language, read from ``src/sitrep/lexicons/<lang>/``.

    >>> sorted(lexicon("en").table("sides", ("UA", "RU")).items())[:1]
    [('afu', 'UA')]
    """

    def __init__(self, lang: str) -> None:
        if not (ROOT / lang).is_dir():
            raise ConfigError(Messages.E011, lang=lang, options=", ".join(languages()))
        self.lang = lang
        self.folder = ROOT / lang

    def _path(self, name: str, suffix: str) -> Path:
        path = self.folder / f"{name}{suffix}"
        if not path.is_file():
            raise ConfigError(Messages.E012, name=name, lang=self.lang, path=path)
        return path

    def entries(self, name: str) -> Entries:
        return _parsed(self._path(name, ".txt"))

    def words(self, name: str, tag: str | None = None) -> frozenset[str]:
        """The entries of file `name` (only those tagged `tag` when given)."""
        tags = self.entries(name).tags
        return frozenset(w for w, t in tags.items() if tag is None or tag in t)

    def ordered(self, name: str, tag: str | None = None) -> tuple[str, ...]:
        """Like `words`, in file order (for lists whose order matters: longest match first)."""
        tags = self.entries(name).tags
        return tuple(w for w, t in tags.items() if tag is None or tag in t)

    def table(
        self, name: str, values: tuple[str, ...] | None = None, *, tag: str | None = None
    ) -> dict[str, str]:
        """Entry → its first tag (among `values`, when given): 'deny' → 'denies'.

        With `tag`, only the entries that also carry that tag.
        """
        out: dict[str, str] = {}
        for word, tags in self.entries(name).tags.items():
            if tag is not None and tag not in tags:
                continue
            value = next((t for t in tags if values is None or t in values), None)
            if value is not None:
                out[word] = value
        return out

    def json(self, name: str) -> dict:
        """A JSON data file (Matcher patterns); its ``"source"`` key says where they come from."""
        path = self._path(name, ".json")
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "source" not in data:
            raise ConfigError(Messages.E010, path=path, line=1, detail="no top-level 'source' key")
        return data


@cache
def _parsed(path: Path) -> Entries:
    return parse(path)


@cache
def lexicon(lang: str = "en") -> Lexicon:
    """The lexicon of `lang` (cached); a language without a folder is a coded error (E011)."""
    return Lexicon(lang)
