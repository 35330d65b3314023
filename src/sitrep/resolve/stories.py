"""Stories: articles about the same events, grouped incrementally.

A new article is compared only with the stories that share one of its entity keys (a place,
unit or person) and were active within `WINDOW_DAYS` of its date, so joining a story costs
a few indexed look-ups, never a pass over the store. The affinity of an article and a
story mixes how many places they share, how many other entities, and how many salient
words; an article joins the best story above `JOIN_AT`, or starts its own.

    >>> a = ArticleProfile.of(keys={"geo:704422"}, words={"pokrovsk", "assault", "drones"}, on=None)
    >>> story = StoryProfile.start(1, a)
    >>> affinity(a, story) == 1.0
    True
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from ..models import Record
from .facts import entities_of

#: Reports more than this many days apart are about different events, whatever they share.
WINDOW_DAYS = 4
#: Affinity from which an article joins a story (see `affinity` for the scale).
JOIN_AT = 0.3
#: An undated article can't be placed in time, so it needs a closer match to join a story.
JOIN_UNDATED_AT = 0.5
#: A story keeps its most frequent keys and words, so its profile stays small as it grows.
PROFILE_SIZE = 80
WORDS_PER_ARTICLE = 40

# Common English words and reporting verbs that say nothing about which events an article covers.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers him his how i if in into is it its itself just me more most my no nor
    not now of off on once only or other our out over own same she should so some such than that the
    their them then there these they this those through to too under until up very was we were what when
    where which while who whom why will with would you your said says say told according reported report
    reports news monday tuesday wednesday thursday friday saturday sunday year years week weeks day days
    month months time people one two three new also since still last first however many much may might
    must us mr ms""".split()
)
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


def salient_words(text: str, *, limit: int = WORDS_PER_ARTICLE) -> set[str]:
    """The article's most frequent content words (lower-cased, stopwords dropped)."""
    counts = Counter(w for w in (m.group(0).casefold() for m in _WORD.finditer(text)) if w not in STOPWORDS)
    return {w for w, _ in counts.most_common(limit)}


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    x, y = set(a), set(b)
    return len(x & y) / len(x | y) if x or y else 0.0


@dataclass(frozen=True)
class ArticleProfile:
    keys: frozenset[str]
    words: frozenset[str]
    on: date | None

    @classmethod
    def of(cls, *, keys: Iterable[str], words: Iterable[str], on: date | None) -> ArticleProfile:
        return cls(frozenset(keys), frozenset(words), on)

    @classmethod
    def from_record(cls, record: Record, text: str, *, same: Mapping[str, str] | None = None) -> ArticleProfile:
        """The article's entity keys (mapped through `same`: the store's key for each place) and words."""
        # A country ("Ukraine") is named by nearly every article, so it tells no story apart.
        keys = {(same or {}).get(e.key, e.key) for e in entities_of(record) if e.feature != "country"}
        return cls.of(keys=keys, words=salient_words(text), on=record.article.published)

    @property
    def places(self) -> frozenset[str]:
        return frozenset(k for k in self.keys if k.startswith(("geo:", "place:")))


@dataclass
class StoryProfile:
    id: int
    keys: Counter[str] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)
    first: date | None = None
    last: date | None = None
    size: int = 0

    @classmethod
    def start(cls, story_id: int, article: ArticleProfile) -> StoryProfile:
        story = cls(story_id)
        story.absorb(article)
        return story

    def absorb(self, article: ArticleProfile) -> None:
        self.keys.update(article.keys)
        self.words.update(article.words)
        self.keys = _top(self.keys)
        self.words = _top(self.words)
        if article.on:
            self.first = min(filter(None, (self.first, article.on)))
            self.last = max(filter(None, (self.last, article.on)))
        self.size += 1

    def active_on(self, day: date | None) -> bool:
        if day is None or self.first is None or self.last is None:
            return True
        return (self.first - day).days <= WINDOW_DAYS and (day - self.last).days <= WINDOW_DAYS


def affinity(article: ArticleProfile, story: StoryProfile) -> float:
    """0..1: shared places weigh 5, other shared entities 2, shared salient words 3.

    Places always count (a story about somewhere else scores 0 there); other entities count
    only when either side has some, so two reports that name no unit or person are not
    held apart by that.
    """
    story_places = {k for k in story.keys if k.startswith(("geo:", "place:"))}
    story_other = set(story.keys) - story_places
    article_other = article.keys - article.places
    parts = [(5.0, jaccard(article.places, story_places)), (3.0, jaccard(article.words, story.words))]
    if article_other or story_other:
        parts.append((2.0, jaccard(article_other, story_other)))
    return sum(w * v for w, v in parts) / sum(w for w, _ in parts)


def _top(counts: Counter[str], size: int = PROFILE_SIZE) -> Counter[str]:
    """The `size` most frequent entries, ties broken by the entry itself: never by set order,
    which changes with PYTHONHASHSEED and made story grouping differ from run to run (issue 15)."""
    return Counter(dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:size]))


def choose_story(article: ArticleProfile, candidates: Iterable[StoryProfile]) -> StoryProfile | None:
    """The story the article joins: the best affinity above the threshold, the oldest story on a tie."""
    best, best_score = None, JOIN_AT if article.on is not None else JOIN_UNDATED_AT
    for story in sorted(candidates, key=lambda story: -story.id):  # ties go to the last seen: the oldest
        if not story.active_on(article.on):
            continue
        score = affinity(article, story)
        if score >= best_score:
            best, best_score = story, score
    return best


class MemoryStories:
    """Incremental story assignment in memory, with the same candidate rule as the store."""

    def __init__(self) -> None:
        self.stories: dict[int, StoryProfile] = {}
        self._by_key: dict[str, set[int]] = {}

    def add(self, article: ArticleProfile) -> int:
        candidates = {sid for key in article.keys for sid in self._by_key.get(key, ())}
        story = choose_story(article, (self.stories[sid] for sid in sorted(candidates)))
        if story is None:
            story = StoryProfile(len(self.stories) + 1)
            self.stories[story.id] = story
        story.absorb(article)
        for key in article.keys:
            self._by_key.setdefault(key, set()).add(story.id)
        return story.id
