"""Forecasts in Ukrainian and Russian text: an expected event at a place, who expects it, by when.

Without a parser, a forecast is an event whose trigger follows an expectation cue of its own
clause, within `CUE_WINDOW` words: a modal or a word of expectation ("очікується", "ймовірно",
"планує", "може" / "ожидается", "вероятно", "планирует", "может"; lexicons/<lang>/events/
expectations.txt). The event's status becomes ``forecast``; its holder is the claimant of the
claim its sentence sits in, else the body its paragraph credits (cyrillic_bulletins.py); its
horizon is a time of the sentence that looks ahead ("найближчими тижнями", "до кінця року",
"взимку") — not a date already past.

    >>> doc = nlp("Генштаб очікує, що ворог може атакувати Покровськ найближчими тижнями.")  # doctest: +SKIP
    >>> [(f.event_type, f.place, f.by, f.horizon) for f in doc._.forecasts]  # doctest: +SKIP
    [('strike', 'Покровськ', ['Генштаб'], 'найближчими тижнями')]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ...lexicons import lexicon
from ...models import Event, Forecast
from ..base import ensure_doc_extension, extractor_id, published_of, span_of
from ..morphology import lemmas
from ..voices.cyrillic_bulletins import Bulletins

EXTRACTOR = extractor_id("forecasts.cyrillic", 1)
#: How many words before the trigger its expectation cue may stand.
CUE_WINDOW = 6
#: Words that end the clause a cue must share with the trigger.
CLAUSE_BREAKS = {",", ";", ":", "—", "–", "але", "однак", "проте", "но", "однако", "а"}


class CyrillicForecasts:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lang = str(nlp.lang)
        lex = lexicon(self.lang)
        self.cues = lex.words("events/expectations")
        self.triggers = lex.table("events/triggers")
        self.bulletins = Bulletins(self.lang)

    def cue(self, sent: SpacySpan, trigger: int) -> str | None:
        """The expectation cue of the trigger's clause, before it, or None."""
        doc = sent.doc
        for i in range(trigger - 1, max(sent.start, trigger - CUE_WINDOW) - 1, -1):
            token = doc[i]
            if token.text in CLAUSE_BREAKS or token.lower_ in CLAUSE_BREAKS:
                return None
            if token.is_alpha and (token.lower_ in self.cues or any(lemma in self.cues for lemma in lemmas(token.text, self.lang))):
                return token.text
        return None

    def holder(self, doc: Doc, sent: SpacySpan) -> str | None:
        for claim in doc._.claims or []:
            if claim.claimant and any(s.start < sent.end_char and sent.start_char < s.end for s in claim.spans):
                return claim.claimant
        return self.bulletins.holder_at(doc, sent.start_char)

    def horizon(self, doc: Doc, sent: SpacySpan) -> str | None:
        published = published_of(doc)
        for time in doc._.times or []:
            at = time.spans[0].start if time.spans else -1
            if not sent.start_char <= at < sent.end_char:
                continue
            if time.start is not None and published is not None and time.end is not None and time.end < published:
                continue  # a date already past is when it was said, not a horizon
            return time.text
        return None

    def find(self, doc: Doc) -> list[Forecast]:
        found: list[Forecast] = []
        events: list[Event] = list(doc._.events or [])
        for sent in doc.sents:
            expected: list[tuple[str, str]] = []  # (event type, cue)
            for token in sent:
                kind = next((self.triggers[lemma] for lemma in lemmas(token.text, self.lang) if lemma in self.triggers), None) if token.is_alpha else None
                if kind is None:
                    continue
                cue = self.cue(sent, token.i)
                if cue is not None and kind not in [k for k, _ in expected]:
                    expected.append((kind, cue))
            if not expected:
                continue
            here = [e for e in events if e.spans and sent.start_char <= e.spans[0].start < sent.end_char]
            by = self.holder(doc, sent)
            horizon = self.horizon(doc, sent)
            for kind, cue in expected:
                for event in here:
                    if event.type != kind:
                        continue
                    event.status = "forecast"
                    found.append(
                        Forecast(
                            event_type=event.type, place=event.place, by=[by] if by else [], horizon=horizon,
                            hedge=cue, event=event.id, spans=[span_of(sent)], extractor=EXTRACTOR,
                        )
                    )
        return found

    def __call__(self, doc: Doc) -> Doc:
        doc._.forecasts = self.find(doc)
        return doc


ensure_doc_extension("forecasts")


@Language.factory(
    "sitrep_forecasts_cyrillic",
    assigns=["doc._.forecasts"],
    requires=["doc._.events", "doc._.times", "doc._.claims", "doc._.sources", "doc.sents"],
)
def make_cyrillic_forecasts(nlp: Language, name: str) -> CyrillicForecasts:
    return CyrillicForecasts(nlp, name)
