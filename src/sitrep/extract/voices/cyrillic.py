"""Sources and speakers in Ukrainian and Russian text, by formula and verb of saying.

(Claims and actors, which build on these, are cyrillic_claims.py and cyrillic_actors.py.)

Without a parser, these components read the word order that Ukrainian and Russian news style
fixes around attribution:

- a source follows its formula ("за даними Генштабу ЗСУ", "по данным Минобороны России",
  "как сообщает ТАСС") or is a capitalised body right before a verb of informing ("DeepState
  повідомляє"); the formulas are lexicons/<lang>/voices/source_formulas.txt;
- a quotation's speaker is named next to a verb of saying in the same language (lemma in
  lexicons/<lang>/verbs_of_saying.txt, tagged ``speech``): after the closing mark ("», —
  заявив речник угруповання Олег Петренко."), or before the opening one ("Речник заявив: «…»");
  a pronoun ("він", "она") takes the speaker of the quote before.

The speaker is the words after the verb to the end of their clause, so the verb is never part
of it ("заявив речник … Олег Петренко" gives "речник … Олег Петренко").

    >>> doc = nlp("«Ми тримаємо позиції», — заявив речник бригади Олег Петренко.")  # doctest: +SKIP
    >>> doc._.quotes[0].speaker  # doctest: +SKIP
    'речник бригади Олег Петренко'
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...lexicons import lexicon
from ...models import Quote, Source
from ..base import ensure_doc_extension, extractor_id, span_of
from ..morphology import lemmas, parses, tags

SOURCES = extractor_id("sources.cyrillic", 1)
MAX_NAME = 9
#: How far back (in tokens) a quote without a cue of its own looks for the last attribution.
LOOK_BACK = 120
#: Punctuation inside a name: hyphens, dots of initials, and the quotation marks of an outlet's title.
INSIDE_NAME = {"-", "«", "»", "\"", "„", "“", "”"}
OPENING = {"«", "„", "“", "\""}
APOSTROPHES = str.maketrans("", "", "’'ʼ")
PRONOUNS = {"він", "вона", "вони", "он", "она", "они"}
DASHES = {"—", "–", "-", "―"}


def _wordy(token: Token) -> bool:
    """A word, apostrophes included ("Прем’єр", "Куп'янськ": spaCy's is_alpha says no)."""
    return token.is_alpha or (len(token) > 1 and token.text.translate(APOSTROPHES).isalpha())


def _is_name_word(token: Token) -> bool:
    return _wordy(token) and (token.text[:1].isupper() or token.is_upper)


def _breaks(token: Token) -> bool:
    """A line break ends a clause: the sentencizer does not split a title or a signature line."""
    return token.is_space and "\n" in token.text


def _is_named(span: SpacySpan) -> bool:
    """A holder named by a capitalised word or abbreviation, not only by a common noun ("повідомленні")."""
    return any(_is_name_word(t) for t in span if not t.is_sent_start) or any(
        t.is_upper and len(t) > 1 for t in span
    ) or (len(span) > 1 and _is_name_word(span[0]))


def _inside_quote(doc: Doc, i: int) -> bool:
    """True when token `i` sits between an opening and a closing mark on its line."""
    opened = 0
    for j in range(i - 1, max(-1, i - 60), -1):
        text = doc[j].text
        if "\n" in text:
            break
        if text in {"«", "„"}:
            if opened == 0:
                return True
            opened -= 1
        if text == "»":
            opened += 1
    return False


def _is_title(quote: Quote) -> bool:
    """A name or title in quotation marks («Іскандер-М», «Суспільне», «МК»): a few capitalised
    words and no sentence punctuation, which reports no one's words."""
    words = quote.text.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() or w[:1].isdigit() for w in words) and not any(
        c in quote.text for c in ".!?,:;"
    )


