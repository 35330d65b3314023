"""Outlets: the curated table of outlets and bodies, and one canonical name per outlet.

An article's `outlet` is whatever its input gave: a JSONL field, a feed title, a page's site
name or the web domain of its URL. The same organisation then appears under several strings
("Reuters", "reuters.com", "www.reuters.com"; ISW publishes on understandingwar.org and, with
AEI's Critical Threats Project, on criticalthreats.org). `canonical_outlet` maps any of them to
the name in `data/outlets.csv` (by name, alias or domain), so that one organisation counts as
one voice and prints under its name; an unknown outlet keeps its own words, or its bare domain.
Stored values are never rewritten: callers canonicalise when they read.

    >>> canonical_outlet("https://www.criticalthreats.org/analysis/russian-offensive")
    'Institute for the Study of War'
    >>> canonical_outlet("www.kten.com")
    'kten.com'
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Outlet", "canonical_outlet", "domain_of", "find_outlet", "load_outlets", "outlet_key"]


@dataclass(frozen=True)
class Outlet:
    """One row of outlets.csv."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str | None
    side: str | None
    source: str
    domains: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def load_outlets() -> tuple[Outlet, ...]:
    """The curated outlets, agencies and bodies, with their aliases and web domains (data/outlets.csv)."""
    path = resources.files("sitrep") / "data" / "outlets.csv"
    with path.open(encoding="utf-8") as f:
        return tuple(
            Outlet(
                name=row["name"],
                aliases=_split(row["aliases"]),
                kind=row["kind"],
                country=row["country"] or None,
                side=row["side"] or None,
                source=row["source"],
                domains=tuple(d.lower() for d in _split(row.get("domains") or "")),
            )
            for row in csv.DictReader(f)
        )


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


# A bare host or a URL: "reuters.com", "www.reuters.com:443", "https://apnews.com/article/…".
_HOST = re.compile(
    r"^(?:[a-z][a-z0-9+.-]*://)?((?:[a-z0-9-]+\.)+[a-z]{2,})\.?(?::\d+)?(?:[/?#]\S*)?$",
    re.IGNORECASE,
)
# Feed titles and site names put the outlet beside a section: "World news | The Guardian".
_TITLE_PARTS = re.compile(r"\s+[|\-–—:·]\s+|:\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


def domain_of(value: str) -> str | None:
    """The host of a URL or bare domain, lower-cased and without "www."; None when `value` is neither.

    >>> domain_of("https://www.understandingwar.org/backgrounder/x"), domain_of("Reuters")
    ('understandingwar.org', None)
    """
    m = _HOST.match(value.strip())
    if m is None:
        return None
    return m.group(1).lower().removeprefix("www.")


def _name_key(value: str) -> str:
    """A name compared without case, spacing, edge punctuation or a leading "The"."""
    key = " ".join(value.translate(_APOSTROPHES).casefold().split()).strip(" .,;:-–—|")
    return key.removeprefix("the ")


@dataclass(frozen=True)
class _Index:
    names: dict[str, Outlet]
    domains: dict[str, Outlet]


@lru_cache(maxsize=1)
def _index() -> _Index:
    names: dict[str, Outlet] = {}
    domains: dict[str, Outlet] = {}
    for outlet in load_outlets():
        for form in (outlet.name, *outlet.aliases):
            names.setdefault(_name_key(form), outlet)  # first row wins; the table's test forbids clashes
        for domain in outlet.domains:
            domains.setdefault(domain.removeprefix("www."), outlet)
    return _Index(names, domains)


def _by_domain(domain: str, index: _Index) -> Outlet | None:
    """The listed outlet of a host or of its nearest listed parent ("edition.cnn.com" → cnn.com)."""
    labels = domain.split(".")
    for i in range(len(labels) - 1):
        found = index.domains.get(".".join(labels[i:]))
        if found is not None:
            return found
    return None


@lru_cache(maxsize=4096)
def find_outlet(value: str) -> Outlet | None:
    """The row of outlets.csv that an outlet string names (name, alias, domain or URL), if any.

    >>> find_outlet("Associated Press").name, find_outlet("news.un.org").name
    ('The Associated Press', 'United Nations')
    """
    index = _index()
    found = index.names.get(_name_key(value))
    if found is not None:
        return found
    domain = domain_of(value)
    if domain is not None:
        return _by_domain(domain, index)
    for part in _TITLE_PARTS.split(value):
        found = index.names.get(_name_key(part)) if part.strip() else None
        if found is not None:
            return found
    return None


@lru_cache(maxsize=4096)  # a report asks for every article's outlet: a few dozen strings, many times
def canonical_outlet(value: str) -> str:
    """The table's name for an outlet string; else its bare domain, else the string tidied.

    >>> [canonical_outlet(v) for v in ("www.reuters.com", "REUTERS", "World news | The Guardian")]
    ['Reuters', 'Reuters', 'The Guardian']
    """
    found = find_outlet(value)
    if found is not None:
        return found.name
    return domain_of(value) or " ".join(value.split())


def outlet_key(value: str) -> str:
    """What makes two outlet strings one voice: their canonical names compared without case.

    >>> outlet_key("criticalthreats.org") == outlet_key("understandingwar.org")
    True
    """
    return canonical_outlet(value).casefold()
