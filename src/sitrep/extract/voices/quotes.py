"""Quotes: every direct quotation in the article, as the quoted words and their character span.

sitrep.quotes/1 pairs quotation marks over each paragraph rather than over tokens, so that it
does not depend on the tokenizer: straight ("), curly (“ ”, „ «»), and LaTeX-style (`` '')
double marks. A mark is an opener or a closer by its context (a space before and a word after
opens, a word before and a space or punctuation after closes), which also reads marks typed the
wrong way round; only where the context says nothing does the mark's own shape decide.
Quotation marks nested inside a quotation stay part of it. A quotation still open at the end of
a paragraph runs on when the following paragraph starts with a mark (the newswire convention for
multi-paragraph quotes, also PolNeAR's: Newell et al., LREC 2018), and otherwise ends with its
paragraph. A quotation that sits inside a sentence after a word ("called them “deplorables.”")
is flagged as a fragment. Who said it is the job of `sitrep_speakers`.

    >>> [q.text for q in find_quotes_in_text('"We hold," he said.')]
    ['We hold,']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ...models import Quote, Span
from ..base import ensure_doc_extension, extractor_id

NAME = "quotes"
VERSION = 1
EXTRACTOR = extractor_id(NAME, VERSION)

# One regex finds every double quotation mark; LaTeX pairs are two characters wide.
MARKS = re.compile(r"``|''|[\"“”„«»]")
OPENING_SHAPES = {"“", "„", "«", "``"}
CLOSING_SHAPES = {"”", "»", "''"}
# Characters after which a mark opens a quotation, and before which it closes one.
OPEN_CONTEXT = set(" \t\n([{—–―-/:;")
CLOSE_CONTEXT = set(" \t\n)]}—–―-/:;,.?!…")

#: What stands between quotations listed in one sentence: marks, commas, "and", "or".
LISTED = re.compile(r"[\"“”„«»`' \t,;]*(?:(?:and|or)[\"“”„«»`' \t]+)?")
#: Where `doc_text` keeps the text in `doc.user_data` (a plain string: it serialises with the doc).
TEXT_KEY = "sitrep.text"
#: How many paragraphs without marks an open quotation may run over before it is closed.
LOOKAHEAD = 2

ensure_doc_extension(NAME)


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    role: str  # "open", "close" or "either"


def _role(text: str, start: int, end: int, shape: str) -> str:
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    if before == "\n":
        return "open"  # a mark that starts a paragraph opens, whatever its shape ("” … what I learned")
    opens = (before in OPEN_CONTEXT or before.isspace()) and not after.isspace()
    closes = not before.isspace() and (after in CLOSE_CONTEXT or after.isspace() or after in "\"”'’")
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    if shape in OPENING_SHAPES:
        return "open"
    if shape in CLOSING_SHAPES:
        return "close"
    return "either"


def _marks(text: str, start: int, end: int) -> list[_Mark]:
    return [
        _Mark(m.start(), m.end(), _role(text, m.start(), m.end(), m.group()))
        for m in MARKS.finditer(text, start, end)
    ]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line: in cleaned article text a line is a paragraph."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of the words inside each top-level quotation."""
    out: list[tuple[int, int]] = []
    paragraphs = _paragraphs(text)
    carried: int | None = None  # start of a quotation left open by the previous paragraph
    for n, (p_start, p_end) in enumerate(paragraphs):
        depth = 0
        opened_at: int | None = None
        marks = _marks(text, p_start, p_end)
        if carried is not None:
            depth, opened_at, carried = 1, carried, None
            if marks and marks[0].start == p_start and marks[0].role != "close":
                marks = marks[1:]  # the repeated opening mark of a continued quotation
        for mark in marks:
            role = mark.role
            if role == "either":
                role = "close" if depth > 0 else "open"
            if role == "open":
                if depth == 0:
                    opened_at = mark.end
                depth += 1
            elif depth > 0:
                depth -= 1
                if depth == 0 and opened_at is not None:
                    out.append((opened_at, mark.start))
                    opened_at = None
        if depth > 0 and opened_at is not None:
            if _continues(text, paragraphs[n + 1 : n + 1 + LOOKAHEAD]):
                carried = opened_at
            else:
                out.append((opened_at, p_end))
    return [(s, e) for s, e in (_strip(text, s, e) for s, e in out) if e > s]


def _continues(text: str, following: list[tuple[int, int]]) -> bool:
    """Whether a quotation left open at a paragraph's end runs on into the next paragraph.

    It does when the next paragraph opens with a mark (the newswire convention), or when the
    paragraphs that follow close it without opening a new one (a quote whose writer dropped the
    repeated opening mark, as in the house style of some Ukrainian outlets).
    """
    for start, end in following:
        marks = _marks(text, start, end)
        if not marks:
            continue  # a paragraph without marks: look at the next one
        if marks[0].start == start:
            return marks[0].role != "close" or len(marks) > 1
        depth = 1
        for mark in marks:
            depth += 1 if mark.role == "open" else -1
            if depth == 0:
                return True
        return False
    return False


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_fragment(text: str, start: int) -> bool:
    """Quoted words inside a sentence: the opening mark follows a word, not a colon, comma or line start."""
    i = start - 1
    while i >= 0 and text[i] in "\"“”„«»`' \t":
        i -= 1
    return i >= 0 and (text[i].isalnum() or text[i] in "%)")


def find_quotes_in_text(text: str) -> list[Quote]:
    """The quotations of a plain text (no parse needed): text, span and fragment flag."""
    quotes: list[Quote] = []
    for start, end in quote_spans(text):
        words = text[start:end]
        if not any(c.isalpha() for c in words):
            continue
        fragment = is_fragment(text, start)
        if quotes and not fragment and quotes[-1].text.rstrip()[-1:] not in ".!?…":
            gap = text[quotes[-1].spans[0].end : start]
            listed = "," in gap or " and " in gap or " or " in gap or quotes[-1].text.rstrip().endswith(",")
            if LISTED.fullmatch(gap) and listed:
                fragment = quotes[-1].fragment  # called it “reckless,” “provocative” and “doomed”
        quotes.append(
            Quote(
                text=words,
                spans=[Span(start=start, end=end, text=words)],
                fragment=fragment,
                extractor=EXTRACTOR,
            )
        )
    return quotes


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined from the tokens once per doc (each access of `doc.text` joins them again)."""
    if not len(doc):
        return ""
    text = doc.user_data.get(TEXT_KEY)
    last = doc[-1]
    if not isinstance(text, str) or len(text) != last.idx + len(last.text_with_ws):  # a stale copy
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text


def find_quotes(doc: Doc) -> list[Quote]:
    return find_quotes_in_text(doc_text(doc))


class QuoteFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc)
        return doc


@Language.factory(
    "sitrep_quotes",
    assigns=["doc._.quotes"],
    requires=[],
)
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder(nlp, name)
