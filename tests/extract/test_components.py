"""What every component declares: what it reads and writes, and a version that follows its code and data."""

from __future__ import annotations

import re

import pytest
from spacy.tokens.underscore import Underscore

from sitrep.config import Settings
from sitrep.errors import ConfigError
from sitrep.extract.base import items_of
from sitrep.extract.fingerprint import digest_of, inputs_of, version_of
from sitrep.pipeline import component_names, load_pipeline, versions


def test_every_doc_extension_a_component_writes_is_declared(nlp):
    declared = {a for name in component_names() for a in nlp.get_pipe_meta(name).assigns}
    doc = nlp("Russian forces shelled Kherson on Monday, the regional governor said.")
    written = {f"doc._.{name}" for name in Underscore.doc_extensions if getattr(doc._, name) is not None}
    assert {"doc._.places", "doc._.event_triggers"} <= written
    assert written <= declared


def test_disabling_a_writer_its_readers_need_is_a_coded_error():
    with pytest.raises(ConfigError, match=r"E013.*doc\._\.times.*sitrep_times"):
        load_pipeline(Settings(disabled=("sitrep_times",)))


def test_reading_an_extension_no_component_set_is_a_coded_error(nlp):
    doc = nlp.make_doc("Kherson was shelled.")
    with pytest.raises(ConfigError, match=r"E013.*doc\._\.places.*sitrep_places"):
        items_of(doc, "places")


def test_every_component_version_is_a_number_and_a_hash(nlp):
    found = versions(nlp)
    for name in component_names():
        assert re.fullmatch(r"\d+\+[0-9a-f]{12}", found[name]), (name, found[name])


@pytest.mark.parametrize(
    "module,needed",
    [
        ("sitrep.extract.units.units", {"units/units.py", "units/orbat.py", "units/echelons.txt", "data/orbat.csv", "sides.txt"}),
        ("sitrep.extract.voices.speakers", {"voices/mentions.py", "verbs_of_saying.txt", "voices/person_nouns.txt"}),
        ("sitrep.extract.events.times", {"events/times.py", "events/time_patterns.json"}),
    ],
)
def test_a_component_version_covers_its_modules_and_data(module, needed):
    paths = {str(p) for p in inputs_of(module)}
    for part in needed:
        assert any(p.endswith(part) for p in paths), part


def test_the_hash_changes_with_a_word_of_a_list(tmp_path):
    words = tmp_path / "hedges.txt"
    words.write_text("# source: a test\nmaybe\n", encoding="utf-8")
    before = digest_of([words], root=tmp_path)
    words.write_text("# source: a test\nmaybe\nperhaps\n", encoding="utf-8")
    assert digest_of([words], root=tmp_path) != before


def test_components_with_different_code_have_different_versions():
    assert version_of("sitrep.extract.units.units") != version_of("sitrep.extract.events.times")
