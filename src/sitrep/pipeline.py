"""Builds the spaCy pipeline (the model plus sitrep's components) and turns Docs into Records.

>>> from sitrep.pipeline import Extractor
>>> record = Extractor().extract("Ukraine denies Moscow's claim.", article_id="x")  # doctest: +SKIP
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from itertools import groupby

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .budget import time_budget
from .config import Settings
from .errors import ConfigError, Messages

# Importing the component modules registers their @Language.factory functions.
from .extract import article as _article  # noqa: F401
from .extract import morphology  # noqa: F401  (pymorphy3 lemmas for Ukrainian and Russian)
from .extract.base import writer_of
from .extract.events import cyrillic as cyrillic_events  # noqa: F401
from .extract.events import cyrillic_forecasts, cyrillic_times, events, forecasts, quantities, times  # noqa: F401  # noqa: F401
from .extract.fingerprint import version_of
from .extract.places import cyrillic as cyrillic_places  # noqa: F401
from .extract.places import places  # noqa: F401
from .extract.units import cyrillic as cyrillic_units  # noqa: F401
from .extract.units import units  # noqa: F401
from .extract.voices import actors, claims, cyrillic_actors, cyrillic_claims, quotes, sources, speakers  # noqa: F401  # noqa: F401
from .extract.voices import cyrillic as cyrillic_voices  # noqa: F401
from .language import identify, readable, unreadable_warning
from .models import RECORD_LISTS, ArticleMeta, Item, Record
from .normalise import normalise_text, text_hash
from .pieces import PIECE_CHARS, join_records, split_text

#: sitrep's components, in pipeline order: (factory name, the record list it fills).
#: Later components read what earlier ones wrote (speakers read actors, units and sources).
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("sitrep_article", "article"),
    ("sitrep_places", "places"),
    ("sitrep_units", "units"),
    ("sitrep_sources", "sources"),
    ("sitrep_actors", "actors"),
    ("sitrep_quotes", "quotes"),
    ("sitrep_speakers", "quotes"),
    ("sitrep_claims", "claims"),
    ("sitrep_times", "times"),
    ("sitrep_quantities", "quantities"),
    ("sitrep_events", "events"),
    ("sitrep_forecasts", "forecasts"),
)

#: The Ukrainian and Russian pipelines (`spacy.blank` with pymorphy3 lemmas): the components whose
#: mechanism is language-neutral, each reading its words from lexicons/<lang>/. The others need
#: an English tagger and parser and are skipped (`SKIPPED_CYRILLIC`), not run on words they cannot parse.
CYRILLIC_COMPONENTS: tuple[tuple[str, str], ...] = (
    ("sitrep_article", "article"),
    ("sitrep_lemmas", "lemmas"),
    ("sitrep_places_cyrillic", "places"),
    ("sitrep_units_cyrillic", "units"),
    ("sitrep_sources_cyrillic", "sources"),
    ("sitrep_actors_cyrillic", "actors"),
    ("sitrep_quotes", "quotes"),
    ("sitrep_speakers_cyrillic", "quotes"),
    ("sitrep_claims_cyrillic", "claims"),
    ("sitrep_times_cyrillic", "times"),
    ("sitrep_quantities_cyrillic", "quantities"),
    ("sitrep_events_cyrillic", "events"),
    ("sitrep_forecasts_cyrillic", "forecasts"),
)
SKIPPED_CYRILLIC: tuple[str, ...] = tuple(
    f for f, _ in COMPONENTS if f not in {"sitrep_article", "sitrep_quotes"}
)
#: Languages read by the Cyrillic pipeline; any other unreadable language gets only sitrep_article.
CYRILLIC = ("uk", "ru")

#: Prefix of the ids given to each list's items ("q3" is the third quote).
ID_PREFIX = {
    "places": "p",
    "units": "u",
    "sources": "s",
    "actors": "a",
    "quotes": "q",
    "claims": "c",
    "events": "e",
    "forecasts": "f",
    "quantities": "n",
    "times": "t",
}


def component_names() -> list[str]:
    return [factory for factory, _ in COMPONENTS]


def load_pipeline(settings: Settings | None = None, *, lang: str = "en") -> Language:
    """The pipeline that reads `lang`: the configured spaCy model with sitrep's components for
    English, `spacy.blank` with the Cyrillic components for Ukrainian and Russian, and for any
    other language only the article metadata (never downloads anything)."""
    settings = settings or Settings.from_env()
    if lang != "en":
        return _blank_pipeline(lang, settings)
    unknown = sorted(set(settings.disabled) - set(component_names()))
    if unknown:
        raise ConfigError(Messages.E002, name=", ".join(unknown), options=", ".join(component_names()))
    try:
        nlp = spacy.load(settings.model)
    except OSError as e:
        raise ConfigError(Messages.E001, model=settings.model) from e
    for factory, _field in COMPONENTS:
        if factory not in settings.disabled:
            nlp.add_pipe(factory, name=factory)
    check_requirements(nlp)
    return nlp


def _blank_pipeline(lang: str, settings: Settings) -> Language:
    if lang not in CYRILLIC:
        nlp = spacy.blank("xx")
        nlp.add_pipe("sitrep_article")
        return nlp
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    for factory, _field in CYRILLIC_COMPONENTS:
        if factory not in settings.disabled:
            nlp.add_pipe(factory, name=factory)
    check_requirements(nlp)
    return nlp


def check_requirements(nlp: Language) -> None:
    """E013 when a component reads a ``doc._`` attribute that no earlier component writes."""
    problems = (nlp.analyze_pipes(pretty=False) or {}).get("problems", {})
    for missing in problems.values():
        for attribute in missing:
            if attribute.startswith("doc._."):
                raise ConfigError(Messages.E013, extension=attribute[6:], writer=writer_of(attribute))


def versions(nlp: Language) -> dict[str, str]:
    """Name → version of the model and of every sitrep component in `nlp`.

    A component's version is its number and a hash of its code and data ("2+1f0c…",
    `sitrep.extract.fingerprint`), so that `reprocess` redoes what changed.
    """
    out = {"spacy": spacy.__version__, f"model:{nlp.meta.get('name')}": str(nlp.meta.get("version"))}
    for name in nlp.pipe_names:
        if name.startswith("sitrep_"):
            out[name] = version_of(nlp.get_pipe(name).__class__.__module__, lang=nlp.lang or "en")
    return out


def doc_to_record(doc: Doc, meta: ArticleMeta, extractors: dict[str, str]) -> Record:
    lists: dict[str, list[Item]] = {}
    for field in RECORD_LISTS:
        items = list(getattr(doc._, field, None) or []) if Doc.has_extension(field) else []
        for i, item in enumerate(items, start=1):
            if item.id is None:
                item.id = f"{ID_PREFIX[field]}{i}"
        lists[field] = items
    return Record(id=meta.id, article=meta, extractors=extractors, **lists)  # type: ignore[arg-type]


@dataclass(frozen=True)
class ArticleInput:
    """What extraction needs of an article: its text and what is known about it."""

    text: str
    meta: ArticleMeta


class Extractor:
    """Loads the pipeline once and turns article texts into Records."""

    def __init__(self, settings: Settings | None = None, *, nlp: Language | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self._nlp = nlp
        self._others: dict[str, Language] = {}
        self._other_versions: dict[str, dict[str, str]] = {}

    @cached_property
    def nlp(self) -> Language:
        """The English pipeline."""
        return self._nlp if self._nlp is not None else load_pipeline(self.settings)

    @cached_property
    def versions(self) -> dict[str, str]:
        """Versions of the English pipeline's components."""
        return versions(self.nlp)

    @property
    def piece_chars(self) -> int:
        """Longest text extracted as one Doc: `PIECE_CHARS`, or the model's max_length if lower."""
        return min(PIECE_CHARS, self.nlp.max_length)

    def pipeline_for(self, lang: str) -> Language:
        """The pipeline that reads `lang` (loaded on first use; unreadable languages share one)."""
        if lang == "en":
            return self.nlp
        key = lang if lang in CYRILLIC else "xx"
        if key not in self._others:
            self._others[key] = load_pipeline(self.settings, lang=key)
            self._other_versions[key] = versions(self._others[key])
        return self._others[key]

    @property
    def loaded_languages(self) -> list[str]:
        """The pipelines loaded so far besides English ("uk", "ru", "xx" for every other language)."""
        return sorted(self._others)

    def versions_for(self, lang: str) -> dict[str, str]:
        if lang == "en":
            return self.versions
        self.pipeline_for(lang)
        return self._other_versions[lang if lang in CYRILLIC else "xx"]

    def identified(self, item: ArticleInput) -> ArticleInput:
        """The article with its language: the input's `lang` when given, else identified."""
        lang = identify(item.text, given=item.meta.lang).code
        return ArticleInput(item.text, item.meta.model_copy(update={"lang": lang}))

    def record_of(self, item: ArticleInput) -> Record:
        """One article's Record, read by its language's pipeline; a text over `piece_chars` is
        extracted in pieces (`sitrep.pieces`), one piece's Doc in memory at a time."""
        item = self.identified(item)
        lang = item.meta.lang or "en"
        nlp = self.pipeline_for(lang)
        if len(item.text) <= self.piece_chars:
            return self._record(nlp(self.make_doc(item, nlp)), item.meta)
        parts = []
        for start, end in split_text(item.text, size=self.piece_chars):
            doc = nlp(self.make_doc(ArticleInput(item.text[start:end], item.meta), nlp))
            parts.append((start, self._record(doc, item.meta)))
            del doc
        record = join_records(parts, meta=item.meta, extractors=self.versions_for(lang))
        if not readable(lang) and not record.warnings:
            record.warnings.append(unreadable_warning(lang))
        return record

    def _record(self, doc: Doc, meta: ArticleMeta) -> Record:
        lang = meta.lang or "en"
        record = doc_to_record(doc, meta, self.versions_for(lang))
        if not readable(lang):
            record.warnings.append(unreadable_warning(lang))
        return record

    def make_doc(self, item: ArticleInput, nlp: Language | None = None) -> Doc:
        doc = (nlp or self.nlp).make_doc(item.text)
        doc._.published = item.meta.published
        doc._.article_id = item.meta.id
        doc._.outlet = item.meta.outlet
        return doc

    def extract(
        self,
        text: str,
        *,
        article_id: str = "article",
        published: date | None = None,
        **meta: object,
    ) -> Record:
        """One article's text to its Record."""
        text = normalise_text(text)
        article = ArticleMeta(id=article_id, published=published, sha256=text_hash(text), **meta)  # type: ignore[arg-type]
        return next(self.extract_many([ArticleInput(text, article)]))

    def extract_many(self, items: Iterable[ArticleInput], *, n_process: int = 1) -> Iterator[Record]:
        """Records for many articles, in order; `n_process` > 1 extracts in worker processes.

        Workers return finished Records rather than Docs: spaCy's own multiprocessing would
        have to serialise every ``doc._`` item through msgpack.
        """
        buffered = [self.identified(item) for item in items]
        n_process = max(1, min(n_process, len(buffered), os.cpu_count() or 1))
        if n_process == 1:
            # Runs of one language go through that language's pipeline together, in input order;
            # a text too long for one Doc goes alone, in pieces.
            def run_key(item: ArticleInput) -> tuple[str, bool]:
                return item.meta.lang or "en", len(item.text) > self.piece_chars

            for (lang, long), run in groupby(buffered, key=run_key):
                if long:
                    yield from (self.record_of(item) for item in run)
                    continue
                nlp = self.pipeline_for(lang)
                same = list(run)
                docs = nlp.pipe((self.make_doc(item, nlp) for item in same), batch_size=4)
                for item, doc in zip(same, docs, strict=True):
                    yield self._record(doc, item.meta)
            return
        for lang in {item.meta.lang or "en" for item in buffered}:
            self.pipeline_for(lang)  # load before forking, so that workers share the loaded models
        global _worker_extractor
        _worker_extractor = self
        start_method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        context = multiprocessing.get_context(start_method)
        try:
            with context.Pool(n_process) as pool:
                yield from pool.imap(_extract_in_worker, buffered, chunksize=2)
        finally:
            _worker_extractor = None


