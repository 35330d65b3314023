"""Claims: attributed propositions with their holder, stance, hedging and links.

sitrep.claims/1 reads the parse around every cue of `cues` (verbs and nouns of saying,
"according to") and writes ``doc._.claims``:

- a verb of saying with a clause ("Analysts estimate that Pokrovsk could fall within weeks"):
  the clause is the proposition, the verb's subject the claimant, the verb the stance
  (`cues.VERB_STANCE`: asserts, denies, acknowledges, expects, doubts);
- a verb whose object is the proposition ("acknowledges the extreme complexity of the situation");
- a cue noun with a possessor ("Moscow's claim that …", "Putin's claims of the …"): the
  possessor asserts it; when the noun is the object of another cue ("Ukraine denies Moscow's
  claim that X") the two claims share their text and are linked (`links`, by claim id);
- "according to X, …" and "as reported by X, …": the clause they modify;
- a direct quotation with a speaker: what the speaker asserts (or expects, when its main verb
  is a future or conditional).

Spans: a claim's first span is the proposition (what an event extractor should look inside), its
second the claimant's words when they are in the text. `hedged` is set by a hedge word (could,
may, likely, reportedly, allegedly, …) in the proposition or on its cue; `negated` by a negator
on the proposition's main verb. Claims use `speakers.Resolver`, so "he said that …" has the same
resolved holder as a quote would.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...lexicons import lexicon
from ...models import Claim, Quote
from ..base import ensure_doc_extension, extractor_id, items_of, span_of
from .cues import HEDGES, HEDGING_CUES, NEGATORS, NOUN_STANCE, VERB_STANCE, token_indices
from .mentions import SUBJECTS, Holder, Resolver, speaker_of_cue
from .sources import chain_for

#: This module's word lists, read from src/sitrep/lexicons/en/ (see that package's docstring).
LEX = lexicon("en")

NAME = "claims"
VERSION = 1
EXTRACTOR = extractor_id(NAME, VERSION)

#: Verbs that take the proposition as their object ("denies the report", "confirmed the strike").
OBJECT_VERBS = LEX.words("verbs_of_saying", "takes-object")
#: Verbs of the cue list that never introduce a proposition of their own in a clause.
NOT_CLAIM_VERBS = LEX.words("verbs_of_saying", "no-claim")
#: Words before "likely" that make it a comparison, not a hedge ("the more likely you are to lose").
COMPARATIVES = frozenset({"more", "less", "most", "least"})
#: Auxiliaries that make a proposition a forecast.
FUTURE_AUX = frozenset({"will", "'ll", "could", "might", "shall"})
CLAUSE_DEPS = {"ccomp"}
ACCORDING = frozenset({"according"})
#: Claims from direct quotations (the quoted words, asserted by their speaker).
QUOTE_CLAIMS = True

ensure_doc_extension(NAME)


def _trim(doc: Doc, lo: int, hi: int) -> SpacySpan:
    """A proposition without its complementiser and edge punctuation ("that X," → "X")."""
    while lo < hi and (
        doc[lo].is_punct
        or doc[lo].is_space
        or doc[lo].dep_ == "mark"
        and doc[lo].lower_ in {"that", "whether", "if"}
    ):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    return doc[lo:hi]


def _subtree_span(t: Token, *, without: Token | None = None) -> SpacySpan:
    """The subtree of `t`, or when it contains `without`, the longer side of it around that subtree."""
    doc = t.doc
    lo, hi = t.left_edge.i, t.right_edge.i + 1
    if without is not None and lo <= without.i < hi:
        cut_lo, cut_hi = without.left_edge.i, without.right_edge.i + 1
        if cut_lo - lo >= hi - cut_hi:
            hi = cut_lo
        else:
            lo = cut_hi
    return _trim(doc, lo, hi)


def _flags(prop: SpacySpan, cue: Token | None) -> tuple[bool, bool]:
    hedged = any(t.lower_ in HEDGES for t in prop)
    if cue is not None:
        hedged = hedged or cue.lemma_.lower() in HEDGING_CUES or any(c.lower_ in HEDGES for c in cue.children)
    root = prop.root
    negated = any(c.lower_ in NEGATORS and c.dep_ == "neg" for c in root.children)
    return hedged, negated


def _future(prop: SpacySpan) -> bool:
    """A forecast: a future or possible main verb, 'likely', or a verb of expecting ("Russia plans to …")."""
    root = prop.root
    if VERB_STANCE.get(root.lemma_.lower()) == "expects" and not any(
        c.dep_ == "auxpass" for c in root.children
    ):
        return True
    aux = {c.lower_ for c in root.children if c.dep_ in {"aux", "auxpass"}}
    if aux & FUTURE_AUX:
        return True
    if "would" in aux and any(t.lower_ in {"soon", "likely"} for t in prop):
        return True  # "talks would resume soon, likely in Geneva"
    # "it is likely that …", "is likely to …" forecast; "forces likely liberated X" is a hedged assertion
    return any(
        t.lower_ == "likely"
        and t.dep_ in {"acomp", "attr"}
        and (t.i == 0 or t.nbor(-1).lower_ not in COMPARATIVES)
        for t in prop
    )


def _negated_cue(verb: Token) -> bool:
    """'ISW has not observed evidence to assess that X', 'did not confirm that X': doubt, not assertion."""
    t = verb
    for _ in range(3):
        if any(c.dep_ == "neg" for c in t.children):
            return True
        if t.head is t:
            break
        t = t.head
    return False


class _Builder:
    def __init__(self, doc: Doc, resolver: Resolver) -> None:
        self.doc = doc
        self.resolver = resolver
        self.claims: list[Claim] = []
        self.seen: set[tuple[int, int, str]] = set()

    def clip(self, anchor: int, span: SpacySpan) -> SpacySpan:
        lo, hi = self.resolver.clip(anchor, span.start, span.end)
        return _trim(self.doc, lo, hi)

    def add(self, prop: SpacySpan, holder: Holder | None, stance: str, cue: Token | None) -> Claim | None:
        if holder is None or len(prop) == 0 or not any(c.isalpha() for c in prop.text):
            return None
        key = (prop.start_char, prop.end_char, stance)
        if key in self.seen:
            return None
        self.seen.add(key)
        if stance == "asserts" and _future(prop):
            stance = "expects"
        hedged, negated = _flags(prop, cue)
        claim = Claim(
            id=f"c{len(self.claims) + 1}",
            text=prop.text,
            claimant=holder.name,
            claimant_ref=holder.ref,
            stance=stance,  # type: ignore[arg-type]
            hedged=hedged,
            negated=negated,
            spans=[span_of(prop), span_of(holder.span)],
            chain=chain_for(self.doc, prop.start_char, speaker=holder.name),
            extractor=EXTRACTOR,
        )
        self.claims.append(claim)
        return claim


def _link(a: Claim | None, b: Claim | None) -> None:
    if a is not None and b is not None and a.id and b.id:
        a.links.append(b.id)
        b.links.append(a.id)


def _noun_claim(b: _Builder, noun: Token) -> Claim | None:
    """'Moscow's claim that X' / 'Putin's claims of X': the possessor asserts X."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None:
        return None
    clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in {"acl", "ccomp", "relcl"} and any(m.dep_ == "mark" for m in c.children)
        ),
        None,
    )
    if clause is None:
        of = next(
            (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "about", "that"}), None
        )
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is None:
            return None
        prop = _trim(b.doc, obj.left_edge.i, obj.right_edge.i + 1)
    else:
        prop = _subtree_span(clause)
    return b.add(
        prop, b.resolver.holder(poss, cue=noun), NOUN_STANCE.get(noun.lemma_.lower(), "asserts"), noun
    )