class _Words:
    """One language's attribution words."""

    def __init__(self, lang: str) -> None:
        lex = lexicon(lang)
        self.lang = lang
        self.formulas = sorted(
            (tuple(f.split()) for f in lex.words("voices/source_formulas")), key=len, reverse=True
        )
        self.bodies = lex.words("voices/body_nouns", "body")
        self.stops = lex.words("voices/body_nouns", "stop")
        self.labels = lex.words("voices/body_nouns", "label")
        self.quote_labels = [tuple(w.split()) for w in lex.words("voices/body_nouns", "quote_label")]
        self.speech = lex.words("verbs_of_saying", "speech")
        self.informs = lex.words("verbs_of_saying", "informs")
        self.prepositions = {"у", "в", "во", "на", "з", "із", "с", "со", "для", "під", "под", "при"}

    def is_function(self, token: Token) -> bool:
        """A word that cannot name anyone: preposition, pronoun, conjunction, particle, adverb."""
        return token.is_alpha and bool(tags(token.text, self.lang) & {"PREP", "CONJ", "PRCL", "NPRO", "ADVB", "PRED"})

    def lemma_in(self, token: Token, words: frozenset[str]) -> bool:
        return token.is_alpha and any(lemma in words for lemma in lemmas(token.text, self.lang))

    def subject(self, doc: Doc, verb: Token) -> SpacySpan | None:
        """The words naming who does `verb`, before it in its clause: without leading adverbs, dates and
        prepositions ("Летом 2019 года …", "У ДСНС …"), and ending before a preposition ("Марлз на
        прес-конференції з прем'єром … уточнив": Марлз)."""
        start = verb.i
        while start > verb.sent.start and not (
            _breaks(doc[start - 1]) or (doc[start - 1].is_punct and doc[start - 1].text not in INSIDE_NAME)
        ):
            start -= 1
        while start < verb.i and (self.is_function(doc[start]) or doc[start].like_num or doc[start].is_space):
            start += 1
        end = start
        while end < verb.i and not (
            end > start and (doc[end].lower_ in self.prepositions or "PREP" in tags(doc[end].text, self.lang))
        ):
            end += 1
        return doc[start:end] if end > start else None

    def clause_after(self, doc: Doc, start: int, *, limit: int = MAX_NAME) -> SpacySpan | None:
        """The words from `start` to the end of their clause (a stop word, punctuation, the sentence end)."""
        # "йдеться в повідомленні", "підтвердив і глава …": the holder, not "в" or "і"
        while start < len(doc) and (doc[start].lower_ in self.prepositions or self.is_function(doc[start])):
            if doc[start].lower_ in {"що", "что"}:
                return None  # "заявив, що …": what follows is the claim, not who made it
            if doc[start].lower_ in PRONOUNS:
                return doc[start : start + 1]  # "сообщил он изданию X": he said it, not the outlet
            start += 1
        if start >= len(doc):
            return None
        end = start
        sent_end = doc[start].sent.end
        while end < min(sent_end, start + limit):
            token = doc[end]
            if _breaks(token) or (token.is_punct and token.text not in INSIDE_NAME):
                break
            if token.text in OPENING:  # an outlet's title in quotation marks, closed before the clause ends
                close = next((k for k in range(end + 1, min(end + 7, sent_end)) if doc[k].text in {"»", "”", "\""}), None)
                if close is None:
                    break
                end = close + 1
                continue
            if token.text in {"»", "”"}:
                break
            if token.lower_ in self.stops and end > start:
                break
            end += 1
        while end > start and doc[end - 1].text in {"-"}:
            end -= 1
        return doc[start:end] if end > start else None


