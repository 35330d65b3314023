"""Clean text in: footnote markers, link syntax, URLs and page furniture out before extraction."""

from __future__ import annotations

import pytest

from sitrep.errors import InputError
from sitrep.ingest.clean import body_words, clean_text, cleaned
from sitrep.ingest.fields import make_article
from sitrep.ingest.html import article_from_html


@pytest.mark.parametrize(
    "raw,expected",
    [
        (
            "Russian forces advanced near Siversk.[[iv]](https://example.org/a#_edn4) Ukrainian troops held.",
            "Russian forces advanced near Siversk. Ukrainian troops held.",
        ),
        ("Drones struck Kharkiv overnight.[12] Two people were hurt.[13]", "Drones struck Kharkiv overnight. Two people were hurt."),
        ("The [General Staff](https://example.org/gs) said troops withdrew.", "The General Staff said troops withdrew."),
        ("See https://example.org/a?c=1, the army said.", "See, the army said."),
        ("![map of the front](https://example.org/m.png)\nTroops withdrew from the village.", "Troops withdrew from the village."),
        ("## Fighting near Kupiansk\n\n**Russian forces** attacked again.", "Fighting near Kupiansk\n\nRussian forces attacked again."),
        ("Shelling hit Kherson, officials said (https://example.org/x).", "Shelling hit Kherson, officials said."),
    ],
)
def test_markup_and_markers_are_removed(raw, expected):
    assert clean_text(raw) == expected


def test_menus_and_banners_go_and_prose_stays():
    page = (
        "Home\nWorld\nEurope\nVideo\n\n"
        "Russian forces shelled the centre of Kherson on Tuesday, the regional governor said.\n\n"
        "We use cookies to improve your experience. Accept all\n"
        "Share on Facebook\nSubscribe to our newsletter\n"
    )
    assert clean_text(page) == "Russian forces shelled the centre of Kherson on Tuesday, the regional governor said."


def test_a_short_list_of_places_in_an_article_stays():
    text = "Drones struck three towns:\nKherson\nNikopol\n\nRepairs began at once."
    assert "Kherson\nNikopol" in clean_text(text)


@pytest.mark.parametrize(
    "page",
    [
        b"<html><body><nav><a href='/'>Home</a></nav><ul><li>World</li><li>Ukraine</li><li>Video</li>"
        b"<li>Opinion</li></ul></body></html>",
        b"<html><body><p>Accept all cookies</p><p>Manage preferences</p><p>Sign in</p></body></html>",
    ],
)
def test_a_page_without_prose_is_rejected_with_e150_or_e104(page):
    with pytest.raises(InputError) as error:
        article_from_html(page, origin="menu.html")
    assert error.value.code in ("E150", "E104")


def test_e150_names_the_input_and_the_count():
    with pytest.raises(InputError, match=r"E150.*menu\.html.*0 words"):
        cleaned("Home\nWorld\nUkraine\nVideo", format="html", where="menu.html")


def test_articles_as_given_keep_short_text():
    assert make_article("Troops held Pokrovsk.", origin="a.txt").text == "Troops held Pokrovsk."
    assert body_words("Troops held Pokrovsk.") == 3
