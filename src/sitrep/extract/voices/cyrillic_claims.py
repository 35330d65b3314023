"""Claims in Ukrainian and Russian text: attributed propositions, read by word order.

"X заявив, що Y", "Y, — повідомили в X", "За даними X, Y", "Y. Про це повідомив X", every
quotation with a speaker, and a bulletin's reports and digest items (cyrillic_bulletins.py); the stance is the verb's (lexicons/<lang>/verbs_of_saying.txt) and a
hedge ("нібито", "якобы") marks the claim hedged.

    >>> doc = nlp("Речник заявив, що ворог зазнав втрат.")  # doctest: +SKIP
    >>> [(c.claimant, c.stance, c.text) for c in doc._.claims]  # doctest: +SKIP
    [('Речник', 'asserts', 'ворог зазнав втрат')]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...lexicons import lexicon
from ...models import Claim, Quote
from ..base import ensure_doc_extension, extractor_id, span_of
from ..morphology import lemmas
from .cyrillic import (
    PRONOUNS,
    CyrillicSpeakers,
    _inside_quote,
    _Words,
)
from .cyrillic_bulletins import Bulletins

CLAIMS = extractor_id("claims.cyrillic", 1)


class CyrillicClaims:
    """Attributed propositions: quotes with a speaker, "X заявив, що Y", "Y, — повідомили в X",
    "За даними X, Y", and "Y. Про це повідомив X" (the sentence before, "об этом сообщил" in Russian)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.words = _Words(str(nlp.lang))
        lex = lexicon(self.words.lang)
        self.stances = lex.table("verbs_of_saying", ("asserts", "denies", "acknowledges", "expects", "doubts"))
        self.hedges = lex.words("hedges", "claim")
        self.speakers = CyrillicSpeakers(nlp, name)
        self.bulletins = Bulletins(self.words.lang)

    def stance(self, token: Token) -> str | None:
        if not token.is_alpha:
            return None
        return next((self.stances[lemma] for lemma in lemmas(token.text, self.words.lang) if lemma in self.stances), None)

    def claim(self, span: SpacySpan, claimant: str | None, stance: str) -> Claim | None:
        text = span.text.strip(" ,.—–-:\n«»\"")
        if len(text.split()) < 3 or all(self.words.is_function(t) for t in span if t.is_alpha):
            return None  # "Разом з тим": a connective, no proposition
        hedged = any(lemma in self.hedges for t in span if t.is_alpha for lemma in lemmas(t.text, self.words.lang))
        return Claim(
            text=text, claimant=claimant, stance=stance, hedged=hedged,  # type: ignore[arg-type]
            spans=[span_of(span)], extractor=CLAIMS,
        )

    def from_verbs(self, doc: Doc) -> list[Claim]:
        found = []
        for sent in doc.sents:
            for token in sent:
                stance = self.stance(token)
                if stance is None or _inside_quote(doc, token.i):
                    continue
                holder = self.speakers.holder(doc, token)
                if holder is None or holder[0].lower_ in PRONOUNS:  # "Він додав, що …"
                    holder = self.speakers.preceding(doc, token.i)
                claimant = holder.text.strip(" ,—–-\n") if holder is not None else None
                nxt = doc[token.i + 1 : token.i + 3]
                if len(nxt) == 2 and nxt[0].text == "," and nxt[1].lower_ in {"що", "что"}:
                    body = doc[token.i + 3 : sent.end]  # "заявив, що Y"
                elif token.i > sent.start and doc[token.i - 1].text in {",", "—", "–", "-"}:
                    start = sent.start  # "Y, — повідомили в X"
                    end = token.i - 1
                    while end > start and doc[end - 1].text in {",", "—", "–", "-"}:
                        end -= 1
                    body = doc[start:end]
                elif stance == "denies":
                    body = doc[token.i + 1 : sent.end]  # "спростував інформацію про …"
                elif token.i + 1 < sent.end and doc[token.i + 1].lower_ in {"про", "о", "об"}:
                    body = doc[token.i + 2 : sent.end]  # "повідомили про збиття …"
                elif _about_this(doc, token) and sent.start > 0:
                    body = doc[sent.start - 1].sent  # "Y. Про це повідомив X."
                else:
                    continue
                item = self.claim(body, claimant, stance)
                if item is not None:
                    found.append(item)
        return found

    def from_sources(self, doc: Doc) -> list[Claim]:
        """'За даними X, Y': the rest of the sentence after the source's name, held by the source
        (only sources a formula introduces: a label line's list or a subject is no such frame)."""
        found = []
        last_words = {formula[-1] for formula in self.words.formulas}
        for source in doc._.sources or []:
            for where in source.spans:
                span = doc.char_span(where.start, where.end, alignment_mode="expand")
                if span is None or span.start == 0 or doc[span.start - 1].lower_ not in last_words:
                    continue
                sent = span.sent
                if span.end < sent.end and doc[span.end].text == ",":
                    body = doc[span.end + 1 : sent.end]
                else:  # "Y, как сообщает X": up to the comma before the formula
                    comma = max((t.i for t in doc[sent.start : span.start] if t.text in {",", "—", "–"}), default=None)
                    if comma is None:
                        continue
                    body = doc[sent.start : comma]
                item = self.claim(body, source.name, "asserts")
                if item is not None:
                    found.append(item)
        return found

    def find(self, doc: Doc) -> list[Claim]:
        claims = [
            c
            for q in doc._.quotes or []
            if q.speaker and not q.fragment
            for c in [self.quote_claim(doc, q)]
            if c is not None
        ]
        seen = {c.text for c in claims}
        for c in self.from_sources(doc) + self.from_verbs(doc):
            if c.text not in seen:
                claims.append(c)
                seen.add(c.text)
        # a bulletin's sentences of front formulas and its digest's items, held by its source
        return claims + self.bulletins.claims(doc, claims)

    def quote_claim(self, doc: Doc, quote: Quote) -> Claim | None:
        span = doc.char_span(quote.spans[0].start, quote.spans[-1].end, alignment_mode="expand") if quote.spans else None
        if span is None:
            return None
        cue = quote.cue
        stance = next((self.stances[lemma] for lemma in lemmas(cue, self.words.lang) if lemma in self.stances), None) if cue else None
        return self.claim(span, quote.speaker, stance or "asserts")

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = self.find(doc)
        return doc


def _about_this(doc: Doc, verb: Token) -> bool:
    """'Про це повідомив …', 'Об этом сообщил …': the verb follows "about this" at its sentence's start."""
    before = [t.lower_ for t in doc[verb.sent.start : verb.i]]
    return before[:2] in (["про", "це"], ["об", "этом"])


ensure_doc_extension("claims")


@Language.factory(
    "sitrep_claims_cyrillic",
    assigns=["doc._.claims"],
    requires=["doc._.quotes", "doc._.sources", "doc.sents", "token.lemma"],
)
def make_cyrillic_claims(nlp: Language, name: str) -> CyrillicClaims:
    return CyrillicClaims(nlp, name)


