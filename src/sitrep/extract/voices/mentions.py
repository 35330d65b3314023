"""Mentions: who a subject, agent or possessor is, resolved to the fullest description in the article.

No coreference model works offline here (coreferee downloads its models), so resolution is
rule-based on the parse: a pronoun ("he said") goes to the nearest earlier person that was the
subject of a clause, with matching number; a bare definite description ("the officer") to an
earlier, fuller mention with the same head noun ("an officer from the 68th Jaeger Brigade"); a
short name ("Zelensky") to the fullest name of its actor ("Volodymyr Zelensky"). Speakers of
quotes and holders of claims are both resolved here (`Resolver.holder`). A description is the
contiguous noun phrase around its head, without clauses, dates ("Trump on Monday") or a dangling
word ("The commander of"); one over MAX_WORDS is cut at whole phrases. Headings, line labels and
page markup are recognised by `headings`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, IS_SPACE
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...models import Item
from ..base import items_of
from .cues import NOUN_STANCE, PERSON_NOUNS, PRONOUNS, VERB_STANCE, side_of_words, token_indices
from .headings import (
    GLUED_END,
    GLUED_START,
    TITLE_SMALL,
    ZERO_WIDTH,
    clean_name,
    is_heading,
    is_name,
    label_end,
)

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
QUOTE_CHARS = '"“”„«»`'
# Dependents that end a speaker's description: clauses about it, not words naming it.
CLAUSES = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "conj", "cc"}
# A longer description is cut back to the noun phrase around its head.
MAX_WORDS = 14
# Prepositions that the parser hangs on the verb but that belong to a description ("an officer from …").
ATTACHED_PREPS = {"from", "of", "with", "at"}
# Pronoun antecedents are searched this many sentences back.
WINDOW = 6
# Id prefixes, as `pipeline.doc_to_record` gives them (kept here to avoid an import cycle).
REF_PREFIX = {"actors": "a", "units": "u", "sources": "s"}
# Parts of speech a description never ends with ("The commander of", "Kiril Dmitriev, the").
DANGLING = {"ADP", "DET", "CCONJ", "SCONJ", "PART", "AUX"}
# Entity types of a prepositional object that makes the phrase a circumstance ("… on Sunday said").
WHEN = {"DATE", "TIME"}
# Entity types that make a name, kept whole in a description.
NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
# Auxiliaries that end no description ("The Kremlin has", when a zero-width space hid the verb).
AUX_WORDS = {"has", "have", "had", "is", "are", "was", "were", "will", "would"}
# A quote of fewer tokens than this may stand inside a description (a nickname).
QUOTE_GAP = 4


def _words(doc: Doc, lo: int, hi: int) -> int:
    return sum(1 for t in doc[lo:hi] if not (t.is_punct or t.is_space))


def _circumstance(t: Token) -> bool:
    """A date or time hung on a speaker ("Trump on Monday", "the ambassador on Sunday")."""
    if t.head.pos_ not in {"NOUN", "PROPN"}:
        return False  # "a chaplain who began volunteering in 2014"
    if t.dep_ in {"npadvmod", "tmod"} and t.ent_type_ in WHEN:
        return True
    return t.dep_ == "prep" and any(o.dep_ == "pobj" and o.ent_type_ in WHEN for o in t.children)


#: Parts of speech that never name a speaker on their own ("said to", "just").
FUNCTION_POS = frozenset({"ADP", "ADV", "PART", "SCONJ", "CCONJ", "DET", "AUX", "VERB"})


@dataclass(frozen=True)
class Holder:
    """Who holds a quote or claim: the resolved description, its span, and what it links to."""

    name: str
    span: SpacySpan
    ref: str | None = None
    side: str | None = None


def _ref_id(items: list[Item], i: int, prefix: str) -> str:
    return items[i].id or f"{prefix}{i + 1}"


class Resolver:
    """Resolves a speaker or claimant token to the fullest description of who it is."""

    def __init__(self, doc: Doc, quote_ranges: list[tuple[int, int]] | None = None) -> None:
        self.doc = doc
        self.in_quote = bytearray(len(doc))
        for start, end in quote_ranges or []:
            for i in range(start, end):
                self.in_quote[i] = 1
        # Paragraph number of every token: the small model's sentences run over line breaks.
        breaks = np.zeros(len(doc), dtype="int64")
        for i in np.nonzero(doc.to_array(IS_SPACE))[0].tolist():
            if "\n" in doc[i].text:
                breaks[i] = 1
        para = np.cumsum(breaks)
        self._breaks: list[int] = np.nonzero(breaks)[0].tolist()
        para[breaks == 1] = -1
        self.para: list[int] = para.tolist()
        self._sent_starts: list[int] | None = None
        self.ent_of: dict[int, SpacySpan] = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self.ent_of[i] = ent
        # Linkable entities by character offset of their mentions.
        self.linked: list[tuple[int, int, str, str | None, str]] = []  # start, end, ref, side, name
        for field in ("units", "actors", "sources"):
            items = items_of(doc, field)
            for i, item in enumerate(items):
                for span in item.spans:
                    self.linked.append(
                        (
                            span.start,
                            span.end,
                            _ref_id(items, i, REF_PREFIX[field]),
                            getattr(item, "side", None),
                            getattr(item, "name", ""),
                        )
                    )
        self.places_side = {
            p.name.lower(): ("RU" if p.country == "RU" else "UA" if p.country == "UA" else None)
            for p in items_of(doc, "places")
        }
        self._mentions: list[Token] | None = None

    # --- descriptions -------------------------------------------------------------------------
    def description(self, head: Token) -> SpacySpan:
        """The noun phrase of `head` without clauses, quotes, circumstances or trailing punctuation."""
        doc = self.doc
        ent = self.ent_of.get(head.i)
        if ent is not None and ent.label_ not in NAME_ENTS:
            ent = None  # "… Won't Trigger War With Russia Kallas" is no title of a work
        keep = {head.i}
        stack = [c for c in head.children if c.dep_ not in CLAUSES]
        while stack:
            t = stack.pop()
            if self.in_quote[t.i] or _circumstance(t):
                continue
            keep.add(t.i)
            stack.extend(
                c
                for c in t.children
                # a clause reached through an apposition is described whole ("a chaplain who began …")
                if c.dep_ not in CLAUSES - {"conj", "cc"} or t.dep_ == "appos" or t.dep_ in CLAUSES
            )
        if ent is not None:
            keep.update(range(ent.start, ent.end))
        # A contiguous run around the head only: a left-out clause, quote or date ends the description
        # ("The spokesperson of a Ukrainian brigade | operating in …", "Trump | on Monday").
        lo, hi = head.i, head.i + 1
        while lo - 1 in keep or self._short_quote(
            lo - 1, any(k in keep for k in range(lo - 1 - QUOTE_GAP, lo - 1))
        ):
            lo -= 1  # over a nickname in quotes: drone expert Serhiy “Flash” Beskrestnov
        while hi in keep:
            hi += 1
        lo, hi = self.clip(head.i, lo, hi)
        hi = min([hi] + [k for k in range(head.i + 1, hi) if GLUED_START.match(doc[k].text)])
        lo = max([lo] + [k + 1 for k in range(lo, head.i) if GLUED_END.match(doc[k].text)])
        # "… Offensive Begins Near Border A senior … source": an article in capitals inside a
        # phrase starts the sentence that a heading was glued onto
        lo = max(
            [lo]
            + [
                k
                for k in range(lo + 1, head.i)
                if doc[k].text in {"A", "An", "The"} and not doc[k - 1].is_punct
            ]
        )
        while lo < head.i and (
            self.in_quote[lo]
            or doc[lo].is_punct
            or doc[lo].dep_ == "case"
            or doc[lo].pos_ in {"ADV", "CCONJ"}
            or GLUED_END.match(doc[lo].text)
        ):
            lo += 1  # nor starts with "Even", "Also", "But", nor "offline.12" (a footnote glued on)
        while hi - 1 > head.i and (self.in_quote[hi - 1] or doc[hi - 1].is_punct or doc[hi - 1].is_space):
            hi -= 1
        for i in range(head.i, hi):
            if self.in_quote[i]:
                hi = i
                break
        if hi < len(doc) and doc[hi].text == ")" and any(doc[k].text == "(" for k in range(lo, hi)):
            hi += 1  # "Rep. Jane Doe (D-Ohio)": keep the parenthesis whole
        for k in range(head.i + 1, hi - 1):
            if doc[k].text == "," and doc[k + 1].tag_ == "VBG":
                hi = k  # "Witkoff, writing on X," → "Witkoff": a participle describes the act, not the person
                break
        if _words(doc, lo, hi) > MAX_WORDS:
            lo, hi = self._shortened(head, lo, hi)
            if ent is not None and ent.start >= lo - 2 and ent.end <= hi + 4:
                lo, hi = min(lo, ent.start), max(hi, ent.end)
        if hi < len(doc) and head.lemma_.lower() in PERSON_NOUNS and _words(doc, lo, hi) < MAX_WORDS:
            nxt = doc[hi]
            if nxt.dep_ == "prep" and nxt.lower_ in ATTACHED_PREPS and nxt.head.pos_ in {"VERB", "AUX"}:
                hi = min(nxt.right_edge.i + 1, lo + MAX_WORDS)  # "added an officer | from the 25th Brigade"
        while hi - 1 > head.i and (
            doc[hi - 1].pos_ in DANGLING
            or doc[hi - 1].is_punct
            and doc[hi - 1].text not in {")", "."}
            or doc[hi - 1].text.translate(ZERO_WIDTH).lower() in TITLE_SMALL | AUX_WORDS
        ):
            hi -= 1  # never "The commander of", "Kiril Dmitriev, the"
        opening = next((k for k in range(hi - 1, lo - 1, -1) if doc[k].text in "()"), None)
        if opening is not None and doc[opening].text == "(" and opening > head.i:
            hi = opening  # "… Policy Analysis (CEPA": an unclosed parenthesis is left out
        span = doc[lo:hi]
        if span and span[-1].dep_ == "case":  # "Putin's" → "Putin"
            span = doc[lo : hi - 1]
        return span

    def _short_quote(self, i: int, kept_before: bool) -> bool:
        """Token `i` is in a quote of a few tokens with the description going on before it."""
        if i < 0 or not self.in_quote[i] or not kept_before:
            return False
        run = 1 + sum(1 for k in (i - 1, i - 2, i - 3) if k >= 0 and self.in_quote[k])
        return run < QUOTE_GAP

    def _shortened(self, head: Token, lo: int, hi: int) -> tuple[int, int]:
        """A description over MAX_WORDS cut back to whole constituents around its head.

        The left dependents stay; right dependents (a prepositional phrase, an apposition) are
        added in order while the words fit, the last one cut the same way inside, so that a cut
        never leaves "the commander of" without its object.
        """
        lo2 = min([t.left_edge.i for t in head.lefts if t.left_edge.i >= lo] + [head.i])
        return lo2, self._grow(head, lo2, hi) or head.i + 1

    def _grow(self, t: Token, lo: int, hi: int) -> int | None:
        """The end of the longest prefix of `t`'s phrase from `lo` within MAX_WORDS (None: not even `t`)."""
        doc = self.doc
        end = t.i + 1
        if _words(doc, lo, end) > MAX_WORDS:
            return None
        for r in t.rights:
            if r.i >= hi:
                break
            whole = min(r.right_edge.i + 1, hi)
            if _words(doc, lo, whole) <= MAX_WORDS:
                end = whole
                continue
            if r.dep_ == "prep" and r.lower_ == "of":
                return None  # "the head | of the delegation": a relational noun never loses its "of"
            part = self._grow(r, lo, hi) if r.dep_ not in {"punct", "cc", "conj"} else None
            if part is not None:
                end = part
            break
        return end

    def clip(self, anchor: int, lo: int, hi: int) -> tuple[int, int]:
        """Token bounds cut to the paragraph of `anchor` (a headline never joins the next line)."""
        para = self.para[anchor]
        while lo < anchor and self.para[lo] != para:
            lo += 1
        while hi - 1 > anchor and self.para[hi - 1] != para:
            hi -= 1
        return lo, hi

    def _link(self, span: SpacySpan) -> tuple[str | None, str | None, str | None]:
        """(ref, side, full name) of the entity a span mentions, if any.

        The mention that overlaps the span most wins, the earlier one on a tie: in "George Barros,
        an analyst at the Institute for the Study of War" the speaker is Barros, not the Institute.
        """
        best: tuple[int, int, tuple[str, str | None, str]] | None = None
        for start, end, ref, side, name in self.linked:
            overlap = min(end, span.end_char) - max(start, span.start_char)
            if overlap <= 0:
                continue
            key = (overlap - 2 * (start - span.start_char if start > span.start_char else 0), -start)
            if best is None or key > best[:2]:
                best = (key[0], key[1], (ref, side, name))
        return best[2] if best else (None, None, None)

    def holder(self, head: Token, *, cue: Token | None = None) -> Holder | None:
        """The resolved holder for a subject, agent or possessor token, or None.

        None for a pronoun with no antecedent, a heading or link line, or words of page markup;
        a line's label before a colon ("Assessed Russian advances: Geolocated footage … indicates")
        gives way to the subject after it.
        """
        if cue is not None and self.para[head.i] != self.para[cue.i]:
            # A headline parsed into the next line's sentence: take the noun of the cue's own line.
            same = [
                t for t in head.subtree if self.para[t.i] == self.para[cue.i] and t.pos_ in {"NOUN", "PROPN"}
            ]
            if not same:
                return None
            head = same[-1]
        if cue is not None:
            colon = self.label_colon(head.i)
            if colon is not None and cue.i > colon:
                # "Assessed Russian advances: Geolocated footage … indicates": the label is no holder
                after = [c for c in cue.children if c.dep_ in SUBJECTS and colon < c.i < cue.i]
                if not after:
                    return None
                head = after[0]
        target = self.resolve(head)
        if target is None or self.is_heading(target.i):
            return None
        span = self.description(target)
        glued = next(
            (
                c
                for c in target.children
                if c.dep_ == "appos"
                and c.left_edge.text in {"A", "An", "The"}
                and not c.left_edge.nbor(-1).is_punct
            ),
            None,
        )
        if glued is not None:
            # "Other Topics of Interest … Region An unnamed senior … source": a heading glued on
            span = self.description(glued)
        if cue is not None and span.start <= cue.i < span.end and cue.i != target.i:
            # "Chairman Menendez Says …": the cue word is never part of its holder's name
            span = self.doc[span.start : cue.i] if cue.i > target.i else self.doc[cue.i + 1 : span.end]
        if not span or not any(c.isalpha() for c in span.text):
            return None
        name = span.text
        ref, side, full = self._link(span)
        ent = self.ent_of.get(target.i)
        if (
            full
            and ent is not None
            and ent.label_ == "PERSON"
            and span.text == ent.text
            and len(full) > len(name)
        ):
            name = full  # "Zelensky" → "Volodymyr Zelensky"
        name = clean_name(name)
        if not is_name(name):
            return None
        side = side or side_of_words(name) or self.places_side.get(name.lower().removeprefix("the "))
        return Holder(name=name, span=span, ref=ref, side=side)

    def label_colon(self, i: int) -> int | None:
        """The colon that ends a line's label when token `i` is in it ("Assessed Russian advances: …")."""
        lo, hi = self.paragraph(i)
        end = label_end(self.doc, lo, hi, self.in_quote)
        return end if end is not None and end > i else None

    def paragraph(self, i: int) -> tuple[int, int]:
        """Token bounds of the paragraph (line) of token `i`."""
        k = bisect_right(self._breaks, i)
        lo = self._breaks[k - 1] + 1 if k else 0
        hi = self._breaks[k] if k < len(self._breaks) else len(self.doc)
        return lo, hi

    def is_heading(self, i: int) -> bool:
        """Token `i` is in a heading or a link line (`headings.is_heading`)."""
        return is_heading(self.doc, *self.paragraph(i))

    def holder_of_run(self, run: SpacySpan, *, cue: Token | None = None) -> Holder | None:
        """The holder named by a run of words found by position ("…,” police Chief Jordan said")."""
        marks = [t.i for t in run if t.is_quote or any(c in QUOTE_CHARS for c in t.text)]
        if marks:  # never a name across a quotation mark: keep the words after the last one
            run = run.doc[marks[-1] + 1 : run.end]
        words = [t for t in run if not (t.is_punct or t.is_space)]
        while len(words) > 1 and words[0].tag_ in {"WP", "WDT"}:
            words = words[1:]  # "what it called “…”": the pronoun speaks, not "what"
        if not words or all(t.pos_ in FUNCTION_POS for t in words):
            return None  # "to", "just": words that name nobody
        if len(words) == 1 or (words[0].pos_ == "PRON" and len(words) == 1):
            return self.holder(words[0], cue=cue)
        ent = self.ent_of.get(words[-1].i)
        if ent is not None and ent.start <= words[0].i and ent.label_ in {"PERSON", "ORG"}:
            return self.holder(ent.root, cue=cue)  # the run is one name: link it to its actor
        end = words[-1].i + 1
        if end < run.end and run.doc[end].text == ")" and any(t.text == "(" for t in words):
            end += 1  # "Rep. Jane Doe (D-Ohio)"
        while end - 1 > words[0].i and run.doc[end - 1].pos_ in DANGLING:
            end -= 1  # "little reason to"
        span = run.doc[words[0].i : end]
        if not any(c.isalpha() for c in span.text):
            return None
        ref, side, _full = self._link(span)
        name = clean_name(span.text)
        if not is_name(name) or self.is_heading(span.root.i):
            return None
        side = side or side_of_words(name) or self.places_side.get(name.lower().removeprefix("the "))
        return Holder(name=name, span=span, ref=ref, side=side)

    # --- resolution ---------------------------------------------------------------------------
    def resolve(self, token: Token) -> Token | None:
        lower = token.lower_
        if lower in {"who", "that", "which"} and token.head.dep_ in {"relcl", "acl"}:
            return self.resolve(token.head.head)  # "Syrskyi, who said …"
        if lower == "it" and token.dep_ == "nsubj" and token.head.lemma_.lower() in VERB_STANCE:
            return self.antecedent(token, "org")  # "the Security Council … what it called “…”"
        if token.pos_ == "PRON" or lower in PRONOUNS:
            if lower not in PRONOUNS or lower in {
                "i",
                "we",
                "you",
                "it",
                "its",
                "that",
                "which",
                "one",
                "who",
            }:
                return None
            return self.antecedent(token, PRONOUNS.get(lower, "any"))
        if token.lemma_.lower() in PERSON_NOUNS and self._is_bare_definite(token):
            return self.fuller(token) or token
        return token

    def _is_bare_definite(self, token: Token) -> bool:
        lefts = [t for t in token.lefts]
        rights = [t for t in token.rights if not t.is_punct]
        return bool(lefts) and lefts[0].lower_ in {"the", "this", "that"} and len(lefts) == 1 and not rights

    def mentions(self) -> list[Token]:
        """Heads of person-like subjects and PERSON entities, in text order (antecedent candidates)."""
        if self._mentions is None:
            out = []
            person_ends = {ent.end - 1 for ent in self.doc.ents if ent.label_ == "PERSON"}
            for i in sorted(person_ends | set(token_indices(self.doc, DEP, SUBJECTS))):
                t = self.doc[i]
                if self.in_quote[t.i]:
                    continue
                ent = self.ent_of.get(t.i)
                is_person = ent is not None and ent.label_ == "PERSON" and t.i == ent.end - 1
                is_nominal = (
                    t.dep_ in SUBJECTS
                    and t.pos_ in {"NOUN", "PROPN"}
                    and (
                        t.lemma_.lower() in PERSON_NOUNS
                        or t.pos_ == "PROPN"
                        or (ent is not None and ent.label_ in {"ORG", "NORP", "GPE"})
                    )
                )
                if is_person or is_nominal:
                    out.append(t)
            self._mentions = out
        return self._mentions

    def antecedent(self, pronoun: Token, number: str) -> Token | None:
        if self._sent_starts is None:
            self._sent_starts = [s.start for s in self.doc.sents]
        idx = max(0, bisect_right(self._sent_starts, pronoun.i) - 1)
        floor = self._sent_starts[max(0, idx - WINDOW)]
        # Most recent first; a speaker (subject of a verb of saying) or the subject of a main clause
        # beats the subject of an embedded clause ("… saying it is likely Putin will try …"), which
        # beats any other mention of a person.
        # A proper name the small model did not label PERSON is a last resort for "he"/"she".
        best: tuple[int, Token] | None = None
        sentence = self._sent_starts[idx]
        for t in reversed(self.mentions()):
            if t.i >= pronoun.i or t.i < floor:
                continue
            if not self._number_ok(t, number):
                ent = self.ent_of.get(t.i)
                if (
                    number == "sg"
                    and t.pos_ == "PROPN"
                    and t.tag_ == "NNP"
                    and (ent is None or ent.label_ in {"PERSON", "ORG"})
                ):
                    # A name the model did not label PERSON: the speaker of the pronoun's own sentence
                    # ("DuVernay said she felt …"), else the nearest name that spoke, else any name.
                    speaks = t.dep_ in SUBJECTS and t.head.lemma_.lower() in VERB_STANCE
                    if speaks and t.i >= sentence:
                        return t
                    rank = 3 if speaks else 4
                    if best is None or best[0] > rank:
                        best = (rank, t)
                continue
            if t.dep_ in SUBJECTS and (t.head.lemma_.lower() in VERB_STANCE or t.head.dep_ == "ROOT"):
                return self.fuller(t) or t
            rank = 1 if t.dep_ in SUBJECTS else 2
            if best is None or rank < best[0]:
                best = (rank, t)
        return best[1] if best else None

    def _number_ok(self, t: Token, number: str) -> bool:
        plural = t.tag_ in {"NNS", "NNPS"}
        ent = self.ent_of.get(t.i)
        if number == "sg":
            return not plural and (
                t.lemma_.lower() in PERSON_NOUNS or (ent is not None and ent.label_ == "PERSON")
            )
        if number == "pl":
            return plural or (ent is not None and ent.label_ in {"ORG", "NORP", "GPE"})
        if number == "org":  # "it" speaks only for a named body, never for a plan or a museum
            return not plural and ent is not None and ent.label_ in {"ORG", "GPE"} and t.pos_ == "PROPN"
        return True

    def fuller(self, token: Token) -> Token | None:
        """An earlier mention with the same head word and a longer description ('an officer from …')."""
        lemma = token.lemma_.lower()
        mine = len(self.description(token))
        for t in reversed(self.doc[: token.i]):
            if t.lemma_.lower() == lemma and t.pos_ == token.pos_ and not self.in_quote[t.i]:
                if len(self.description(t)) > mine:
                    return t
        return None


