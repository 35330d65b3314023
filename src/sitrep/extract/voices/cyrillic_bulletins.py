"""Bulletins and digests in Ukrainian and Russian: who holds a paragraph, and what it reports.

The front is reported in bulletins: the General Staff's and the Ministry of Defence's summaries,
the Air Force's morning reports, a regional administration's Telegram post, relayed by an outlet
("Про це повідомляє РБК-Україна з посиланням на Повітряні сили"). Their sentences rarely carry a
verb of saying each; the paragraph credits its source once. So:

- `Bulletins.holder_at`: the body a paragraph credits — the one an outlet relays ("з посиланням
  на X", lexicons/<lang>/voices/source_formulas.txt, tagged ``relay``), else one a formula names
  ("за даними X"), else the first source named in it;
- `Bulletins.reports`: the paragraph's sentences that carry a front formula ("противник втратив",
  "знищено", "потери … составили", lexicons/<lang>/voices/front_formulas.txt) or an event
  trigger, each a claim of that holder;
- `Bulletins.items`: a digest's list — the parts of "Серед виявлених загроз: A; B; C" and the
  lines under a line ending in a colon ("— 2 ракети Х-101", "танків ‒ 9 305") —, each a claim
  of the holder of the line that opens it.

    >>> b = Bulletins("uk")  # doctest: +SKIP
    >>> b.holder_at(doc, 0)  # doctest: +SKIP
    'Генштаб ЗСУ'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ...lexicons import lexicon
from ...models import Claim
from ..base import extractor_id, span_of
from ..morphology import lemmas

BULLETINS = extractor_id("claims.bulletins", 1)
#: Marks that open a line of a list in a Telegram post or a bulletin.
BULLETS = {"-", "–", "—", "‒", "•", "▪", "▫", "·", "*", "✅", "❗", "🔹", "🔸", "➖"}
#: A claim needs this many words: "Бої тривають." reports too little to hold anyone to.
MIN_WORDS = 3


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    holder: str | None


class Bulletins:
    """One language's bulletin words, and the readers above."""

    def __init__(self, lang: str) -> None:
        lex = lexicon(lang)
        self.lang = lang
        formulas = lex.entries("voices/source_formulas").tags
        self.relay = [tuple(f.split()) for f, t in formulas.items() if "relay" in t]
        self.formula_ends = {f.split()[-1] for f in formulas}
        self.front = lex.words("voices/front_formulas")
        self.triggers = set(lex.table("events/triggers"))
        self.hedges = lex.words("hedges", "claim")

    # --- who holds a paragraph -------------------------------------------------------------
    def paragraphs(self, doc: Doc) -> list[Paragraph]:
        """The doc's paragraphs (runs of text between line breaks), each with the body it credits."""
        text = doc.text
        spans: list[tuple[int, int]] = []
        start = 0
        while start < len(text):
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            if text[start:end].strip():
                spans.append((start, end))
            start = end + 1
        sources = [(s.start, src.name) for src in doc._.sources or [] for s in src.spans]
        out = []
        for a, b in spans:
            here = sorted((pos, name) for pos, name in sources if a <= pos < b)
            out.append(Paragraph(a, b, self._holder(doc, here)))
        return out

    def _holder(self, doc: Doc, here: list[tuple[int, str]]) -> str | None:
        if not here:
            return None
        relayed = formula = None
        for pos, name in here:
            span = doc.char_span(pos, pos + 1, alignment_mode="expand")
            if span is None or span.start == 0:
                continue
            before = tuple(t.lower_ for t in doc[max(0, span.start - 3) : span.start])
            if relayed is None and any(before[-len(r) :] == r for r in self.relay):
                relayed = name
            if formula is None and before and before[-1] in self.formula_ends:
                formula = name
        return relayed or formula or here[0][1]

    def holder_at(
        self, doc: Doc, char: int, paragraphs: list[Paragraph] | None = None, *, opening: bool = False
    ) -> str | None:
        """The holder of the paragraph at `char`; for the line that opens a list (`opening`), else the
        holder of the paragraph just before it ("Генштаб повідомив:" and then the table)."""
        paragraphs = paragraphs if paragraphs is not None else self.paragraphs(doc)
        for k, p in enumerate(paragraphs):
            if p.start <= char < p.end:
                if p.holder is None and opening and k > 0:
                    return paragraphs[k - 1].holder
                return p.holder
        return None

    # --- what a paragraph reports ----------------------------------------------------------
    def is_report(self, span: SpacySpan) -> bool:
        """Whether the span carries a front formula or an event trigger ("знищено", "обстріляли")."""
        words = self.front | self.triggers
        return any(lemma in words for t in span if t.is_alpha for lemma in lemmas(t.text, self.lang))

    def items(self, doc: Doc) -> list[tuple[SpacySpan, int]]:
        """A digest's items, each with the offset of the line that opens its list: the ';'-separated
        parts after a colon, and the bulleted lines (or lines of 'name ‒ number') under a line that
        ends with a colon."""
        out: list[tuple[SpacySpan, int]] = []
        for sent in doc.sents:
            colon = next((t.i for t in sent if t.text == ":"), None)
            if colon is None:
                continue
            parts, start = [], colon + 1
            for t in doc[colon + 1 : sent.end]:
                if t.text == ";":
                    parts.append(doc[start : t.i])
                    start = t.i + 1
            if parts:
                parts.append(doc[start : sent.end])
                out += [(_trim(p), sent.start_char) for p in parts if len(p)]
        text = doc.text
        lines = [(m, m + len(line)) for m, line in _lines(text)]
        for k, (a, b) in enumerate(lines[:-1]):
            if not text[a:b].rstrip().endswith(":"):
                continue
            for c, d in lines[k + 1 :]:
                line = text[c:d].strip()
                if not line or not (line[0] in BULLETS or _dashed(line)):
                    break
                span = doc.char_span(c, d, alignment_mode="expand")
                if span is not None:
                    out.append((_trim(span), a))
        return [(s, at) for s, at in out if len(s)]

    def claims(self, doc: Doc, taken: list[Claim]) -> list[Claim]:
        """Claims of each paragraph's holder: its digest items and its sentences of front formulas,
        except where a claim already covers the sentence (a verb of saying, a quote, a formula)."""
        paragraphs = self.paragraphs(doc)
        covered = [(s.start, s.end) for c in taken for s in c.spans]
        found: list[Claim] = []

        def free(span: SpacySpan) -> bool:
            a, b = span.start_char, span.end_char
            return not any(min(b, y) > max(a, x) for x, y in covered)  # a sentence holds one claim

        def add(span: SpacySpan, holder: str) -> None:
            text = span.text.strip(" ,.;—–-:\n«»\"")
            if len([t for t in span if t.is_alpha]) < MIN_WORDS or not free(span):
                return
            hedged = any(lemma in self.hedges for t in span if t.is_alpha for lemma in lemmas(t.text, self.lang))
            found.append(
                Claim(text=text, claimant=holder, stance="asserts", hedged=hedged, spans=[span_of(span)], extractor=BULLETINS)
            )
            covered.append((span.start_char, span.end_char))

        for item, opening in self.items(doc):
            holder = self.holder_at(doc, opening, paragraphs, opening=True)
            if holder:
                add(item, holder)
        for sent in doc.sents:
            holder = self.holder_at(doc, sent.start_char, paragraphs)
            if holder and self.is_report(sent) and _reported(sent):
                add(sent, holder)
        return found


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


#: A count at the start of a line's tail, after at most two words ("близько 720 050").
_COUNT = re.compile(r"\s*(?:[^\W\d]+\s+){0,2}\d")


def _dashed(line: str) -> bool:
    """'танків ‒ 9 305 (+10) од.': a name, a dash and a count — a line of a bulletin's table."""
    for dash in ("‒", "–", "—", " - "):
        head, _, tail = line.partition(dash)
        if tail and head.strip() and _COUNT.match(tail):
            return True
    return False


def _trim(span: SpacySpan) -> SpacySpan:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].text in BULLETS):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def _reported(sent: SpacySpan) -> bool:
    """A sentence of report: it ends like one and is not a headline run into the text."""
    text = sent.text.strip()
    return bool(text) and text[-1] in ".!…;" and "\n" not in text.strip()

