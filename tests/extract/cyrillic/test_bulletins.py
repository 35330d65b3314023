"""Bulletins and digests in Ukrainian and Russian: front formulas, list items and their holder."""

from __future__ import annotations

import pytest


def claims(nlp, text):
    return [(c.claimant, c.text) for c in nlp(text)._.claims]


@pytest.mark.parametrize(
    "lang,text,holder,claim",
    [
        # the body an outlet relays holds the paragraph, not the outlet
        (
            "uk",
            "Про це повідомляє видання Вісті з посиланням на Генштаб ЗСУ. Противник втратив 1 200 осіб за добу.",
            "Генштаб ЗСУ",
            "Противник втратив 1 200 осіб за добу",
        ),
        (
            "ru",
            "По данным Минобороны России, за сутки потери ВСУ составили до 400 военнослужащих.",
            "Минобороны России",
            "за сутки потери ВСУ составили до 400 военнослужащих",
        ),
        (
            "uk",
            "За даними Повітряних сил, уночі ворог запустив дрони. Над Полтавщиною збито 20 безпілотників.",
            "Повітряних сил",
            "Над Полтавщиною збито 20 безпілотників",
        ),
    ],
)
def test_a_front_formula_is_a_claim_of_the_paragraphs_source(nlp_of, lang, text, holder, claim):
    assert (holder, claim) in claims(nlp_of(lang), text)


def test_a_sentence_without_a_source_in_its_paragraph_is_no_claim(uk):
    assert claims(uk, "Уночі ворог знищив склад у селі.") == []


def test_a_verb_of_saying_keeps_its_own_claim(uk):
    found = claims(uk, "Речник Генштабу заявив, що ворог втратив три танки.")
    assert found == [("Речник Генштабу", "ворог втратив три танки")]


def test_the_items_of_a_digest_are_claims_of_its_source(uk):
    text = (
        "За даними Повітряних сил, уночі ворог атакував Україну. Серед цілей: дві крилаті ракети з району "
        "Каспійського моря; сорок ударних дронів типу Шахед; три керовані авіабомби над Сумщиною."
    )
    found = claims(uk, text)
    for item in (
        "дві крилаті ракети з району Каспійського моря",
        "сорок ударних дронів типу Шахед",
        "три керовані авіабомби над Сумщиною",
    ):
        assert ("Повітряних сил", item) in found


def test_a_table_of_losses_gives_counts_held_by_the_source(uk):
    text = (
        "Генштаб ЗСУ повідомив про нові втрати ворога.\n"
        "Загальні бойові втрати противника орієнтовно склали:\n"
        "особового складу ‒ близько 700 100 (+1 500) осіб\n"
        "танків ‒ 9 100 (+12) од.\n"
    )
    quantities = [(q.value, q.about, q.claimant) for q in uk(text)._.quantities]
    assert (700100.0, "особового складу", "Генштаб ЗСУ") in quantities
    assert (9100.0, "танків", "Генштаб ЗСУ") in quantities
    assert all(value not in (1500.0, 12.0) for value, _, _ in quantities)  # the day's increments


def test_counts_of_a_russian_bulletin_are_the_ministrys(ru):
    text = "Как сообщили в Минобороны России, средствами ПВО сбиты 45 беспилотников."
    assert [(q.value, q.claimant) for q in ru(text)._.quantities] == [(45.0, "Минобороны России")]