_worker_extractor: Extractor | None = None


def _extract_in_worker(item: ArticleInput) -> Record:
    extractor = _worker_extractor or Extractor()  # None only under the "spawn" start method
    return extractor.record_of(item)


#: What made one article's extraction fail: `OverBudget`, or any error of the pipeline.
Failure = Exception


def extract_each(
    extractor: Extractor, items: Sequence[ArticleInput], *, n_process: int = 1, seconds: float | None = None
) -> list[Record | Failure]:
    """Each article's Record, or what stopped it, in order: one bad article never fails the others.

    `seconds` is the budget per piece of text (`PIECE_CHARS`), so a long article gets
    proportionally longer (`budget_of`). The batch is extracted together first (fast, in
    parallel when asked) within the sum of its articles' budgets. When anything goes wrong
    the batch is extracted again one article at a time, each within its own budget, so
    that only the culprits come back as failures. RecursionError and MemoryError count as
    one article's failure too: a deep or huge text can raise them inside a component.
    """
    if not items:
        return []
    budgets = [budget_of(item.text, seconds) for item in items]
    try:
        with time_budget(sum(budgets) if seconds else None):
            return list(extractor.extract_many(items, n_process=n_process))
    except Exception as e:  # isolation (RecursionError and MemoryError included): find the culprit below
        if len(items) == 1:
            return [e]
    results: list[Record | Failure] = []
    for item, budget in zip(items, budgets, strict=True):
        try:
            with time_budget(budget if seconds else None):
                results.append(extractor.record_of(item))
        except Exception as e:  # becomes that article's rejection
            results.append(e)
    return results


def budget_of(text: str, seconds: float | None) -> float:
    """The time budget of one text: `seconds` for each piece of `PIECE_CHARS` it is cut into."""
    return (seconds or 0.0) * max(1, -(-len(text) // PIECE_CHARS))