# --- cues -------------------------------------------------------------------------------------


def speaker_of_cue(cue: Token) -> Token | None:
    """The token naming who speaks: subject of a verb of saying, 'according to X', 'X's claim'."""
    if cue.lower_ == "according":
        for prep in cue.children:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj
        return None
    if cue.pos_ in {"NOUN", "PROPN"}:
        return next((c for c in cue.children if c.dep_ == "poss"), None)
    verb = cue
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            # Two subjects are a heading glued to a sentence: the one next to the verb speaks.
            return max((c for c in subjects if c.i < verb.i), key=lambda c: c.i, default=subjects[0])
        for c in verb.children:
            if c.dep_ == "csubj":  # "X, who …, denied wrongdoing and said": a misparse; X said it
                return next((s for s in c.children if s.dep_ == "nsubj"), None)
            if c.dep_ == "agent":
                agent = next((o for o in c.children if o.dep_ == "pobj"), None)
                if agent is not None:
                    return agent
        if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
            quoted = next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
            if quoted is not None:
                return quoted  # "RIA Novosti quoted Dmitry Peskov as saying that …"
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if verb.dep_ == "acl" and infinitive and verb.head.head.pos_ in {"VERB", "AUX"}:
            verb = verb.head.head  # "ISW has not observed evidence to assess that …": the observer
            continue
        if (
            verb.dep_ == "acl"
            and not infinitive
            and verb.head.pos_ in {"NOUN", "PROPN"}
            and (verb.tag_ == "VBG" or any(c.dep_ == "ccomp" for c in verb.children))
        ):
            return _person_above(verb.head)  # "A … source reported that …"; "footage of Clinton asking, “…”"
        inverted = _inverted_subject(verb)
        if inverted is not None:
            return inverted
        if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head is not verb:
            verb = verb.head  # "… but did not mention", "went on to say": the subject of the head verb
        else:
            break
    return None


