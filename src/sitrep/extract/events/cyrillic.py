"""Events and quantities in Ukrainian and Russian text, by trigger lemma and sentence.

Without a parser, an event is a trigger (a lemma of lexicons/<lang>/events/triggers.txt:
"просунулися" → advance, "обстріляли" → strike) and the places its sentence names: every
literal place of the sentence (regions and countries only where no town is named) is where it
happened. Its side is the first side word of the sentence (lexicons/<lang>/sides.txt:
"російські", "ворог", "ЗСУ"); its status is ``denied`` under a verb of denial, ``claimed``
under a verb of claiming or a hedge ("нібито", "якобы"), else ``reported`` — FORMAT.md's
convention that what a named source states is reported.

A quantity is a number (digits, "1,2", "11 578", or a number word: "дві", "четыре") and the
words after it up to the clause's end (at most three); a number before a month name or "року"
is a date, not a count.

    >>> doc = nlp("Російські війська просунулися біля Покровська.")  # doctest: +SKIP
    >>> [(e.type, e.place, e.actor_side) for e in doc._.events]  # doctest: +SKIP
    [('advance', 'Покровська', 'RU')]
"""

from __future__ import annotations

import re
from collections.abc import Collection

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ...lexicons import lexicon
from ...models import Event, Place, Quantity, Side
from ..base import ensure_doc_extension, extractor_id, span_of
from ..morphology import lemmas, tags
from ..voices.cyrillic_bulletins import Bulletins

EVENTS = extractor_id("events.cyrillic", 1)
QUANTITIES = extractor_id("quantities.cyrillic", 1)
AREAS = {"country", "oblast", "krai", "region", "republic", "sea"}
NUMBER = re.compile(r"^\d{1,3}(?:[.,]\d+)?$|^\d+$")
MAX_ABOUT = 3


class _Words:
    def __init__(self, lang: str) -> None:
        lex = lexicon(lang)
        self.lang = lang
        self.triggers = lex.table("events/triggers")
        self.sides: dict[str, Side] = lex.table("sides", ("UA", "RU"))  # type: ignore[assignment]
        self.hedges = lex.words("hedges", "event")
        self.anaphora = lex.words("events/anaphora")
        status = lex.entries("verbs_of_saying").tags
        self.denials = {w for w, t in status.items() if "status-deny" in t}
        self.claims = {w for w, t in status.items() if "status-claim" in t}
        numbers = lex.entries("events/numbers").tags
        self.numbers = {w: float(t[-1]) for w, t in numbers.items() if "number" in t}
        self.not_counted = {w for w, t in numbers.items() if "not_counted" in t}
        self.approximators = {w for w, t in numbers.items() if "approximator" in t}
        self.years = {w for w, t in numbers.items() if "year" in t}
        self.multipliers = {w: float(t[-1]) for w, t in numbers.items() if "multiplier" in t}

    def lemma_of(self, text: str, table: Collection[str]) -> str | None:
        return next((lemma for lemma in lemmas(text, self.lang) if lemma in table), None)


class CyrillicEvents:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.words = _Words(str(nlp.lang))

    def side(self, sent: SpacySpan) -> Side | None:
        for token in sent:
            found = self.words.lemma_of(token.text.lower(), self.words.sides) if token.is_alpha else None
            if found:
                return self.words.sides[found]
        return None

    def takes_up(self, sent: SpacySpan) -> bool:
        """Whether the sentence refers back to a settlement ("в місто", "на его окраинах", "там")."""
        return any(
            t.lower_ in self.words.anaphora or self.words.lemma_of(t.text, self.words.anaphora) is not None
            for t in sent
            if t.is_alpha
        )

    def status(self, sent: SpacySpan) -> str:
        words = self.words
        lemmas_here = {lemma for t in sent if t.is_alpha for lemma in lemmas(t.text, words.lang)}
        if lemmas_here & words.denials:
            return "denied"
        if lemmas_here & words.claims or lemmas_here & words.hedges:
            return "claimed"
        return "reported"

    def find(self, doc: Doc) -> list[Event]:
        # a street is placed at its town, which is where its events happened (named in the record's places)
        places: list[Place] = [p for p in (doc._.places or []) if p.literal and p.feature != "local"]
        events: dict[tuple[str, str, str], Event] = {}
        last_towns: list[Place] = []  # the towns the last sentence that named one named
        for sent in doc.sents:
            here = [
                p for p in places if any(sent.start_char <= s.start < sent.end_char for s in p.spans)
            ]
            named_towns = [p for p in here if p.feature not in AREAS]
            types = []
            for token in sent:
                trigger = self.words.lemma_of(token.text, self.words.triggers) if token.is_alpha else None
                if trigger and self.words.triggers[trigger] not in types:
                    types.append(self.words.triggers[trigger])
            previous, last_towns = last_towns, named_towns or last_towns
            if not types:
                continue
            # The town where it happened, not the oblast or country around it; in a sentence that
            # names none, the town "the city" or "there" takes up from the sentence before.
            towns = named_towns or (previous if self.takes_up(sent) else []) or here
            if not towns:
                continue
            side, status = self.side(sent), self.status(sent)
            for kind in types:
                for place in towns:
                    key = (kind, place.name, status)
                    if key in events:
                        continue
                    events[key] = Event(
                        id=f"e{len(events) + 1}",
                        type=kind,  # type: ignore[arg-type]
                        place=place.name,
                        status=status,  # type: ignore[arg-type]
                        actor_side=side,
                        spans=[span_of(sent)],
                        extractor=EVENTS,
                    )
        return list(events.values())

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.find(doc)
        return doc


