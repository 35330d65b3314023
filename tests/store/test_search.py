"""Full-text search: query parsing, ranking and snippets (SQLite FTS5)."""

from __future__ import annotations

import pytest

from sitrep.errors import StoreError
from sitrep.store.search import fts5_query

REPORTS = {
    "pokrovsk.txt": (
        "Pokrovsk under pressure",
        "Russian units pushed into Pokrovsk from the south. Officers of the 68th Jaeger Brigade said "
        "Pokrovsk could not be held for long, and drones struck the roads out of Pokrovsk.",
    ),
    "myrnohrad.txt": (
        "Myrnohrad supply lines",
        "Supply lines to Myrnohrad, east of Pokrovsk, were cut by drones, the brigade's spokesman said.",
    ),
    "kharkiv.txt": (
        "Strikes on Kharkiv",
        "Guided bombs hit Kharkiv overnight, the regional governor said. Two people were wounded.",
    ),
}


@pytest.fixture
def filled(store, article, empty_record):
    for origin, (title, body) in REPORTS.items():
        store.add(article(body, origin, title=title), empty_record())
    return store


def origin_of(store, hit_id: str) -> str:
    return store.get(hit_id).article.origin


@pytest.mark.parametrize(
    "query,expected",
    [
        ("Pokrovsk", '"Pokrovsk"'),
        ("Jaeger Brigade", '"Jaeger" "Brigade"'),
        ("68th-brigade", '"68th-brigade"'),
        ('"Jaeger Brigade"', '"Jaeger Brigade"'),
        ("Pokrovsk OR Kharkiv", "Pokrovsk OR Kharkiv"),
        ("Pokrov*", "Pokrov*"),
    ],
)
def test_plain_words_are_quoted_and_fts5_syntax_is_kept(query, expected):
    assert fts5_query(query) == expected


def test_more_mentions_rank_higher(filled):
    hits = filled.search("Pokrovsk")
    assert [origin_of(filled, h.id) for h in hits] == ["pokrovsk.txt", "myrnohrad.txt"]
    assert hits[0].rank > hits[1].rank


def test_snippets_mark_the_matched_words(filled):
    [hit] = filled.search("Kharkiv governor", mark=("<b>", "</b>"))
    assert "<b>Kharkiv</b>" in hit.snippet and "<b>governor</b>" in hit.snippet
    assert hit.title == "Strikes on Kharkiv"


@pytest.mark.parametrize(
    "query,origins",
    [
        ('"Jaeger Brigade"', {"pokrovsk.txt"}),
        ("drones", {"pokrovsk.txt", "myrnohrad.txt"}),
        ("drone", {"pokrovsk.txt", "myrnohrad.txt"}),  # porter stemming
        ("Myrnohrad OR Kharkiv", {"myrnohrad.txt", "kharkiv.txt"}),
        ("Pokrovsk NOT Myrnohrad", {"pokrovsk.txt"}),
        ("Kharkiv-based", set()),  # a hyphen is not an FTS5 column filter here
        ("supply", {"myrnohrad.txt"}),  # in the title and the text
        ("Bakhmut", set()),
    ],
)
def test_queries_find_the_right_articles(filled, query, origins):
    assert {origin_of(filled, h.id) for h in filled.search(query)} == origins


def test_limit_caps_the_hits(filled):
    assert len(filled.search("said", limit=2)) == 2


@pytest.mark.parametrize(
    "query,code",
    [('"unclosed', "E203"), ("   ", "E203"), ("NEAR(", "E203"), ("title:Kharkiv OR x:y", "E203")],
)
def test_a_malformed_query_is_a_clear_error(filled, query, code):
    with pytest.raises(StoreError) as error:
        filled.search(query)
    assert error.value.code == code