class CyrillicSources:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.words = _Words(str(nlp.lang))

    def _after_formula(self, doc: Doc, i: int) -> SpacySpan | None:
        words = self.words
        for formula in words.formulas:
            n = len(formula)
            if tuple(t.lower_ for t in doc[i : i + n]) != formula:
                continue
            start = i + n
            if start >= len(doc):
                return None
            # "за даними Генштабу", "по данным местных властей": a name or a body within three words
            opening = doc[start : start + 3]
            if not any(_is_name_word(t) or t.text in OPENING or words.lemma_in(t, words.bodies) for t in opening):
                return None
            return words.clause_after(doc, start)
        return None

    def _before_verb(self, doc: Doc, verb: Token) -> SpacySpan | None:
        """'DeepState повідомляє', 'Повітряні сили ЗСУ повідомили': a body or person named before a
        verb of informing, from its first capitalised word (a person who informs is a source too)."""
        subject = self.words.subject(doc, verb)
        if subject is None or len(subject) > MAX_NAME:
            return None
        # "Осенью 2022 года издание РБК сообщало": after the last date, from the first name or body
        cut = max((t.i + 1 for t in subject if t.like_num), default=subject.start)
        start = next(
            (t.i for t in doc[cut : subject.end] if _is_name_word(t) or self.words.lemma_in(t, self.words.bodies)),
            subject.end,
        )
        span = doc[start : subject.end]
        if not span or any(t.like_num or self.words.is_function(t) for t in span):
            return None
        named = any(t.is_upper and len(t) > 1 for t in span) or any(t.text.isascii() and t.is_alpha for t in span)
        body = any(self.words.lemma_in(t, self.words.bodies) for t in span)
        # A person is a source where the verb credits them with information ("мэр X написал").
        person = self.words.lemma_in(verb, self.words.informs) and any(
            tags(t.text, self.words.lang) & {"Name", "Surn"} for t in span
        )
        return span if named or body or person else None

    def _heading(self, doc: Doc, colon: Token) -> SpacySpan | None:
        """'Генштаб ВСУ: атаки отбиты': a digest's line that opens with its source and a colon."""
        start = colon.i
        while start > 0 and not _breaks(doc[start - 1]) and colon.i - start < 5:
            start -= 1
        if start > 0 and not _breaks(doc[start - 1]):
            return None
        span = doc[start : colon.i]
        if not span or not _is_name_word(span[0]) or any(t.is_punct for t in span):
            return None
        if len(span) == 1 and self.words.lemma_in(span[0], self.words.labels):
            return None  # "Джерело:" labels the sources listed after it
        named = any(t.is_upper and len(t) > 1 for t in span) or any(t.text.isascii() and t.is_alpha for t in span)
        return span if named or any(self.words.lemma_in(t, self.words.bodies) for t in span) else None

    def listed(self, doc: Doc, colon: Token) -> list[SpacySpan]:
        """'Джерело: прем'єр X у Telegram, Укрінформ за підсумками …': the sources a label line lists.
        A person named there is its speaker; the channel they wrote in ("у Telegram") is the source."""
        label = doc[colon.i - 1] if colon.i > 0 else None
        if label is None or not self.words.lemma_in(label, self.words.labels):
            return []
        out, start = [], colon.i + 1
        end = next((t.i for t in doc[start:] if _breaks(t)), len(doc))
        while start < end:
            stop = next((t.i for t in doc[start:end] if t.text in {",", ";"}), end)
            part = doc[start:stop]
            name = self.words.clause_after(doc, start)
            person = name is not None and any(tags(t.text, self.words.lang) & {"Name", "Surn"} for t in name)
            if name is not None and name.end <= stop and not person:
                out.append(name)
            for t in part[:-1]:  # "у Telegram", "в Facebook"
                nxt = doc[t.i + 1]
                if t.lower_ in self.words.prepositions and nxt.text.isascii() and _is_name_word(nxt):
                    out.append(doc[nxt.i : nxt.i + 1])
            start = stop + 1
        return out

    def find(self, doc: Doc) -> list[Source]:
        found: dict[str, Source] = {}
        for item in [span for t in doc if t.text == ":" for span in self.listed(doc, t)]:
            name = item.text.strip("«»\"„“” ")
            found.setdefault(name.lower(), Source(name=name, spans=[span_of(item)], extractor=SOURCES))
        for token in doc:
            span = self._after_formula(doc, token.i)
            if span is None and self.words.lemma_in(token, self.words.speech):
                span = self._before_verb(doc, token)
            if span is None and token.text == ":":
                span = self._heading(doc, token)
            if span is None:
                continue
            name = span.text.strip("«»\"„“” ")
            source = found.get(name.lower())
            if source is None:
                found[name.lower()] = Source(name=name, spans=[span_of(span)], extractor=SOURCES)
            else:
                source.spans.append(span_of(span))
        return self.merged(list(found.values()))

    def merged(self, sources: list[Source]) -> list[Source]:
        """One source per body: a name whose words (by lemma) all stand in another's is that body again
        ("DeepState" and "проєкт DeepState"; "Проект отмечал" after "проект DeepState"; "адміністрації"
        after "Херсонської обласної військової адміністрації"), kept under its fullest name."""
        def words(name: str) -> frozenset[str]:
            return frozenset(lemmas(w, self.words.lang)[0] for w in re.findall(r"[\w’'-]+", name.lower()))

        out: list[Source] = []
        for source in sorted(sources, key=lambda s: s.spans[0].start if s.spans else 0):
            mine = words(source.name)
            same = next((o for o in out if mine and (mine <= words(o.name) or words(o.name) <= mine)), None)
            if same is None:
                out.append(source)
                continue
            same.spans.extend(source.spans)
            if len(mine) > len(words(same.name)):
                same.name = source.name  # "Проект отмечал" first, "проект DeepState" names it
        return out

    def __call__(self, doc: Doc) -> Doc:
        doc._.sources = self.find(doc)
        return doc


