"""Language identification and per-language pipelines (sitrep.language, pipeline.Extractor)."""

from __future__ import annotations

import pytest

from sitrep.language import identify, normalise_code, readable

UK = "Російські війська просунулися на околицях міста, повідомили в командуванні угруповання."
RU = "Российские подразделения продвинулись на окраинах города, сообщили в командовании группировки."
EN = "Russian units advanced on the outskirts of the town, the group's command said on Tuesday."
FR = "Les unités russes ont avancé aux abords de la ville, a indiqué mardi le commandement du groupe."
DE = "Russische Einheiten sind am Stadtrand vorgerückt, teilte das Kommando der Gruppe am Dienstag mit."


@pytest.mark.parametrize("text,code", [(UK, "uk"), (RU, "ru"), (EN, "en"), (FR, "fr"), (DE, "de")])
def test_identify(text, code):
    assert identify(text).code == code


@pytest.mark.parametrize("given,code", [("ru-RU", "ru"), ("UK", "uk"), ("en_GB", "en"), (" fr ", "fr")])
def test_the_language_the_input_gives_wins(given, code):
    found = identify(EN, given=given)
    assert (found.code, found.given) == (code, True)


@pytest.mark.parametrize("text", ["", "12 345 — 67", "   "])
def test_no_letters_is_undetermined(text):
    assert identify(text).code == "und"


def test_a_few_words_lean_to_a_readable_language():
    # "Avdiivka" alone reads as Romanian with little confidence; a readable runner-up is kept.
    assert readable(identify("Avdiivka").code)


@pytest.mark.parametrize("code,expected", [("en", True), ("uk", True), ("ru", True), ("fr", False), ("und", False)])
def test_readable(code, expected):
    assert readable(code) is expected


def test_normalise_code():
    assert normalise_code("pt-BR") == "pt"


@pytest.mark.slow
@pytest.mark.parametrize("text,lang", [(UK, "uk"), (RU, "ru")])
def test_cyrillic_articles_run_their_own_pipeline(extractor, text, lang):
    record = extractor.extract(text, article_id=lang)
    assert record.article.lang == lang
    assert "sitrep_places_cyrillic" in record.extractors
    # English components that need an English parse are skipped, not run on Cyrillic words.
    assert "sitrep_claims" not in record.extractors and "sitrep_events" not in record.extractors
    assert not record.warnings


@pytest.mark.slow
def test_an_unreadable_language_is_stored_with_a_warning_and_no_english_rules(extractor):
    record = extractor.extract(FR + " Pokrovsk, Kyiv, Moscow.", article_id="fr")
    assert record.article.lang == "fr"
    assert record.warnings and record.warnings[0].startswith("E030")
    assert set(record.extractors) == {"spacy", "model:pipeline", "sitrep_article"}
    assert not record.places and not record.quotes


@pytest.mark.slow
def test_english_keeps_the_english_pipeline(extractor):
    record = extractor.extract(EN, article_id="en")
    assert record.article.lang == "en"
    assert record.extractors == extractor.versions


@pytest.mark.slow
def test_the_lang_field_overrides_the_guess(extractor):
    record = extractor.extract(EN, article_id="x", lang="fr")
    assert record.article.lang == "fr" and record.warnings