class CyrillicQuantities:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.words = _Words(str(nlp.lang))
        self.bulletins = Bulletins(self.words.lang)

    def value(self, doc: Doc, i: int) -> tuple[float, int] | None:
        """The number at token `i` and the index after it ("11 578" is one number of two tokens)."""
        token = doc[i]
        if NUMBER.match(token.text):
            digits, j = token.text, i + 1
            # "11 578": thousands written apart
            while j < len(doc) and re.fullmatch(r"\d{3}", doc[j].text) and doc[j - 1].whitespace_ == " ":
                digits, j = digits + doc[j].text, j + 1
            return float(digits.replace(",", ".")), j
        word = self.words.lemma_of(token.lower_, self.words.numbers) if token.is_alpha else None
        return (self.words.numbers[word], i + 1) if word else None

    def listed(self, doc: Doc, i: int) -> SpacySpan | None:
        """'танків ‒ 9 305 (+10) од.', 'вертолетов: 283': the words a bulletin's line names before the dash
        or colon ahead of the count (an approximator between them: 'особового складу ‒ близько 720 050')."""
        k = i - 1
        if k >= 0 and doc[k].lower_ in self.words.approximators:
            k -= 1
        if k < 1 or doc[k].text not in {"‒", "–", "—", "-", ":"}:
            return None
        start = k
        while start > 0 and doc[start - 1].is_alpha and k - start < 4 and "\n" not in doc[start - 1].whitespace_:
            start -= 1
            if doc[start].is_sent_start or (start > 0 and "\n" in doc[start - 1].text + doc[start - 1].whitespace_):
                break
        return doc[start:k] if start < k else None

    def find(self, doc: Doc) -> list[Quantity]:
        # a unit's number ("41-ї бригади", "116 ОМБр") names the unit, it counts nothing
        units = [(s.start, s.end) for u in doc._.units or [] for s in u.spans]
        found = [q for q in self._find(doc) if not any(a <= q.spans[0].start < b for a, b in units)]
        # the counts of a bulletin's formulas and digests are its source's (cyrillic_bulletins.py)
        paragraphs = self.bulletins.paragraphs(doc)
        items = [(s.start_char, s.end_char, opening) for s, opening in self.bulletins.items(doc)]
        for q in found:
            at = q.spans[0].start
            opening = next((o for a, b, o in items if a <= at < b), None)
            if opening is not None:
                q.claimant = self.bulletins.holder_at(doc, opening, paragraphs, opening=True)
                continue
            sent = doc.char_span(at, q.spans[0].end, alignment_mode="expand")
            if sent is not None and self.bulletins.is_report(sent.sent):
                q.claimant = self.bulletins.holder_at(doc, at, paragraphs)
        return found

    def _find(self, doc: Doc) -> list[Quantity]:
        found: list[Quantity] = []
        i = 0
        while i < len(doc):
            number = self.value(doc, i)
            if number is None:
                i += 1
                continue
            value, j = number
            if j < len(doc) and (m := self.words.lemma_of(doc[j].lower_, self.words.multipliers)):
                value *= self.words.multipliers[m]  # "30 млн доларів", "100 мільйонів"
            end = j
            while end < min(j + MAX_ABOUT, len(doc)) and doc[end].is_alpha and not doc[end].is_sent_start:
                if tags(doc[end].text, self.words.lang) & {"PREP", "CONJ", "PRCL", "VERB", "INFN", "GRND", "ADVB"}:
                    break  # "три штурми у Донецькій області", "11 578 разів обстріляв": the count ends
                end += 1
            about = doc[j:end]
            first = about[0].text if len(about) else ""
            dated = bool(first) and (
                self.words.lemma_of(first.lower(), self.words.not_counted) is not None
                or (value >= 1000 and self.words.lemma_of(first.lower(), self.words.years) is not None)
            )
            timed = j < len(doc) and doc[j].text == ":"
            if not len(about) and (named := self.listed(doc, i)) is not None:
                about = named
            if len(about) and not dated and not timed and not (i > 0 and doc[i - 1].text in {"-", "/", "+"}):
                start = i - 1 if i > 0 and doc[i - 1].lower_ in self.words.approximators else i  # "понад 30 млн"
                span = doc[min(start, about.start) : max(end, about.end)]
                found.append(
                    Quantity(
                        text=span.text, value=value, about=about.text, spans=[span_of(span)], extractor=QUANTITIES
                    )
                )
            i = end if end > i else i + 1
        return found

    def __call__(self, doc: Doc) -> Doc:
        doc._.quantities = self.find(doc)
        return doc


ensure_doc_extension("events")
ensure_doc_extension("quantities")


@Language.factory(
    "sitrep_events_cyrillic", assigns=["doc._.events"], requires=["doc._.places", "doc.sents", "token.lemma"]
)
def make_cyrillic_events(nlp: Language, name: str) -> CyrillicEvents:
    return CyrillicEvents(nlp, name)


@Language.factory(
    "sitrep_quantities_cyrillic", assigns=["doc._.quantities"], requires=["doc.sents", "doc._.sources", "doc._.units"]
)
def make_cyrillic_quantities(nlp: Language, name: str) -> CyrillicQuantities:
    return CyrillicQuantities(nlp, name)
