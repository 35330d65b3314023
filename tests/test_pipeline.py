"""The pipeline: components registered in order, records with provenance, spans that read back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.config import Settings
from sitrep.errors import ConfigError
from sitrep.models import RECORD_LISTS
from sitrep.pipeline import COMPONENTS, component_names, load_pipeline, normalise_text, text_hash

FORMAT_FIELDS = {
    "places": {"name", "lat", "lon", "country", "literal"},
    "units": {"name", "number", "echelon", "side"},
    "sources": {"name"},
    "actors": {"name", "kind", "side"},
    "quotes": {"text", "speaker", "side"},
    "claims": {"text", "claimant", "stance", "hedged"},
    "events": {"type", "place", "status", "actor_side"},
    "forecasts": {"event_type", "place", "by", "horizon"},
    "quantities": {"text", "value", "about"},
}


def test_components_run_in_the_declared_order(nlp):
    sitrep_pipes = [name for name in nlp.pipe_names if name.startswith("sitrep_")]
    assert sitrep_pipes == component_names()


def test_analyze_pipes_finds_no_missing_requirement(nlp):
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"].values()), analysis["problems"]


def test_unknown_model_is_a_clear_config_error():
    with pytest.raises(ConfigError, match="E001.*not installed"):
        load_pipeline(Settings(model="no_such_model_xx"))


def test_unknown_disabled_component_lists_the_options():
    with pytest.raises(ConfigError, match="E002.*sitrep_places"):
        load_pipeline(Settings(disabled=("sitrep_nonsense",)))


def test_seed_record_has_every_format_field(seed_record):
    data = json.loads(seed_record.model_dump_json())
    for field, keys in FORMAT_FIELDS.items():
        assert isinstance(data[field], list), field
        for item in data[field]:
            assert keys <= item.keys(), (field, keys - item.keys())


@pytest.mark.parametrize("field", RECORD_LISTS)
def test_every_item_has_provenance_and_spans_that_read_back(seed_record, seed_text, field):
    text = normalise_text(seed_text)
    for item in getattr(seed_record, field):
        assert item.id and item.extractor.startswith("sitrep.")
        assert item.spans, (field, item)
        for span in item.spans:
            assert text[span.start : span.end] == span.text


def test_record_lists_each_component_version(seed_record):
    for factory, _ in COMPONENTS:
        assert factory in seed_record.extractors


@pytest.mark.parametrize(
    "a,b",
    [("Pokrovsk fell.\r\n", "Pokrovsk fell.\n"), ("Pokrovsk  fell. ", "pokrovsk fell."), ("Cafe\u0301", "Café")],
)
def test_text_hash_ignores_case_whitespace_and_unicode_form(a, b):
    assert text_hash(a) == text_hash(b)


def test_workers_give_the_same_records_as_one_process(extractor, seed_text):
    from sitrep.models import ArticleMeta
    from sitrep.pipeline import ArticleInput

    items = [ArticleInput(normalise_text(seed_text), ArticleMeta(id=f"a{i}")) for i in range(3)]
    one = [r.model_dump() for r in extractor.extract_many(items, n_process=1)]
    two = [r.model_dump() for r in extractor.extract_many(items, n_process=2)]
    assert one == two


def test_seed_bundled_with_the_package_is_the_article():
    from importlib.resources import files

    sample = files("sitrep") / "data" / "sample" / "pokrovsk-wsj-digest.txt"
    assert "Pokrovsk" in Path(str(sample)).read_text(encoding="utf-8")
