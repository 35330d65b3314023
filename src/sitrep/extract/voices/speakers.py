"""Speakers: who said each quote, resolved to the fullest description the article gives.

sitrep.speakers/2 reads `doc._.quotes` and fills each quote's `speaker`, `speaker_ref`, `side`,
`cue` and attribution `chain`. The small English model often runs a sentence over a quotation
mark or a line break, so the cue is looked for by position first (`quote_windows`), in the words
between the quote and the end of its sentence or paragraph, then before it:

0. for a fragment inside a sentence, first the cue its words hang on in the parse
   (`Moore called Obama's remarks “a wake-up call”`: Moore, not Obama);
1. after the closing mark: `…,” said X` / `…,” X said` / `…” ― X` (a dash signature) /
   `…,” as X put it`;
2. before the opening mark: `X said: “…` / `according to X, “…` / `X's claims of the “…”`;
3. on the line before, when it ends with a colon (`An officer … stated that …:` ↵ `“…”`);
4. the speaker of the quote just before, in the same paragraph or the one above (the second
   half of a quote split around "he said", or a quote that continues a speech);
5. for a fragment with no cue, the subject of the main clause it hangs in (the agent of a
   passive verb first);
6. with no cue at all, the speaker of the last verb of saying in the quote's paragraph.

A word that cannot speak (`cues.can_speak`: "The goal was to help them “…”") and a
correspondent's credit line (`cues.is_byline`: "…, Jane Doe writes from Brussels") are never a
speaker; a fragment inside the content of a noun of saying ("a statement by X that …") is the
words of the noun's maker.

A cue inside a clause reported by an outer verb of saying gives way to that verb's subject
("The governor said Democrats are to blame for focusing on “…”": the governor), the way
PolNeAR attributes nested quotes to their outermost source (Newell et al., LREC 2018).

The speaker named by a cue is resolved by `mentions.Resolver` (pronouns to their antecedent,
"the officer" to "an officer from the 68th Jaeger Brigade", "Zelensky" to his fullest name).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...lexicons import lexicon
from ...models import Quote
from ..base import ensure_doc_extension, extractor_id, items_of
from .citations import chain_for
from .cues import NOUN_STANCE, can_speak, is_byline
from .mentions import SUBJECTS, Holder, is_cue, speaker_of_cue
from .quote_windows import DASH_CHARS, MAX_RUN, NAME_POS, SENTENCE_END, Windows
from .quote_windows import is_cue_word as _is_cue_word

#: This module's word lists, read from src/sitrep/lexicons/en/ (see that package's docstring).
LEX = lexicon("en")

NAME = "speakers"
VERSION = 2
EXTRACTOR = extractor_id(NAME, VERSION)

# Ukrainian and Russian words of direct speech ("Пряма мова", "заявив", "сказала").
FOREIGN_SPEECH = frozenset(
    {
        "мова",
        "заявив",
        "заявила",
        "сказав",
        "сказала",
        "зазначив",
        "зазначила",
        "написав",
        "написала",
        "каже",
        "наголосив",
        "наголосила",
        "заявил",
        "сказал",
        "отметил",
        "отметила",
        "написал",
        "речь",
        "говорит",
    }
)
# Verbs that report speech, whose subject is the source of everything said inside their clause:
# in "Ditto said she expects the campaign “to …”" the quote is Ditto's, as PolNeAR annotates
# nested attributions to their outermost source (Newell et al., LREC 2018).
OUTER_VERBS = LEX.words("verbs_of_saying", "outer")
# How many heads above a quote its governing cue may be.
GOVERNOR_STEPS = 8

ensure_doc_extension("quotes")


class _Attributor(Windows):
    """Finds each quote's speaker, trying the places a cue may sit in the order of the module docstring."""

    def from_after(
        self, qe: int, *, ends_sentence: bool, fragment: bool = False
    ) -> tuple[Holder | None, Token | None]:
        lo, hi = self.after(qe)
        doc = self.doc
        if lo < len(doc) and any(c in DASH_CHARS for c in doc[lo].text):  # “…” ― Krystal Correa
            return self.r.holder_of_run(self.run_after(lo, min(lo + MAX_RUN, len(doc)))), None
        if fragment and ends_sentence:
            return (
                None,
                None,
            )  # … insisted that Pyongyang “stop its escapades.” The IAEA said …: a new sentence
        cue = next((t for t in doc[lo:hi] if _is_cue_word(t)), None)
        if cue is None or cue.tag_ == "VBG":
            return None, None  # "…," adding that …: a participle never signs a quote
        if ends_sentence and self.introduces_next(cue, hi):
            return None, None  # “….” Jane Doe, a volunteer, said: “…”: the next quote's cue
        if cue.i > lo:
            if cue.lower_ == "according":
                return None, None
            head = speaker_of_cue(cue)
            if head is not None and lo <= head.i < cue.i and not self.r.in_quote[head.i]:
                signature = doc[lo].dep_ == "mark" and doc[lo].head.i == cue.i  # “…,” as a memo put it
                if (ends_sentence or fragment) and head.left_edge.i > lo and not signature:
                    return None, None  # “….” However, analysts note …: a new sentence, not a signature
                return self.r.holder(head, cue=cue), cue
            if (
                head is not None
                and cue.i < head.i < hi
                and not self.r.in_quote[head.i]
                and not ends_sentence
                and (not fragment or cue.dep_ == "ROOT")
            ):
                return self.r.holder(head, cue=cue), cue  # “…” on Sunday in Rivne, said the Service
            if self.name_start(cue.i, lo) == lo:
                return self.r.holder_of_run(doc[lo : cue.i], cue=cue), cue
            end = lo
            while end < cue.i and (
                doc[end].pos_ in NAME_POS or doc[end].dep_ == "compound" or doc[end].is_title
            ):
                end += 1
            if end > lo and doc[end].text == ",":  # “…,” Munir Mammadzade, UNICEF representative …, said
                return self.r.holder_of_run(doc[lo:end], cue=cue), cue
            return None, None
        if cue.lower_ == "according":
            head = speaker_of_cue(cue)
            return (self.r.holder(head, cue=cue) if head is not None else None), cue
        return self.r.holder_of_run(self.run_after(cue.i, hi)), cue

    def from_before(
        self, qs: int, para: int | None = None, *, over_quotes: bool = False
    ) -> tuple[Holder | None, Token | None]:
        lo, hi = self.before(qs, para, over_quotes=over_quotes)
        doc = self.doc
        cues = [t for t in doc[lo:hi] if not self.r.in_quote[t.i] and (_is_cue_word(t) or is_cue(t))]
        for cue in reversed(cues):
            outer = self.outer(cue)
            if outer is not None:
                return outer
            head = speaker_of_cue(cue)
            if head is not None and not self.r.in_quote[head.i] and self.r.para[head.i] == self.r.para[cue.i]:
                holder = self.r.holder(head, cue=cue)
                if holder is not None:
                    return holder, cue
            start = self.name_start(cue.i, lo)
            if cue.lower_ != "according" and start < cue.i:
                holder = self.r.holder_of_run(doc[start : cue.i], cue=cue)
                if holder is not None:
                    return holder, cue
            run = self.run_after(cue.i, hi)
            if (
                cue.lower_ != "according"
                and run
                and run.end == hi
                and run[0].pos_ in NAME_POS - {"PART", "PRON"}
            ):
                # Said Ellis: “…” (but not "It calls for “…”")
                holder = self.r.holder_of_run(run)
                if holder is not None:
                    return holder, cue
        return self.foreign_cue(lo, hi)

    def outer(self, cue: Token) -> tuple[Holder, Token] | None:
        """The source of a verb of saying that `cue`'s clause is reported under, if any.

        ("The governor said Democrats are to blame for focusing on “…”": the governor, not the
        Democrats; "Lynch said she recalled thinking, “…”": Lynch.) The outermost such verb of
        the same paragraph wins.
        """
        verbs: list[Token] = []
        para, t = self.r.para[cue.i], cue
        for _ in range(GOVERNOR_STEPS):
            if t.head is t or t.dep_ == "conj" and any(c.dep_ in SUBJECTS for c in t.children):
                break  # "She said …, and … the mother replied, “…”": a coordinated verb speaks for itself
            t = t.head
            if self.r.in_quote[t.i] or self.r.para[t.i] != para:
                break
            if t.lemma_.lower() in OUTER_VERBS and t.pos_ in {"VERB", "AUX"} and not is_byline(t):
                verbs.append(t)
        for verb in reversed(verbs):  # outermost first; a holder is resolved only for the one kept
            head = speaker_of_cue(verb)
            if head is not None and not self.r.in_quote[head.i]:
                holder = self.r.holder(head, cue=verb)
                if holder is not None:
                    return holder, verb
        return None

    def from_governing_cue(self, qs: int, qe: int) -> tuple[Holder | None, Token | None]:
        """A fragment's speaker through the cue its words hang on ("Moore called Obama's remarks “a wake-up call”")."""
        doc = self.doc
        root = next((t for t in doc[qs:qe] if not t.is_punct and not qs <= t.head.i < qe), None)
        if root is None:
            return None, None
        para, t = self.r.para[qs], root
        for _ in range(GOVERNOR_STEPS):
            if t.head is t:
                return None, None
            t = t.head
            if self.r.in_quote[t.i]:
                continue
            if self.r.para[t.i] != para:
                return None, None
            held = self._noun_holder(t) or self._object_holder(t)
            if held is not None:
                return held, t  # "a statement by the minister that the bridge “remains a target”"
            if _is_cue_word(t) and t.lower_ != "according" or is_cue(t):
                if t.pos_ == "NOUN" and t.dep_ == "dobj" and _is_cue_word(t.head):
                    t = t.head  # "Shevchuk called the minister's remarks “an insult”": Shevchuk's words
                outer = self.outer(t)
                if outer is not None:
                    return outer
                head = speaker_of_cue(t)
                if head is None or self.r.in_quote[head.i]:
                    return None, None
                return self.r.holder(head, cue=t), t
        return None, None

    def _noun_holder(self, noun: Token) -> Holder | None:
        """Who made a statement, warning or claim named by a noun: "a statement by X", "warnings from X"."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in NOUN_STANCE:
            return None
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in {"by", "from"}:
                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                if obj is not None and can_speak(obj) and not self.r.in_quote[obj.i]:
                    return self.r.holder(obj, cue=noun)
        return None

    def _object_holder(self, verb: Token) -> Holder | None:
        """ "X recalled a statement by Y that …", "X cites warnings from Y that …": Y's words.

        The parser hangs the that-clause on the verb, not on the noun of saying it belongs to.
        """
        if not (_is_cue_word(verb) or verb.pos_ == "VERB"):
            return None
        for c in verb.children:
            if c.dep_ != "dobj":
                continue
            held = self._noun_holder(c)
            if held is not None:
                return held
            if c.pos_ == "NOUN" and c.lemma_.lower() in NOUN_STANCE:
                # "recalled a statement | by X": "by" hung on the verb, right after the noun
                by = next((p for p in verb.children if p.lower_ == "by" and p.i == c.right_edge.i + 1), None)
                obj = next((o for o in by.children if o.dep_ == "pobj"), None) if by is not None else None
                if obj is not None and can_speak(obj) and not self.r.in_quote[obj.i]:
                    return self.r.holder(obj, cue=c)
        return None

    def foreign_cue(self, lo: int, hi: int) -> tuple[Holder | None, Token | None]:
        """Ukrainian and Russian attributions, where the English parse is no help: "Пряма мова Шмигаля: “…”".

        The speaker is the capitalised word nearest to a cue word (`FOREIGN_SPEECH`), as written,
        in its case form.
        """
        doc = self.doc
        cues = [t for t in doc[lo:hi] if t.lower_ in FOREIGN_SPEECH]
        if not cues:
            return None, None
        cue = cues[-1]
        names = [t for t in doc[lo:hi] if t.i != cue.i and t.is_title and t.is_alpha and t.i != lo]
        if not names:
            return None, None
        name = min(names, key=lambda t: abs(t.i - cue.i))
        return Holder(name=name.text, span=doc[name.i : name.i + 1], side=None), cue

    def from_colon_line(self, q: Quote, qs: int) -> tuple[Holder | None, Token | None]:
        """A paragraph that is only a quote, after a line ending with a colon: that line's cue."""
        text = self.text
        p_start = text.rfind("\n", 0, q.spans[0].start) + 1
        if text[p_start : q.spans[0].start].strip(" \"“”„«`'") or p_start == 0:
            return None, None
        prev_end = p_start - 1
        while prev_end > 0 and text[prev_end - 1].isspace():
            prev_end -= 1
        if prev_end <= 0 or text[prev_end - 1] != ":":
            return None, None
        colon = self.doc.char_span(prev_end - 1, prev_end, alignment_mode="expand")
        if colon is None:
            return None, None
        para = self.r.para[colon.start]
        holder, cue = self.from_before(colon.start + 1, para)
        if holder is not None:
            return holder, cue
        return self.subject_before(colon.start + 1, para)

    def subject_before(self, qs: int, para: int | None = None) -> tuple[Holder | None, Token | None]:
        """ "Caddell continued:" / "Obama is rolling out a new message: “…”": the subject of the last verb."""
        lo, hi = self.before(qs, para)
        verbs = [t for t in self.doc[lo:hi] if t.pos_ in {"VERB", "AUX"}]
        for verb in reversed(verbs):
            subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
            if subj is not None and not self.r.in_quote[subj.i] and lo <= subj.i < hi:
                return self.r.holder(subj, cue=verb), verb
        return None, None

    def from_previous_cue(self, qs: int) -> tuple[Holder | None, Token | None]:
        """The speaker of the last verb of saying before the quote in its paragraph.

        A quote with no cue of its own goes on from the indirect speech just before it ("…, a
        defence official said. The aim was to help them “regain the initiative …”").
        """
        lo, _hi = self.r.paragraph(qs)
        for t in reversed(self.doc[lo:qs]):
            if self.r.in_quote[t.i] or not _is_cue_word(t) or t.lower_ == "according":
                continue
            head = speaker_of_cue(t)
            if head is not None and not self.r.in_quote[head.i] and can_speak(head):
                holder = self.r.holder(head, cue=t)
                if holder is not None:
                    return holder, t
        return None, None

    def from_governor(self, qs: int) -> tuple[Holder | None, Token | None]:
        """A fragment's speaker: the subject of the main clause it hangs in.

        With no cue, a scare quote is the words of the sentence's main subject ("Trump openly
        admires Putin as a “strong leader”"; "Kall compared Trump to a coach who is “working the
        referees”"), so the outermost verb with a subject wins over the one next to the quote.
        """
        t = self.doc[qs]
        para = self.r.para[qs]
        found: list[tuple[Token, Token]] = []  # (subject, verb), innermost first
        agents: list[tuple[Token, Token]] = []
        for _ in range(2 * GOVERNOR_STEPS):  # up to the sentence's root
            if t.head is t:
                break
            t = t.head
            if self.r.in_quote[t.i] or self.r.para[t.i] != para:
                continue
            if t.pos_ in {"VERB", "AUX"}:
                subj = next((c for c in t.children if c.dep_ in SUBJECTS), None)
                if subj is not None and not can_speak(subj):
                    # "Oz's dubious advice earned him …": the possessor speaks, not the advice
                    subj = next((c for c in subj.children if c.dep_ == "poss" and can_speak(c)), None)
                if (
                    subj is not None
                    and not self.r.in_quote[subj.i]
                    and subj.pos_ in {"PROPN", "NOUN", "PRON"}
                ):
                    found.append((subj, t))
                agent = next((o for c in t.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None)
                if agent is not None and not self.r.in_quote[agent.i] and can_speak(agent):
                    agents.append((agent, t))
        # "sanctioned by the EU for “financing …”": the agent of the act the words justify
        for subj, verb in agents[:1] + list(reversed(found)):
            holder = self.r.holder(subj, cue=verb)
            if holder is not None:
                return holder, verb
        return None, None

    # --- all quotes ----------------------------------------------------------------------------
    def run(self) -> None:
        previous: tuple[Quote, int] | None = None  # last attributed quote and its paragraph number
        last: Quote | None = None  # last attributed quote, fragments included
        for q, (qs, qe) in zip(self.quotes, self.ranges, strict=True):
            if qe <= qs:
                continue
            para = self.r.para[qs]
            if q.fragment and last is not None and self.listed_with(last, q):
                q.speaker, q.speaker_ref, q.side, q.cue = last.speaker, last.speaker_ref, last.side, last.cue
                q.chain = list(last.chain)
                last = q
                continue
            ends = q.text.rstrip(" \"'”’")[-1:] in SENTENCE_END
            holder, cue = self.from_governing_cue(qs, qe) if q.fragment else (None, None)
            if holder is None:
                holder, cue = self.from_after(qe, ends_sentence=ends, fragment=q.fragment)
            # signed after its closing mark ("…,” X said): speech that may go on, even a fragment
            signed = holder is not None and cue is not None and qe <= cue.i and self.r.para[cue.i] == para
            if holder is None:
                holder, cue = self.from_before(qs, over_quotes=q.fragment)
            if holder is None and not q.fragment:
                holder, cue = self.from_colon_line(q, qs)
            if holder is None and not q.fragment and self.after_colon(qs):
                holder, cue = self.subject_before(qs)
            if holder is None and previous is not None and not q.fragment:
                prev_q, prev_para = previous
                if self.paragraphs_between(prev_para, para, qs) <= 1 and self.starts_paragraph(qs) or para == prev_para:
                    q.speaker, q.speaker_ref, q.side, q.cue = (
                        prev_q.speaker,
                        prev_q.speaker_ref,
                        prev_q.side,
                        prev_q.cue,
                    )
                    q.chain = list(prev_q.chain)
                    previous = (q, para)
                    last = q
                    continue
            if holder is None and q.fragment:
                holder, cue = self.from_governor(qs)
            if holder is None:
                holder, cue = self.from_previous_cue(qs)
            if cue is not None:
                q.cue = "according to" if cue.lower_ == "according" else cue.text
            if holder is not None:
                q.speaker, q.speaker_ref, q.side = holder.name, holder.ref, holder.side  # type: ignore[assignment]
                q.chain = chain_for(self.doc, q.spans[0].start, speaker=holder.name)
                last = q
                if not q.fragment or signed:
                    previous = (q, para)
            else:
                q.chain = chain_for(self.doc, q.spans[0].start, speaker=None)



def attribute_quotes(doc: Doc, quotes: list[Quote]) -> None:
    """Fill speaker, side, cue and chain of each quote in place."""
    _Attributor(doc, quotes).run()


class SpeakerFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        quotes = items_of(doc, "quotes")
        if quotes:
            attribute_quotes(doc, quotes)
            doc._.quotes = quotes
        return doc


@Language.factory(
    "sitrep_speakers",
    assigns=["doc._.quotes"],
    requires=[
        "token.lemma",
        "token.dep",
        "token.tag",
        "doc.sents",
        "doc.ents",
        "doc._.quotes",
        "doc._.places",
        "doc._.units",
        "doc._.actors",
        "doc._.sources",
        "doc._.citations",
        "doc._.outlet",
    ],
)
def make_speaker_finder(nlp: Language, name: str) -> SpeakerFinder:
    return SpeakerFinder(nlp, name)