class CyrillicSpeakers:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.words = _Words(str(nlp.lang))

    def _tokens(self, doc: Doc, quote: Quote) -> tuple[int, int] | None:
        if not quote.spans:
            return None
        span = doc.char_span(quote.spans[0].start, quote.spans[-1].end, alignment_mode="expand")
        return (span.start, span.end) if span is not None else None

    def after(self, doc: Doc, end: int) -> tuple[SpacySpan, Token] | None:
        """'», — заявив речник X.' / '», заявил X.' / '», — X заявив.'"""
        i = end
        while i < len(doc) and (doc[i].is_punct or doc[i].text in DASHES or doc[i].is_space) and doc[i].text != "«":
            i += 1
            if i - end > 4:
                return None
        if i >= len(doc):
            return None
        if self.words.lemma_in(doc[i], self.words.speech):
            who = self.words.clause_after(doc, i + 1)
            return (who, doc[i]) if who is not None else None
        # "», — Олег Петренко заявив." / "», — сказал он."
        for j in range(i, min(i + MAX_NAME, len(doc))):
            if doc[j].is_punct or _breaks(doc[j]):
                break
            if self.words.lemma_in(doc[j], self.words.speech) and j > i:
                return doc[i:j], doc[j]
        return None

    def before(self, doc: Doc, start: int) -> tuple[SpacySpan, Token] | None:
        """'Речник угруповання Олег Петренко заявив: «…' / 'Як заявив X, «…'"""
        sent = doc[start].sent if start < len(doc) else None
        lo = sent.start if sent is not None else max(0, start - 30)
        for j in range(start - 1, max(lo, start - 30) - 1, -1):
            if not self.words.lemma_in(doc[j], self.words.speech):
                continue
            subject_start = j
            while subject_start > lo and not (doc[subject_start - 1].is_punct or _breaks(doc[subject_start - 1])):
                subject_start -= 1
            subject = doc[subject_start:j]
            # "Про це заявив X", "Як заявив X": no one is named before the verb.
            if subject and not all(self.words.is_function(t) or t.is_space for t in subject):
                return subject, doc[j]
            who = self.words.clause_after(doc, j + 1)
            return (who, doc[j]) if who is not None else None
        return None

    def labelled(self, doc: Doc, start: int) -> tuple[SpacySpan, Token] | None:
        """'Пряма мова Шмигаля: "…"': a news site's label line names the speaker before the colon."""
        colon = start - 1
        while colon >= 0 and doc[colon].is_space:
            colon -= 1
        if colon < 1 or doc[colon].text != ":":
            return None
        line = colon
        while line > 0 and not _breaks(doc[line - 1]):
            line -= 1
        words = tuple(t.lower_ for t in doc[line:colon])
        for label in self.words.quote_labels:
            if words[: len(label)] == label and len(words) > len(label):
                return doc[line + len(label) : colon], doc[line + len(label) - 1]
        return None

    def in_sentence(self, doc: Doc, start: int, end: int) -> tuple[SpacySpan, Token] | None:
        """A fragment's holder: the verb of saying elsewhere in its sentence ("… «…» за время войны,
        пишет разведка")."""
        sent = doc[start].sent
        for j in [*range(end, sent.end), *range(start - 1, sent.start - 1, -1)]:
            if self.words.lemma_in(doc[j], self.words.speech) and not _inside_quote(doc, j):
                holder = self.holder(doc, doc[j])
                if holder is not None:
                    return holder, doc[j]
        return None

    def holder(self, doc: Doc, verb: Token) -> SpacySpan | None:
        """Who a verb of saying is said by: a name after it ("заявив речник X"), else its subject
        ("Командування спростувало інформацію"), else a noun after it ("повідомили в штабі")."""
        after = self.words.clause_after(doc, verb.i + 1)
        if after is not None and self.names(after) and _is_named(after):
            return after
        subject = self.words.subject(doc, verb)
        if subject is not None and self.names(subject):
            return subject
        return after if after is not None and self.names(after) else None

    def names(self, span: SpacySpan) -> bool:
        """The span can name a holder: a capitalised word, or a noun that is neither pronoun nor function word."""
        words = [t for t in span if _wordy(t)]
        if not words or words[0].lower_ in PRONOUNS:
            return False
        return any(_is_name_word(t) for t in words) or any(
            "NOUN" in tags(t.text, self.words.lang) and not self.words.is_function(t) for t in words
        )

    def preceding(self, doc: Doc, start: int) -> SpacySpan | None:
        """The holder of the last attribution before `start` ("Глава администрации X утверждает …" before
        "«…», — написал он"; "Про це повідомив Центр …" before "«…» — йдеться в повідомленні")."""
        for j in range(start - 1, max(0, start - LOOK_BACK) - 1, -1):
            if self.words.lemma_in(doc[j], self.words.speech) and not _inside_quote(doc, j):
                holder = self.holder(doc, doc[j])
                if holder is not None and _is_named(holder):
                    return holder
        return None

    def assign(self, doc: Doc, quotes: list[Quote]) -> None:
        last: Quote | None = None
        for quote in quotes:
            if _is_title(quote):
                continue
            where = self._tokens(doc, quote)
            if where is None:
                continue
            # The closing mark is a token of its own after the quoted words.
            end = where[1] + (1 if where[1] < len(doc) and doc[where[1]].text in {"»", "”", "\"", "“"} else 0)
            start = where[0] - (1 if where[0] > 0 and doc[where[0] - 1].text in {"«", "„", "\"", "“"} else 0)
            found = (
                self.labelled(doc, start) or self.after(doc, end) or self.before(doc, start)
                or self.in_sentence(doc, start, end)
            )
            who = found[0] if found else None
            # "— написал он", "— йдеться в повідомленні", no cue at all: the last holder named before it.
            if who is None or not _is_named(who):
                earlier = self.preceding(doc, start)
                who = earlier if earlier is not None else who
            if who is None or who[0].lower_ in PRONOUNS:
                if last is None or who is None:
                    continue
                quote.speaker, quote.cue = last.speaker, found[1].text if found else None
                continue
            quote.speaker = who.text.strip(" ,—–-\n")
            quote.cue = found[1].text if found else None
            last = quote

    def __call__(self, doc: Doc) -> Doc:
        quotes = list(doc._.quotes or [])
        self.assign(doc, quotes)
        doc._.quotes = [q for q in quotes if q.speaker or not _is_title(q)]
        return doc


ensure_doc_extension("sources")
ensure_doc_extension("quotes")


@Language.factory("sitrep_sources_cyrillic", assigns=["doc._.sources"], requires=["doc.sents", "token.lemma"])
def make_cyrillic_sources(nlp: Language, name: str) -> CyrillicSources:
    return CyrillicSources(nlp, name)


@Language.factory(
    "sitrep_speakers_cyrillic", assigns=["doc._.quotes"], requires=["doc._.quotes", "doc.sents", "token.lemma"]
)
def make_cyrillic_speakers(nlp: Language, name: str) -> CyrillicSpeakers:
    return CyrillicSpeakers(nlp, name)


def _known(token: Token, lang: str) -> bool:
    """pymorphy3's dictionary has the word (an unknown word after a given name is likely a surname)."""
    return any(p.is_known for p in parses(token.text, lang))
