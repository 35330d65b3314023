"""Where a quote's cue may sit: the windows of words after and before it, and the run of a name.

The small English model often runs a sentence over a quotation mark or a line break, so
`speakers` looks for a cue by position: in the words between the quote and the end of its
sentence or paragraph (`Windows.after`), then before it (`Windows.before`). These windows stop
at a paragraph break, at the end of a sentence and at another quote.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ...lexicons import lexicon
from ...models import Quote
from .cues import VERB_STANCE, is_byline
from .mentions import QUOTE_GAP, Resolver
from .quotes import doc_text

#: This module's word lists, read from src/sitrep/lexicons/en/ (see that package's docstring).
LEX = lexicon("en")

SENTENCE_END = {".", "!", "?", "…"}
DASHES = {"―", "—", "–", "-", "--"}
DASH_CHARS = "―—–"
# Words after "said" that end the speaker's name: "said Caddell, speaking …", "said in a statement".
RUN_STOPS = LEX.words("voices/run_stops")
# Words that may stand between scare quotes listed in one sentence.
LIST_GAP = re.compile(r"[\s\"“”„«»'‘’`,;]+")
LIST_WORDS = {"and", "or", "a", "an", "the", "as", "even", "also", "nor"}
# Parts of speech of the words of a name or description written just before its verb.
NAME_POS = {"PROPN", "NOUN", "DET", "ADJ", "PRON", "NUM", "PART"}
# How many words past the quote a signature or cue may sit.
MAX_RUN = 32
# Verbs that introduce a quotation but no claim: "as X put it", "the letter reads", "Blige sings".
QUOTE_CUES = LEX.words("verbs_of_saying", "quote-cue")
# A line of at most this many words between two quotes is a scrape's stray link text, not a paragraph.
SHORT_LINE = 3


def is_cue_word(t: Token) -> bool:
    """A verb of saying by its lemma whatever tag the model gave it, or 'according (to)'."""
    if t.lower_ == "according":
        return t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "to"
    if not (t.pos_ in {"VERB", "AUX"} or t.tag_.startswith("VB")) or is_byline(t):
        return False
    lemma = t.lemma_.lower()
    if lemma in QUOTE_CUES:
        objects = [c for c in t.children if c.dep_ == "dobj"]
        if lemma == "put":
            return any(c.lower_ == "it" for c in objects)  # "as Ms. Simonyan put it, “…”"
        return lemma != "read" or not objects  # "the letter reads" (not "she read a statement")
    return lemma in VERB_STANCE


class Windows:
    """A doc's quotes with their token ranges, and the windows of words around them."""

    def __init__(self, doc: Doc, quotes: list[Quote]) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.quotes = quotes
        self.ranges = []
        for q in quotes:
            span = doc.char_span(q.spans[0].start, q.spans[-1].end, alignment_mode="expand")
            self.ranges.append((span.start, span.end) if span is not None else (0, 0))
        self.r = Resolver(doc, self.ranges)
        # Words of quotes too short to be speech: nicknames inside a name (Del. Marcia “Cia” Price).
        self.nicknames = {i for s, e in self.ranges if 0 < e - s < QUOTE_GAP for i in range(s, e)}

    def stop(self, i: int, para: int, *, over_quotes: bool = False) -> bool:
        t = self.doc[i]
        if self.r.in_quote[i]:
            return not over_quotes and i not in self.nicknames
        return self.r.para[i] != para or t.text in SENTENCE_END

    def after(self, qe: int) -> tuple[int, int]:
        """Token bounds from just past the closing mark to the end of the sentence."""
        doc, para = self.doc, self.r.para[max(qe - 1, 0)]
        lo = qe
        while (
            lo < len(doc)
            and (doc[lo].is_punct or doc[lo].is_space and "\n" not in doc[lo].text)
            and doc[lo].text not in SENTENCE_END | DASHES
        ):
            if any(c in DASH_CHARS for c in doc[lo].text):
                return lo, lo  # “…”― Name: the mark and the dash in one token
            lo += 1  # the closing mark, a comma inside or after it
        hi = lo
        while hi < len(doc) and hi - lo < MAX_RUN and not self.stop(hi, para):
            hi += 1
        return lo, hi

    def before(self, qs: int, para: int | None = None, *, over_quotes: bool = False) -> tuple[int, int]:
        """Token bounds from the start of the sentence to just before the opening mark.

        With `over_quotes` (for a fragment) the window runs back over earlier scare quotes of the
        same sentence: Cruz called Trump a "liar" who is "amoral," a "bully" …
        """
        doc = self.doc
        para = self.r.para[qs] if para is None else para
        hi = qs
        while hi > 0 and doc[hi - 1].is_punct and not self.r.in_quote[hi - 1] and self.r.para[hi - 1] == para:
            hi -= 1
        lo = hi
        while lo > 0 and not self.stop(lo - 1, para, over_quotes=over_quotes):
            lo -= 1
        return lo, hi

    def introduces_next(self, cue: Token, hi: int) -> bool:
        """The cue is followed by a colon and the opening of another quote ("X said: “…”")."""
        doc = self.doc
        return (
            hi < len(doc)
            and bool(self.r.in_quote[hi])
            and any(doc[k].text == ":" for k in range(cue.i + 1, hi))
        )

    def run_after(self, cue_i: int, hi: int):
        """The name after 'said' or a dash: up to a comma, a preposition of circumstance or a date."""
        doc = self.doc
        lo = cue_i + 1
        while lo < hi and doc[lo].is_space and "\n" not in doc[lo].text:
            lo += 1  # "― Nell Carden Grey" with a no-break space after the dash
        end = lo
        while end < hi and end < len(doc):
            t = doc[end]
            if t.is_punct and t.text not in {".", "-"} or t.is_space:
                break
            if t.ent_type_ in {"DATE", "TIME"} or (t.lower_ in RUN_STOPS and end > lo):
                break
            if t.lower_ in RUN_STOPS and end == lo:
                break
            end += 1
        if end < len(doc) and doc[end].text == "(":  # "Rep. Jim Clyburn (D-S.C.)"
            close = next((k for k in range(end, min(end + 8, len(doc))) if doc[k].text == ")"), None)
            if close is not None:
                end = close + 1
        return doc[lo:end]

    def name_start(self, cue_i: int, lo: int) -> int:
        """Where the name just before a cue begins ("…, she said" → "she"; "Tulsa police Chief … said")."""
        i = cue_i
        if i - 1 > lo and self.doc[i - 1].text == ")":  # "Rep. Elijah E. Cummings (D-Md.) said"
            opening = next(
                (k for k in range(i - 2, max(lo, i - 10) - 1, -1) if self.doc[k].text == "("), None
            )
            if opening is not None:
                i = opening
        while i > lo:
            t = self.doc[i - 1]
            if t.pos_ in {"ADP", "SCONJ", "CCONJ"} and t.dep_ != "compound":
                break  # "After saying …": a preposition starts no name, capitalised or not
            if (
                t.pos_ in NAME_POS
                or t.text in {".", "-", "'s", "’s"}
                and i - 1 > lo
                or t.dep_ in {"compound", "amod"}
                or t.is_title
            ):
                if (
                    t.pos_ in {"VERB", "AUX", "ADP", "SCONJ", "CCONJ"}
                    and t.dep_ not in {"compound", "amod"}
                    and not t.is_title
                ):
                    break
                i -= 1
            else:
                break
        return i

    def listed_with(self, prev: Quote, q: Quote) -> bool:
        """Scare quotes listed in one sentence share a speaker."""
        gap = self.text[prev.spans[-1].end : q.spans[0].start]
        words = [w for w in LIST_GAP.split(gap) if w]
        return "\n" not in gap and len(words) <= 3 and all(w.lower() in LIST_WORDS for w in words)

    def paragraphs_between(self, first: int, last: int, qs: int) -> int:
        """Paragraphs of running text between two paragraph numbers.

        A line of a word or two (a link's text a scrape left on its own line) is no paragraph
        that could bring in another speaker.
        """
        if last - first <= 1:
            return 0
        if last - first > 2 * SHORT_LINE:
            return last - first - 1  # too far for stray lines to matter
        words: dict[int, int] = {}
        i = qs - 1  # back from the quote, which opens paragraph `last`
        while i >= 0 and (self.r.para[i] == -1 or self.r.para[i] > first):
            t = self.doc[i]
            if self.r.para[i] not in (-1, last) and not (t.is_punct or t.is_space):
                words[self.r.para[i]] = words.get(self.r.para[i], 0) + 1
            i -= 1
        return sum(1 for n in words.values() if n > SHORT_LINE)

    def after_colon(self, qs: int) -> bool:
        i = qs - 1
        while i >= 0 and self.doc[i].is_punct and self.doc[i].text != ":":
            i -= 1
        return i >= 0 and self.doc[i].text == ":" and self.r.para[i] == self.r.para[qs]

    def starts_paragraph(self, qs: int) -> bool:
        i = qs - 1
        while i >= 0 and (self.doc[i].is_punct and not self.doc[i].is_space):
            i -= 1
        return i < 0 or (self.doc[i].is_space and "\n" in self.doc[i].text)
