"""Clean article text before extraction: links, footnote markers and page furniture out.

Text that reaches sitrep without its markup (JSONL exports, feeds, Markdown dumps of web
pages) still carries what a page shows around an article. Left in, it becomes places
("Linkedin"), claims and citations, and a footnote marker between two sentences glues
them into one 1,800-character "sentence". `clean_text` removes, in order:

- footnote markers: ``[[ii]](https://…)``, ``[12]``, ``[^3]`` after a word or a full stop;
- Markdown images (``![map](…)``), and links reduced to their words (``[Pokrovsk](…)`` →
  "Pokrovsk"); bare URLs;
- Markdown heading, emphasis and table marks;
- page furniture lines: cookie and consent banners, subscription and sharing prompts
  (``sitrep/data/lexicons/boilerplate.txt``), and menus: runs of `MENU_RUN` or more short
  lines without a full stop ("Home", "World", "Ukraine", "Video").

HTML pages go through trafilatura first (`sitrep.ingest.html`), which drops navigation by
their markup; `body_words` then counts the prose left, and a page with fewer than
`MIN_BODY_WORDS` words of it is rejected (E150), like other bad input.

    >>> clean_text("Russian forces advanced near Pokrovsk.[[ii]](https://x.org/a) [Ukraine's](https://x.org) army held.")
    "Russian forces advanced near Pokrovsk. Ukraine's army held."
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..errors import InputError, Messages

LEXICON = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "boilerplate.txt"
#: A line this short that names furniture ("Accept all cookies") is furniture.
FURNITURE_WORDS = 12
#: This many short lines in a row without sentence punctuation are a menu.
MENU_RUN = 3
#: A menu line has at most this many words.
MENU_WORDS = 4
#: A web page needs at least this many words of prose (lines that read as sentences): one short
#: sentence passes; a page of menus, share buttons and a cookie notice has none.
MIN_BODY_WORDS = 3
#: Formats whose text is a whole web page (the others are articles as their writer gave them).
PAGE_FORMATS = frozenset({"html", "warc"})

_FOOTNOTE = re.compile(
    r"(?<=[\w.,;:!?”\"')\]])\[\[?\^?(?:\d{1,4}|[ivxlcdm]{1,8}|[a-z])\]?\](?:\([^)\s]*\))?", re.IGNORECASE
)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]{1,300})\]\((?:[^()\s]|\([^()\s]*\))*\)")
_REF_LINK = re.compile(r"\[([^\]\n]{1,300})\]\[[^\]\n]*\]")
_URL_BODY = r"https?://[^\s<>\"()\[\]]*[^\s<>\"()\[\].,;:!?'’]"
_URL = re.compile(rf"\s?\(\s*<?{_URL_BODY}>?\s*\)|<?\b{_URL_BODY}>?")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE)
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$|^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*$", re.MULTILINE)
_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t]+([.,;:!?])")
_SENTENCE_END = re.compile(r"[.!?…:”\"')]\s*$")
_WORDS = re.compile(r"[^\W\d_]{2,}", re.UNICODE)


@lru_cache(maxsize=1)
def furniture_phrases() -> tuple[str, ...]:
    lines = LEXICON.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _is_furniture(line: str) -> bool:
    words = line.split()
    if not words or len(words) > FURNITURE_WORDS:
        return False
    lowered = line.casefold()
    if lowered.count("|") >= 2 or lowered.count("•") >= 2:
        return True  # "Home | World | Europe"
    return any(phrase in lowered for phrase in furniture_phrases())


def _is_menu_item(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= MENU_WORDS and not _SENTENCE_END.search(line)


def _drop_furniture(lines: list[str]) -> list[str]:
    """Lines without furniture and without menus (blank lines inside a menu belong to it)."""
    kept: list[str] = []
    run: list[str] = []  # the current run of menu items (and the blank lines between them)

    def flush() -> None:
        items = sum(1 for line in run if line)
        if items < MENU_RUN:
            kept.extend(run)
        elif run and not run[-1]:
            kept.append("")  # keep the paragraph break after a dropped menu
        run.clear()

    for line in lines:
        if _is_furniture(line):
            continue
        if _is_menu_item(line) or (not line and run):
            run.append(line)
            continue
        flush()
        kept.append(line)
    flush()
    return kept


def clean_text(text: str) -> str:
    """The article text without footnote markers, link syntax, URLs and page furniture."""
    text = _FOOTNOTE.sub("", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _URL.sub("", text)
    text = _HEADING.sub("", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _RULE.sub("", text)
    lines = [_SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", line)).strip() for line in text.split("\n")]
    return "\n".join(_drop_furniture(lines)).strip()


def body_words(text: str) -> int:
    """Words in lines that read as prose: a sentence's punctuation, or at least 8 words."""
    return sum(
        len(_WORDS.findall(line))
        for line in text.split("\n")
        if _SENTENCE_END.search(line) or len(line.split()) >= 8
    )


def cleaned(text: str, *, format: str, where: str) -> str:
    """`clean_text`, and for a web page the check that prose is left (InputError E150)."""
    out = clean_text(text)
    if format in PAGE_FORMATS:
        words = body_words(out)
        if words < MIN_BODY_WORDS:
            raise InputError(Messages.E150, where=where, words=words, minimum=MIN_BODY_WORDS)
    return out
