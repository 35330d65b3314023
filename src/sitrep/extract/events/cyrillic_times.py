"""Times in Ukrainian and Russian text: dates and relative times, resolved like English ones.

Each word of a time expression is read by its pymorphy3 lemma in lexicons/<lang>/events/times.txt,
which gives its kind and the English word the English resolver reads ("листопада" → листопад →
november, "вчора" → yesterday, "тижня" → week, "тому" → ago). A run of such words and numbers
("у ніч на 13 листопада", "три дні тому", "минулого тижня", "найближчими тижнями") is one time
expression; its English words go through `times.resolve`, the mechanism both languages share
(the publication date anchors relative times; without it they stay unresolved, never invented).

    >>> canonical(["15", "листопада"], "uk"), canonical(["в", "ночь", "на", "3", "декабря"], "ru")
    ('15 november', 'night 3 december')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...lexicons import lexicon
from ...models import TimeRef
from ..base import ensure_doc_extension, extractor_id, published_of, span_of
from ..morphology import lemmas, parses
from .times import resolve

EXTRACTOR = extractor_id("times.cyrillic", 1)
#: Words that may stand inside a time expression, never at its ends ("у ніч на 13", "з 9 на 10").
INSIDE = {"на", "з", "із", "по", "до", "с", "со", "в", "у", "і", "й", "и", "та"}
#: Kinds that make a run a time on their own; a unit needs a relative word, "ago" or "within" too
#: ("100 днів" is a duration, not a time).
ANCHORS = {"month", "weekday", "deictic", "season"}
UNIT_PARTNERS = {"relative", "ago", "within"}
DAY_OR_YEAR = re.compile(r"^(?:0?[1-9]|[12]\d|3[01]|19\d\d|20\d\d)$")


@dataclass(frozen=True)
class TimeWords:
    lang: str
    words: dict[str, tuple[str, str]]  # lemma → (kind, English word)
    with_number: frozenset[str]  # English words that need a number beside them
    numbers: dict[str, float]

    @classmethod
    def of(cls, lang: str) -> TimeWords:
        lex = lexicon(lang)
        tagged = lex.entries("events/times").tags
        words = {w: (t[0], t[-1]) for w, t in tagged.items()}
        numbers = {w: float(t[-1]) for w, t in lex.entries("events/numbers").tags.items() if "number" in t}
        return cls(lang, words, frozenset(t[-1] for t in tagged.values() if "with_number" in t), numbers)

    def read(self, word: str) -> tuple[str, str] | None:
        """(kind, English word) of one word: 'num' for a day, year or number word; None otherwise."""
        if DAY_OR_YEAR.match(word):
            return "num", str(int(word))
        low = word.lower()
        if low in self.words:  # adverbs as written: "тому", "назад", "вночі"
            return self.words[low]
        for lemma in lemmas(word, self.lang):
            if lemma in self.words or lemma in self.numbers:
                if any(p.tag.POS in {"PREP", "CONJ", "PRCL"} for p in parses(low, self.lang)):
                    return None  # "Серед" (among) is no середа (Wednesday)
                return self.words.get(lemma) or ("num", str(int(self.numbers[lemma])))
        return None


_WORDS: dict[str, TimeWords] = {}


def _time_words(lang: str) -> TimeWords:
    if lang not in _WORDS:
        _WORDS[lang] = TimeWords.of(lang)
    return _WORDS[lang]


def canonical(words: list[str], lang: str) -> str:
    """The English words of a Cyrillic time expression (the words it does not know dropped)."""
    table = _time_words(lang)
    return " ".join(read[1] for w in words if (read := table.read(w)) is not None)


def _valid(kinds: list[str]) -> bool:
    if set(kinds) & ANCHORS:
        return True
    if "night" in kinds and "num" in kinds:
        return True  # "у ніч на 13" within a month named later
    return "unit" in kinds and bool(set(kinds) & UNIT_PARTNERS)


def time_spans(doc: Doc, lang: str) -> list[SpacySpan]:
    """The time expressions of `doc`: maximal runs of time words and numbers, trimmed of the
    prepositions around them; "тому" counts as "ago" only after a unit ("два тижні тому")."""
    table = _time_words(lang)
    needy = {(k, e) for k, e in table.words.values() if e in table.with_number}
    out: list[SpacySpan] = []
    run: list[tuple[Token, str]] = []

    def close() -> None:
        while run and run[-1][1] == "inside":
            run.pop()
        while run and run[0][1] == "inside":
            run.pop(0)
        kinds = [k for _, k in run]
        if run and "num" not in kinds and any(table.read(t.text) in needy for t, _ in run):
            kinds = []  # "люті бої": an adjective, not February
        if run and _valid(kinds):
            out.append(doc[run[0][0].i : run[-1][0].i + 1])
        run.clear()

    for token in doc:
        if token.is_sent_start and run:
            close()
        read = table.read(token.text) if (token.is_alpha or token.is_digit) else None
        if read is not None and read[0] == "ago" and not any(k == "unit" for _, k in run):
            read = None  # "тому що", "тому": no unit before it
        if read is not None:
            run.append((token, read[0]))
        elif run and token.lower_ in INSIDE:
            run.append((token, "inside"))
        else:
            close()
    close()
    return out


def find_times(doc: Doc) -> list[TimeRef]:
    lang = str(doc.lang_)
    published = published_of(doc)
    items = []
    for i, span in enumerate(time_spans(doc, lang), start=1):
        start, end, precision, relative = resolve(canonical([t.text for t in span], lang), published=published)
        items.append(
            TimeRef(
                id=f"t{i}", text=span.text, start=start, end=end, precision=precision, relative=relative,
                spans=[span_of(span)], extractor=EXTRACTOR,
            )
        )
    return items


class CyrillicTimes:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.times = find_times(doc)
        return doc


ensure_doc_extension("times")


@Language.factory("sitrep_times_cyrillic", assigns=["doc._.times"], requires=["doc.sents", "doc._.published"])
def make_cyrillic_times(nlp: Language, name: str) -> CyrillicTimes:
    return CyrillicTimes(nlp, name)