def _person_above(noun: Token) -> Token:
    """The person whose description a noun is part of, else the noun itself.

    ("The spokesperson of a brigade operating in the … area reported": the spokesperson, not
    the area the parser hung the verb on.)
    """
    t = noun
    for _ in range(6):
        if t.lemma_.lower() in PERSON_NOUNS or t.ent_type_ in {"PERSON", "ORG"}:
            return t
        if t.dep_ not in {"pobj", "prep", "acl"} and not (t.dep_ == "compound" or t.pos_ == "VERB"):
            break
        if t.head is t:
            break
        t = t.head
        if t.pos_ in {"NOUN", "PROPN"} and t.lemma_.lower() in PERSON_NOUNS:
            return t
    return noun


def _inverted_subject(verb: Token) -> Token | None:
    """'"…," added an officer from …': the small model often parses the inverted subject as an object."""
    if verb.tag_ in {"VB", "VBG"}:
        return None  # "to accuse Clinton's campaign of …", "telling O'Reilly …": never inverted
    for c in verb.rights:
        if c.dep_ in {"dobj", "attr", "npadvmod", "oprd", "dative"} and c.pos_ in {"NOUN", "PROPN"}:
            if c.ent_type_ in {"PERSON", "ORG", "NORP"} or c.lemma_.lower() in PERSON_NOUNS:
                return c
    return None


def is_cue(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.lower_ == "according":
        return any(c.lower_ == "to" for c in token.children)
    if token.pos_ in {"VERB", "AUX"}:
        return lemma in VERB_STANCE
    if token.pos_ == "NOUN":
        return lemma in NOUN_STANCE and any(c.dep_ == "poss" for c in token.children)
    return False