def _verb_claims(b: _Builder, verb: Token) -> None:
    lemma = verb.lemma_.lower()
    stance = VERB_STANCE[lemma]
    if lemma in NOT_CLAIM_VERBS:
        return
    if stance in {"asserts", "acknowledges"} and _negated_cue(verb):
        stance = "doubts"
    head = speaker_of_cue(verb)
    holder = b.resolver.holder(head, cue=verb) if head is not None else None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if agent is not None and passive is not None and not any(c.lower_ == "as" for c in verb.lefts):
        # "At least 10 deaths have been reported by health officials this year": the whole report
        b.add(b.clip(verb.i, _subtree_span(verb)), holder, stance, verb)
        return
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS]
    nxt = verb.nbor(1) if verb.i + 1 < len(b.doc) else None
    if nxt is not None and nxt.dep_ == "mark" and nxt.lower_ == "that" and nxt.head not in clauses:
        clauses.append(nxt.head)  # "believes that X:" ↵ "quote", parsed as one sentence
    own = [  # the reporter's own words, though they may hold a scare quote
        c
        for c in clauses
        if not b.resolver.in_quote[c.left_edge.i] and b.resolver.para[c.i] == b.resolver.para[verb.i]
    ]
    if own:
        clause = min(own, key=lambda c: abs(c.i - verb.i))
        for part in _parts(b.clip(verb.i, _subtree_span(clause))):
            b.add(part, holder, stance, verb)
        return
    if clauses and QUOTE_CLAIMS:
        return  # a direct quotation: claimed once, from the quote
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and lemma in OBJECT_VERBS and not b.resolver.in_quote[obj.i]:
        nested = _noun_claim(b, obj) if obj.lemma_.lower() in NOUN_STANCE else None
        if nested is not None:
            mine = b.add(_trim(b.doc, *_span_bounds(nested, b.doc)), holder, stance, verb)
            _link(nested, mine)
            return
        if obj.lemma_.lower() in NOUN_STANCE and len(list(obj.subtree)) <= 3:
            return  # "dismissed the report": a reference to a claim, not a proposition
        b.add(b.clip(verb.i, _subtree_span(obj)), holder, stance, verb)  # never the next line's words
        return
    # "as reported by UNIAN, …" / "…, as reported by UNIAN": the rest of the sentence.
    if any(c.dep_ == "agent" for c in verb.children) and any(c.lower_ == "as" for c in verb.lefts):
        b.add(_rest_of_sentence(b, verb), holder, stance, verb)
    elif verb.dep_ == "parataxis" and verb.head.pos_ in {"VERB", "AUX"}:
        b.add(b.clip(verb.i, _subtree_span(verb.head, without=verb)), holder, stance, verb)


