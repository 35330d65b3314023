"""Incremental story assignment on article profiles written for the test."""

from __future__ import annotations

from datetime import date

from sitrep.resolve.stories import ArticleProfile, MemoryStories, affinity, salient_words

POKROVSK = "geo:704422"
MYRNOHRAD = "geo:709611"
KHARKIV = "geo:706483"


def profile(keys: set[str], text: str, on: date | None) -> ArticleProfile:
    return ArticleProfile.of(keys=keys, words=salient_words(text), on=on)


ASSAULT = "Russian assault groups infiltrated Pokrovsk under fog; drones struck supply routes to Myrnohrad."
ASSAULT_2 = "Fog let Russian assault groups infiltrate Pokrovsk while drones hit the supply routes of Myrnohrad."
GRID = "Missiles struck the power grid in Kharkiv overnight, leaving thousands of homes without heating."


def test_reports_of_the_same_events_share_a_story():
    stories = MemoryStories()
    first = stories.add(profile({POKROVSK, MYRNOHRAD}, ASSAULT, date(2025, 11, 3)))
    second = stories.add(profile({POKROVSK, MYRNOHRAD}, ASSAULT_2, date(2025, 11, 4)))
    other = stories.add(profile({KHARKIV}, GRID, date(2025, 11, 4)))
    assert first == second != other


def test_the_same_place_weeks_later_is_a_new_story():
    stories = MemoryStories()
    first = stories.add(profile({POKROVSK, MYRNOHRAD}, ASSAULT, date(2025, 11, 3)))
    later = stories.add(profile({POKROVSK, MYRNOHRAD}, ASSAULT_2, date(2025, 12, 20)))
    assert first != later


def test_affinity_rewards_shared_places_most():
    from sitrep.resolve.stories import StoryProfile

    story = StoryProfile.start(1, profile({POKROVSK}, ASSAULT, None))
    same_place = profile({POKROVSK}, GRID, None)
    same_words = profile({KHARKIV}, ASSAULT, None)
    assert affinity(same_place, story) > affinity(same_words, story)


def test_salient_words_drop_stopwords_and_reporting_verbs():
    words = salient_words("The officer said that the drones said nothing; drones, drones and more drones.")
    assert "drones" in words and "said" not in words and "the" not in words


def test_undated_articles_need_a_closer_match():
    stories = MemoryStories()
    first = stories.add(profile({POKROVSK, MYRNOHRAD}, ASSAULT, None))
    loose = stories.add(profile({POKROVSK}, GRID, None))
    assert loose != first
