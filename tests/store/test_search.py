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


#: Oldest first: the first report names Vuhledar most, the later ones once each.
DISPATCHES = [
    "Vuhledar: shelling of Vuhledar went on all night and Vuhledar's last road was cut.",
    "Vuhledar was quiet in the morning, a volunteer said.",
    "Supplies reached Vuhledar after dark, the brigade said.",
    "Drones were seen over Vuhledar at noon, residents said.",
]


@pytest.fixture
def dispatches(store, article, empty_record):
    for i, body in enumerate(DISPATCHES):
        store.add(article(body, f"dispatch-{i}.txt"), empty_record())
    return store


@pytest.mark.parametrize(
    "window,limit,first,found",
    [
        (None, 4, "dispatch-0.txt", 4),  # every match ranked: the oldest, best report leads
        (1000, 4, "dispatch-0.txt", 4),  # the default window holds them all
        (3, 3, None, 3),  # only the newest three are ranked: the oldest is not among them
        (2, 2, None, 2),
        (1, 4, "dispatch-0.txt", 4),  # never fewer ranked than asked for
    ],
)
def test_only_the_newest_matches_are_ranked(dispatches, window, limit, first, found):
    hits = dispatches.search("Vuhledar", limit=limit, window=window)
    origins = [origin_of(dispatches, h.id) for h in hits]
    assert len(origins) == found
    if first:
        assert origins[0] == first
    else:
        assert "dispatch-0.txt" not in origins
    assert [h.rank for h in hits] == sorted((h.rank for h in hits), reverse=True)


def test_equal_ranks_put_the_newer_article_first(store, article, empty_record):
    for origin in ("older.txt", "newer.txt"):  # same length, one mention each: the same bm25
        store.add(article(f"Kupiansk held, said {origin[:5]}.", origin), empty_record())
    assert [origin_of(store, h.id) for h in store.search("Kupiansk")] == ["newer.txt", "older.txt"]


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
