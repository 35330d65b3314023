"""Ingest keeps each article's language, and warns about the ones sitrep cannot read."""

from __future__ import annotations

import pytest

from sitrep.ingest.article import Article
from sitrep.ingestion import store_articles
from sitrep.store import Store

UK = "Українські сили відбили штурм біля Покровська, повідомили в Генштабі у вівторок."
RU = "Российские войска атаковали окраины Мирнограда, сообщили в Минобороны России во вторник."
FR = "Les forces ukrainiennes ont repoussé un assaut près de Pokrovsk, a indiqué l'état-major mardi."

pytestmark = pytest.mark.slow


@pytest.fixture
def store(tmp_path):
    with Store.open(f"sqlite:///{tmp_path / 'sitrep.db'}") as opened:
        yield opened


def test_identified_languages_are_stored(store, extractor):
    summary = store_articles([Article(UK, "uk.txt"), Article(RU, "ru.txt")], store=store, extractor=extractor)
    assert summary.counts()["new"] == 2 and not summary.warnings()
    langs = {store.get(r.id).article.lang for r in summary.new}
    assert langs == {"uk", "ru"}
    assert {store.get(r.id).record.article.lang for r in summary.new} == {"uk", "ru"}


def test_an_unreadable_language_is_stored_and_warned_about(store, extractor):
    summary = store_articles([Article(FR, "fr.txt")], store=store, extractor=extractor)
    assert summary.counts() == {"new": 1, "duplicate": 0, "rejected": 0}
    (warning,) = summary.warnings()
    assert warning.startswith("fr.txt: E030") and "'fr'" in warning
    stored = store.get(summary.new[0].id)
    assert stored.article.lang == "fr"
    assert stored.record.warnings and not stored.record.places


def test_the_inputs_lang_field_wins(store, extractor):
    summary = store_articles([Article(UK, "a.jsonl:1", lang="ru")], store=store, extractor=extractor)
    assert store.get(summary.new[0].id).article.lang == "ru"


EN_FRONT = "Russian forces advanced near Pokrovsk on Tuesday, the General Staff said. Fighting continues in Pokrovsk."
UK_FRONT = "Російські війська просунулися біля Покровська, повідомили в Генштабі ЗСУ. Бої тривають у Покровську."
RU_FRONT = "Российские войска продвинулись у Покровска, сообщили в Генштабе ВСУ. Бои продолжаются в Покровске."


def test_a_report_on_one_place_cites_all_three_languages(store, extractor):
    from sitrep.situation import render_markdown, situation_report

    items = [
        Article(EN_FRONT, "en.txt", outlet="Kyiv Independent"),
        Article(UK_FRONT, "uk.txt", outlet="UNIAN"),
        Article(RU_FRONT, "ru.txt", outlet="BBC Russian"),
    ]
    summary = store_articles(items, store=store, extractor=extractor)
    # --near takes in the facts only near the place ("advanced near Pokrovsk"), with their relation.
    report = render_markdown(situation_report(store, place="Pokrovsk", near_km=10))
    assert all(result.id in report for result in summary.new)
    assert "Покровська" in report and "Покровска" in report and "near Pokrovsk" in report
    # One place, every spelling: the same gazetteer entry in each record.
    ids = {p.geonameid for r in summary.new for p in store.get(r.id).record.places if p.canonical == "Pokrovsk"}
    assert ids == {704422}
