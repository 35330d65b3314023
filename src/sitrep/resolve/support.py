"""What a fact's own sentence supports: its real sentence, its place relation, its reality.

A cross-article view states "capture at Pokrovsk (2026-02-03)" only when the cited sentence
itself carries the trigger, the place and the holder. This module holds the mechanism; the
words it reads are data (``sitrep/data/lexicons/support.toml``, one list per kind of
sentence):

- `sentence_at`: the real sentence around a position, cut at sentence ends, line breaks and
  footnote markers ("…Pokrovsk.[3] Russian forces…"), never longer than `MAX_SENTENCE`;
- `relation_of`: how a sentence names a place: at it (None), or only "near" it, "toward" it,
  "on the outskirts" of it, or as a "direction" ("the Pokrovsk direction");
- `unreal_cue`: the attempt, hypothetical or negation cue in the trigger's own clause
  ("attempted to advance", "even with reinforcements", "did not capture");
- `past_year`: a year in the sentence well before the article's date ("in 1943"), which
  makes a sentence history rather than news;
- `good_holder`: whether a holder is a person, body or outlet, not evidence or a heading
  ("Geolocated footage", "Key Takeaways:").

    >>> text = "Russian forces advanced near Pokrovsk.[2] Troops tried to advance toward Siversk."
    >>> sentence_at(text, 10)
    (0, 38)
    >>> relation_of(text, 28, 36)
    'near'
    >>> unreal_cue(text, 42, 63)
    'tried'
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

LEXICON = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "support.toml"

#: A "sentence" longer than this is a run of text the splitter could not cut (a page whose
#: footnote markers replaced its full stops); no fact is cited to it.
MAX_SENTENCE = 600
#: How many words before the trigger an attempt, hypothetical or negation cue may stand.
CUE_WINDOW = 7
#: A year this many years before the article's is history, not news ("in 1943", "since 2014").
HISTORY_YEARS = 2

# A sentence ends at . ! ? (optionally followed by a closing quote or bracket and footnote
# markers like [3], [[ii]], [12]) before whitespace, at a line break, or at a bare footnote
# marker between two sentences.
_END = re.compile(
    r"""(?:[.!?]["”’)\]]*(?:\[\[?\w{1,6}\]?\](?:\([^)\s]*\))?)*(?=\s|$))"""
    r"""|(?:\n\s*)|(?:\[\[?\w{1,6}\]?\](?:\([^)\s]*\))?(?=\s+[A-Z“"]))"""
    # "…in Ukraine.At the end of August…": a full stop run into the next sentence (scraped text)
    r"""|(?:(?<=[a-z])[.!?](?=[A-Z][a-z]))"""
)
_TRAILING_MARKERS = re.compile(r"(?:\[\[?\w{1,6}\]?\](?:\([^)\s]*\))?)+$")
# Trailing list items before a name: "Kupiansk, ", "Lyman (east of X), and " (capitalised
# names with an optional bracketed note, each followed by a comma or "and"/"or").
_LIST_BEFORE = re.compile(
    r"(?:[A-ZА-ЯЁІЇЄҐ][\w'’-]*(?:[ -][A-ZА-ЯЁІЇЄҐ][\w'’-]*){0,3}(?:\s*\([^()]{0,80}\))?(?:,\s*(?:and|or|і|та|и)?|\s+(?:and|or|і|та|и))\s+)+$"
)
_WORD = re.compile(r"[\w’']+")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass(frozen=True)
class Lexicon:
    attempt: tuple[str, ...]
    hypothetical: tuple[str, ...]
    negation: tuple[str, ...]
    history: tuple[str, ...]
    intent: tuple[str, ...]
    clause_break: tuple[str, ...]
    before: tuple[tuple[str, str], ...]  # (phrase, relation), longest first
    after: tuple[tuple[str, str], ...]
    non_holders: frozenset[str]
    place_heads: frozenset[str]
    naming: frozenset[str]
    meetings: frozenset[str]
    anaphora: tuple[str, ...]
    skip: frozenset[str]  # words between a relation and its place ("near occupied Inkerman")
    prefixes: frozenset[str]  # adjectives that open settlement names ("Novyi Donbas")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    with LEXICON.open("rb") as f:
        data = tomllib.load(f)

    def pairs(table: dict[str, list[str]]) -> tuple[tuple[str, str], ...]:
        flat = [(phrase, rel) for rel, phrases in table.items() for phrase in phrases]
        return tuple(sorted(flat, key=lambda p: -len(p[0])))

    return Lexicon(
        tuple(data["attempt"]),
        tuple(data["hypothetical"]),
        tuple(data["negation"]),
        tuple(data["history"]),
        tuple(data["intent"]),
        tuple(data["clause_break"]),
        pairs(data["relation_before"]),
        pairs(data["relation_after"]),
        frozenset(w for words in data["holder"].values() for w in words),
        frozenset(data["names"]["place_heads"]),
        frozenset(data["names"]["naming"]),
        frozenset(data["names"]["meetings"]),
        tuple(data["names"]["anaphora"]),
        frozenset(data["relation_skip"]["words"]),
        frozenset(data["names"]["prefixes"]),
    )


def sentence_at(text: str, pos: int, *, within: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """The (start, end) of the real sentence holding `pos`, or None when it runs past `MAX_SENTENCE`.

    `within` bounds the search (the extractor's sentence), so a parse that ran two sentences
    together is cut again here.
    """
    lo, hi = within if within else (0, len(text))
    lo, hi = max(0, lo), min(len(text), hi)
    if lo > 0:  # the window opens mid-text: its first boundary is the earliest start we trust
        first = _END.search(text, lo, pos)
        lo = first.end() if first is not None else lo
    start = lo
    for m in _END.finditer(text, lo, hi):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            hi = m.end() if text[m.start()] in ".!?" else m.start()
            break
    while start < hi and text[start].isspace():
        start += 1
    end = hi
    while end > start and text[end - 1].isspace():
        end -= 1
    marker = _TRAILING_MARKERS.search(text, start, end)
    if marker is not None:
        end = marker.start()
    if end - start > MAX_SENTENCE or end <= start:
        return None
    return start, end


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _ends_with(words: list[str], phrase: str) -> bool:
    target = phrase.split()
    return len(words) >= len(target) and words[len(words) - len(target) :] == target


def relation_of(text: str, start: int, end: int, *, sentence_start: int = 0) -> str | None:
    """How the place mention text[start:end] is named: None (at it), near, outskirts, toward or direction.

    >>> relation_of("fighting in the Kupiansk direction", 16, 24)
    'direction'
    """
    lex = lexicon()
    # "near Oleksiivka, Kindrativka, and Myropillya": the relation word heads the whole list
    head = _LIST_BEFORE.sub("", text[max(sentence_start, start - 400) : start])
    before = _words(head[-60:])
    # "near occupied Inkerman", "near the Kharkiv region border": words that leave the relation as it is
    words = list(before)
    while True:
        for phrase, rel in lex.before:
            if _ends_with(words, phrase):
                return rel
        # "3 km south of X", "5 kilometres from X": the last words before the name
        if len(words) >= 2 and words[-1] in ("of", "from") and words[-2] in ("north", "south", "east", "west"):
            return "near"
        if not words or not (words[-1] in lex.skip or words[-1].endswith(("'s", "’s"))):
            break
        words.pop()  # also a possessive: "the advance on Ukraine's capital Kyiv"
    after = _words(text[end : end + 30])[:2]
    for phrase, rel in lex.after:
        n = len(phrase.split())
        if after[:n] == phrase.split():
            return rel
    return None


_NEXT_NAME = re.compile(r"[ \t]+([A-Z][\w'’-]+)")
_HEAD_OF = re.compile(r"[ \t]+(?:port|city|town|village|region|island|peninsula)[ \t]+of[ \t]+[A-Z]")


def part_of_name(text: str, start: int, end: int) -> bool:
    """Whether the place mention text[start:end] is part of a longer name, not a place.

    >>> t = "The Kyiv Independent said Russian drones struck Kyiv City and a cafe called Paradise."
    >>> [part_of_name(t, t.index(w), t.index(w) + len(w)) for w in ("Kyiv", "Paradise")]
    [True, True]
    >>> part_of_name(t, t.rindex("Kyiv"), t.rindex("Kyiv") + 4)
    False
    >>> part_of_name("strikes on the day of the Geneva talks", 26, 32)
    True
    >>> part_of_name("a strike on the day talks began in Riyadh", 35, 41)
    True
    """
    lex = lexicon()
    following = _NEXT_NAME.match(text, end)
    if following and following.group(1).casefold() not in lex.place_heads:
        return True
    if _HEAD_OF.match(text, end):
        return True  # "the Black Sea port of Kherson": the name only locates the place that follows
    after = _words(text[end : end + 20])[:1]
    if after and after[0] in lex.meetings:
        return True  # "the Geneva talks": a meeting, not where the event happened
    if start > 0 and text[start - 1] in "-‐":
        return True  # "the Russia-Ukraine frontline": one part of a compound
    before = _words(text[max(0, start - 40) : start])
    if len(before) >= 2 and before[-1] in ("in", "at") and any(w in lex.meetings for w in before[-4:-1]):
        return True  # "talks in Riyadh", "a summit opened in Vilnius": the venue of a meeting
    if before and before[-1] in lex.prefixes and text[start - len(before[-1]) - 1 : start - 1][:1].isupper():
        return True  # "Novyi Donbas", "Mala Tokmachka": the rest of a settlement's name
    return bool(before) and before[-1] in lex.naming


_REGION_AFTER = re.compile(
    r"(?:\s*(?:,|and|or|&)\s*(?:and\s+)?[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*)?)*\s+(?:oblasts?|regions?|provinces?|krais?)\b"
)


def names_region(text: str, end: int) -> bool:
    """Whether the name ending at `end` stands for its region: "in Chernihiv, Kharkiv, and Sumy oblasts".

    >>> t = "Strikes hit Chernihiv, Kharkiv, and Sumy oblasts and the city of Odesa."
    >>> names_region(t, t.index("Chernihiv") + 9), names_region(t, t.index("Odesa") + 5)
    (True, False)
    """
    return _REGION_AFTER.match(text, end) is not None


def _clause_before(text: str, sentence_start: int, trigger_start: int) -> str:
    """The words of the trigger's own clause before it, up to `CUE_WINDOW` words."""
    head = text[sentence_start:trigger_start]
    lowered = head.casefold()
    cut = max((lowered.rfind(b) + len(b) for b in lexicon().clause_break if b in lowered), default=0)
    words = _WORD.findall(head[cut:].replace("’", "'"))
    return " ".join(words[-CUE_WINDOW:]).casefold()


def unreal_cue(
    text: str,
    sentence_start: int,
    trigger_start: int,
    trigger_end: int | None = None,
    *,
    negations: bool = True,
) -> str | None:
    """The attempt, hypothetical or negation cue of the trigger's clause, or None for a reported event.

    With `negations=False` (for a denial, which is a negation by nature) only attempts and
    hypotheticals count: "Kyiv denied that Russia might attack" denies nothing that happened.

    >>> unreal_cue("Russia did not capture Avdiivka.", 0, 15)
    'not'
    >>> unreal_cue("Ukrainian troops withdrew from Avdiivka.", 0, 17) is None
    True
    """
    clause = f" {_clause_before(text, sentence_start, trigger_start)} "
    lex = lexicon()
    for cue in (*lex.attempt, *lex.hypothetical, *(lex.negation if negations else ())):
        needle = " n't " if cue == "n't" else f" {cue} "
        if needle in clause or (cue == "n't" and "n't " in clause):
            return cue
    # "Russian objective: Cross the Oskil and push west": an intention anywhere before it
    before = f" {' '.join(_words(text[sentence_start:trigger_start].replace('’', chr(39))))} "
    for cue in lex.intent:
        if f" {cue} " in before:
            return cue
    # "unavailable to bolster", "launched an offensive to capture": a purpose, not a report
    if clause.rstrip().endswith(" to"):
        return "to"
    # "the failed attempt to advance", "the capture attempt": the trigger is followed by the cue
    if trigger_end is not None:
        tail = _words(text[trigger_end : trigger_end + 20])[:1]
        if tail and tail[0] in ("attempt", "attempts", "attempted"):
            return tail[0]
    return None


def earlier_year(sentence: str, published: date | None, *, at: int) -> int | None:
    """The year nearest offset `at` when it is before the article's year ("in late 2025" in 2026).

    An event the sentence places in an earlier year cannot carry the article's date.

    >>> earlier_year("In 2024, the brigade seized three villages.", date(2026, 1, 27), at=20)
    2024
    """
    if published is None:
        return None
    found = [(m.start(), int(m.group(1))) for m in _YEAR.finditer(sentence)]
    if not found:
        return None
    _, nearest = min(found, key=lambda f: abs(f[0] - at))
    return nearest if nearest < published.year else None


def past_year(sentence: str, published: date | None, *, at: int | None = None) -> int | None:
    """The year a sentence is about, when it is at least `HISTORY_YEARS` before the article's.

    The year nearest the event's trigger (offset `at` in the sentence) decides: "Russia,
    which in 2014 occupied Crimea and in 2022 started an all-out war" is history for the
    occupation, news for the war.

    >>> past_year("In 1943 the Red Army recaptured Kharkiv.", date(2026, 2, 1))
    1943
    """
    if published is None:
        return None
    found = [(m.start(), int(m.group(1))) for m in _YEAR.finditer(sentence)]
    if not found:
        return None
    if at is None:
        years = [y for _, y in found]
        old = [y for y in years if y <= published.year - HISTORY_YEARS]
        # "since 2014 and now in 2026": a current year in the same sentence keeps it news
        return min(old) if old and not any(y >= published.year - 1 for y in years) else None
    _, nearest = min(found, key=lambda f: abs(f[0] - at))
    return nearest if nearest <= published.year - HISTORY_YEARS else None


def history_cue(sentence: str) -> str | None:
    """A phrase that makes a sentence background history ("last year", "the annexation of").

    >>> history_cue("Russia responded by annexing Crimea."), history_cue("Drones struck Kharkiv.")
    ('annexing', None)
    """
    lowered = f" {' '.join(_words(sentence))} "
    return next((cue for cue in lexicon().history if f" {cue} " in lowered), None)


_HEADING = re.compile(r"[:\n|#*]|^\W|^[A-Z\s]{4,}$")
#: A line shorter than this without a full stop is a label or a heading.
LABEL_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")
_SMALL = frozenset("a an and as at by for from in into of on or the to with".split())


def is_heading(sentence: str) -> bool:
    """A headline or label, not a sentence of report: most of its words capitalised.

    >>> is_heading("The Long Winter of the Defenders of the Steppe Towns"), is_heading("Russian forces took Tykhe.")
    (True, False)
    """
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", sentence) if w.casefold() not in _SMALL]
    if len(sentence.split()) < LABEL_WORDS and not _SENTENCE_END.search(sentence):
        return True  # "Chapter 3: the battle for Mariupol -": a label without a full stop
    if len(words) < 3:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.7


_REFERENCE = re.compile(r"\b(?:accessed|retrieved)\s+(?:on\s+)?(?:\d{1,2}\s+)?[A-Z][a-z]+\s+\d{1,2}|https?://", re.I)


def is_reference(sentence: str) -> bool:
    """A bibliography entry ("…, accessed February 21, 2026,") or a link, not a sentence of report.

    >>> is_reference("Front diary: drones hit Kursk, accessed March 3, 2026,")
    True
    """
    return _REFERENCE.search(sentence) is not None


def good_holder(holder: str | None) -> bool:
    """Whether `holder` can hold a statement: a person, body or outlet, not evidence or a label.

    >>> good_holder("Geolocated footage"), good_holder("the Ukrainian General Staff"), good_holder("Key takeaways:")
    (False, True, False)
    """
    if not holder or not holder.strip():
        return False
    words = _words(holder)
    if not words or _HEADING.search(holder.strip()):
        return False
    non = lexicon().non_holders
    # "Geolocated footage", "satellite imagery": the head (last word) or a modifier is evidence
    return not (words[-1] in non or words[0] in ("geolocated", "satellite") or all(w in non for w in words))


_PLACE_WORDS = re.compile(r"\b(?:oblast|city|raion|region|district|krai|republic)\b")
#: Two names whose consonant skeletons share at least this long a start but differ after it are
#: two settlements of one root ("Oleksandrivka" and "Oleksandrivskyi"), not two spellings.
NAMESAKE_ROOT = 5


def _skeleton(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    plain = _PLACE_WORDS.sub("", plain).replace("zhzh", "zh")
    return re.sub(r"[^a-z]", "", re.sub(r"[aeiouyj]", "", plain))


def namesake(mention: str, canonical: str | None) -> bool:
    """Whether the gazetteer's place is another settlement of the same root than the one written.

    Spellings of one name keep their consonants and their ending ("Kupiansk"/"Kupyansk",
    "Zaporizhia"/"Zaporizhzhya", "Dronovka"/"Dronivka"); a namesake keeps the root and changes
    the ending ("Oleksandrivka" read as "Oleksandrivskyi", "Toretske" as "Toretsk").

    >>> namesake("Oleksandrivka", "Oleksandrivskyi"), namesake("Toretske", "Toretsk")
    (True, True)
    >>> namesake("Kupiansk", "Kupyansk"), namesake("Zaporizhia", "Zaporizhzhya"), namesake("Odessa", "Odesa")
    (False, False, False)
    """
    mention = mention.strip(" .,;:-–—'’\"")  # "Ukraine.-": the name without the punctuation around it
    if not canonical or " " in mention or " " in _PLACE_WORDS.sub("", canonical.casefold()).strip():
        return False
    if not mention.isascii() or not mention[:1].isalpha():
        return False
    a, b = _skeleton(mention), _skeleton(canonical)
    if not a or not b:
        return False
    if a == b:
        vowel = "aeiouy"
        ends = (mention.casefold()[-1:], _PLACE_WORDS.sub("", canonical.casefold()).strip()[-1:])
        return (ends[0] in vowel) != (ends[1] in vowel)
    common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return common >= NAMESAKE_ROOT


def takes_up_a_place(sentence: str) -> bool:
    """Whether the sentence refers back to a settlement ("its troops in the city")."""
    lowered = " " + " ".join(_words(sentence.lower())) + " "
    return any(f" {phrase} " in lowered for phrase in lexicon().anaphora)