def _parts(prop: SpacySpan) -> list[SpacySpan]:
    """A proposition cut at a colon or semicolon that joins two clauses, each with its own subject.

    ("this victory will be pyrrhic: the battles … have turned out to be the bloodiest" holds a
    forecast and an assertion.)
    """
    doc = prop.doc
    cuts = [t.i for t in prop if t.text in {":", ";"}]
    parts, lo = [], prop.start
    for cut in cuts:
        left, right = doc[lo:cut], doc[cut + 1 : prop.end]
        if any(t.dep_ in SUBJECTS for t in left) and any(t.dep_ in SUBJECTS for t in right):
            parts.append(_trim(doc, lo, cut))
            lo = cut + 1
    parts.append(_trim(doc, lo, prop.end))
    return [p for p in parts if len(p)]


def _rest_of_sentence(b: _Builder, cue: Token) -> SpacySpan:
    """The sentence around a parenthetical cue phrase ("According to X, …", "…, as reported by X.")."""
    doc = b.doc
    sent = cue.sent
    lo, hi = b.resolver.clip(cue.i, sent.start, sent.end)
    first = min(cue.left_edge.i, *(t.i for t in cue.lefts)) if list(cue.lefts) else cue.left_edge.i
    last = cue.right_edge.i + 1
    if first - lo <= 1:
        return _trim(doc, last, hi)  # cue phrase first
    return _trim(doc, lo, first)


def _span_bounds(claim: Claim, doc: Doc) -> tuple[int, int]:
    span = doc.char_span(claim.spans[0].start, claim.spans[0].end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, 0)


def _according(b: _Builder, token: Token) -> None:
    """'According to X, clause': X asserts the clause."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if obj is None:
        return
    prop = _rest_of_sentence(b, token)
    if prop and prop.root.lemma_.lower() in VERB_STANCE:
        return  # "That's according to X, Ukrinform reports": the rest is another citation
    after = token.right_edge.i + 1
    while (
        after < len(b.doc)
        and (b.doc[after].is_punct or b.doc[after].is_space)
        and not b.resolver.in_quote[after]
    ):
        after += 1
    if after < len(b.doc) and b.resolver.in_quote[after]:
        return  # "according to X, "…"": the quote's own claim
    if not prop or b.resolver.in_quote[prop.start] or b.resolver.in_quote[max(prop.start, prop.end - 1)]:
        return  # "according to X, "…"": the quote's own claim
    b.add(prop, b.resolver.holder(obj, cue=token), "asserts", token)


def _quote_claim(b: _Builder, quote: Quote) -> None:
    if quote.fragment or not quote.speaker:
        return
    span = b.doc.char_span(quote.spans[0].start, quote.spans[-1].end, alignment_mode="expand")
    if span is None:
        return
    head = b.doc[span.start]
    holder_span = b.doc[head.i : head.i]  # the speaker was resolved by sitrep_speakers
    holder = Holder(name=quote.speaker, span=holder_span, ref=quote.speaker_ref, side=quote.side)
    claim = b.add(_trim(b.doc, span.start, span.end), holder, "asserts", None)
    if claim is not None:
        claim.spans = [claim.spans[0]]


def find_claims(doc: Doc) -> list[Claim]:
    quotes: list[Quote] = items_of(doc, "quotes")
    ranges = []
    for q in quotes:
        span = doc.char_span(q.spans[0].start, q.spans[-1].end, alignment_mode="expand")
        if span is not None:
            ranges.append((span.start, span.end))
    b = _Builder(doc, Resolver(doc, ranges))
    candidates = sorted(
        set(token_indices(doc, LEMMA, VERB_STANCE))
        | set(token_indices(doc, LEMMA, NOUN_STANCE))
        | set(token_indices(doc, LOWER, ACCORDING))
    )
    for i in candidates:
        t = doc[i]
        if b.resolver.in_quote[t.i]:
            continue
        if t.lower_ == "according":
            _according(b, t)
        elif t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in VERB_STANCE:
            _verb_claims(b, t)
        elif (
            t.pos_ == "NOUN"
            and t.lemma_.lower() in NOUN_STANCE
            and not (t.dep_ == "dobj" and t.head.lemma_.lower() in OBJECT_VERBS)
        ):  # "repeated his insistence that X"; "denies Moscow's claim that X" is done with its verb
            _noun_claim(b, t)
    if QUOTE_CLAIMS:
        for q in quotes:
            _quote_claim(b, q)
    b.claims = _without_nested(b.claims)
    b.claims.sort(key=lambda c: c.spans[0].start)
    renumber = {c.id: f"c{i}" for i, c in enumerate(b.claims, start=1)}
    for c in b.claims:
        c.id = renumber[c.id]
        c.links = [renumber[x] for x in c.links]
    return b.claims


def _without_nested(claims: list[Claim]) -> list[Claim]:
    """Drop a claim whose proposition lies inside another of the same holder and stance.

    ("said he would “move quickly” to send aid" and the quoted words "move quickly" are one claim.)
    """
    keep = []
    for c in claims:
        s = c.spans[0]
        inside = any(
            o is not c
            and not c.links
            and o.claimant == c.claimant
            and o.stance == c.stance
            and o.spans[0].start <= s.start
            and s.end <= o.spans[0].end
            and (o.spans[0].end - o.spans[0].start) > (s.end - s.start)
            for o in claims
        )
        if not inside:
            keep.append(c)
    return keep


def claim_span(doc: Doc, claim: Claim) -> SpacySpan | None:
    """The proposition of a claim as a spaCy span (for components that read claims)."""
    s = claim.spans[0]
    return doc.char_span(s.start, s.end, alignment_mode="expand")


class ClaimFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = find_claims(doc)
        return doc


@Language.factory(
    "sitrep_claims",
    assigns=["doc._.claims"],
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
def make_claim_finder(nlp: Language, name: str) -> ClaimFinder:
    return ClaimFinder(nlp, name)
