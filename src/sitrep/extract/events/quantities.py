"""Quantities: counts, percentages, ratios, ranges and approximations, with what they count.

sitrep.quantities/2 reads numerals and number words ("about 60,000", "three dozen missiles",
"$60.8bn", "20% of their authorized strength", "20,000-25,000 enemy troops", "dozens of
civilians", "for every Ukrainian drone, up to ten Russian ones", "out of twenty, only five
remain"). Numbers that are times (found by sitrep_times), ordinals, unit numbers, model
designations ("FP-5", "Project 22460") and parenthesised conversions are not quantities.

    >>> parse_number(["2.1", "million"])
    2100000.0
"""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal, InvalidOperation
from typing import cast

from spacy.attrs import IDX, LIKE_NUM, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Token

from ...lexicons import lexicon
from ...models import Quantity, Span
from ..base import ensure_doc_extension, extractor_id, items_of, span_of
from ..numbers import SMALL
from .lexicon import doc_text, holder_of, phrase
from .times import MONTHS

#: This module's word lists, read from src/sitrep/lexicons/en/ (see that package's docstring).
LEX = lexicon("en")

NAME = "quantities"
VERSION = 2
EXTRACTOR = extractor_id(NAME, VERSION)

ensure_doc_extension(NAME)

# Multipliers, English and Ukrainian/Russian abbreviations seen in wire copy ("млн", "млрд").
MULT = {w: int(v) for w, v in LEX.table("events/multipliers").items()}
# Plurals that count without a number: value unknown ("dozens of civilians").
VAGUE = {"dozens", "hundreds", "thousands", "millions", "billions", "tens", "scores"}
APPROX = LEX.words("events/approximators")
UNITS = {w: None if v == "-" else v for w, v in LEX.table("events/measure_units").items()}
CURRENCY = {
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "₴": "UAH",
    "dollars": "USD",
    "euros": "EUR",
    "доларів": "USD",
    "долларов": "USD",
    "гривень": "UAH",
    "hryvnias": "UAH",
}
# A number right after these is a designation, not a count.
DESIGNATORS = {
    "project",
    "no",
    "no.",
    "number",
    "article",
    "resolution",
    "brigade",
    "unit",
    "route",
    "highway",
    "flight",
    "page",
    "paragraph",
    "version",
    "phase",
    "group",
    "channel",
    "#",
    "№",
}
ENT_SKIP = {"ORG", "PRODUCT", "FAC", "LAW", "WORK_OF_ART", "EVENT", "PERSON", "GPE", "LOC", "ORDINAL", "TIME"}
NUM_RE = re.compile(r"^[-−]?\d[\d,]*(\.\d+)?$")
DIGIT_RUN = re.compile(r"\d+")
DURATION = re.compile(r"\b(\d[\d,.]*|[a-z]+)\s+(hours?|days?|weeks?|months?|years?)$", re.I)
SUFFIXED = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(bn|tn|mn|m|k|km|%)$", re.I)


def _scalar(word: str) -> Decimal | None:
    w = word.lower().replace(",", "").replace("−", "-")
    if NUM_RE.match(w):
        try:
            return Decimal(w)
        except InvalidOperation:
            return None
    if w in SMALL:
        return Decimal(SMALL[w])
    m = SUFFIXED.match(w)
    if m:
        base = Decimal(m.group(1).replace(",", ""))
        return base * MULT.get(m.group(2).lower(), 1)
    return None


def parse_number(words: list[str]) -> float | None:
    """The value of a number written as words and digits: ['three', 'dozen'] → 36.0."""
    total, current, seen = Decimal(0), Decimal(0), False
    for word in words:
        w = word.lower().strip()
        if w in ("-", "and", "a", "an"):
            continue
        if w in MULT:
            current = (current or Decimal(1)) * MULT[w]
            if MULT[w] >= 1000:
                total, current = total + current, Decimal(0)
            seen = True
            continue
        value = _scalar(w)
        if value is None:
            return None
        current += value
        seen = True
    return float(total + current) if seen else None


def _is_number(token: Token) -> bool:
    w = token.lower_.replace(",", "")
    return bool(
        NUM_RE.match(w)
        or w in SMALL
        or SUFFIXED.match(w)
        or (w in MULT and token.i > 0 and token.nbor(-1).like_num)
    )


def _excluded(doc: Doc) -> set[int]:
    """Token indices that are times, unit names or other non-quantities."""
    out: set[int] = set()
    for item in items_of(doc, "times") + items_of(doc, "units"):
        if DURATION.search(getattr(item, "text", "")):
            continue  # "10 days", "for two years": a duration is a quantity as well as a time
        for s in item.spans:
            span = doc.char_span(s.start, s.end, alignment_mode="expand")
            if span is not None:
                out.update(range(span.start, span.end))
    for ent in doc.ents:
        if ent.label_ in ENT_SKIP and not any(t.lower_ in MULT or t.text in CURRENCY for t in ent):
            out.update(range(ent.start, ent.end))
    return out


def _core(doc: Doc, i: int) -> tuple[int, int]:
    """[start, end) of the number core starting at token i: digits, words, multipliers, a range."""
    j = i
    n = len(doc)
    while j < n and (
        _is_number(doc[j])
        or doc[j].lower_ in MULT
        or (
            doc[j].text in ("-", "–", "to", "and")
            and j + 1 < n
            and _is_number(doc[j + 1])
            and j > i
            and not (doc[j].lower_ == "and" and doc[j - 1].lower_ not in MULT)
        )
        or (doc[j].text == "-" and j > i and j + 1 < n and doc[j + 1].lower_ in SMALL)
    ):
        j += 1
    return i, max(j, i + 1)


def _value_and_range(words: list[str]) -> tuple[float | None, float | None, float | None]:
    for sep in ("-", "–", "to"):
        if sep in words and words.index(sep) > 0:
            k = words.index(sep)
            left, right = words[:k], words[k + 1 :]
            if sep == "-" and left and right and left[-1].lower() in SMALL and right[0].lower() in SMALL:
                continue  # "twenty-five"
            hi = parse_number(right)
            lo = parse_number(left)
            # "0.7-0.75 billion": the multiplier after the range applies to both ends
            if (
                lo is not None
                and hi is not None
                and right[-1].lower() in MULT
                and left[-1].lower() not in MULT
            ):
                lo *= MULT[right[-1].lower()]
            return None, lo, hi
    return parse_number(words), None, None


def find_quantities(doc: Doc) -> list[Quantity]:
    """Every quantity in `doc`, with value, range, unit, what it counts and who gives it."""
    skip = _excluded(doc)
    items: list[Quantity] = []
    n, pos = len(doc), 0
    for i in _candidates(doc):
        if i < pos:
            continue
        pos = i + 1
        tok = doc[i]
        if (
            i > 0
            and tok.lower_ in ("hundred", "thousand")
            and doc[i - 1].lower_ in ("few", "several", "many")
        ):
            items.append(_vague(doc, i - 2 if i > 1 and doc[i - 2].lower_ == "a" else i - 1, i))
            continue
        if i in skip or not (_is_number(tok) or tok.lower_ in VAGUE or tok.text in ("$", "€", "£")):
            continue
        start = i
        currency = None
        if tok.text in CURRENCY and i + 1 < n and _is_number(doc[i + 1]):
            currency, i = CURRENCY[tok.text], i + 1
        if doc[i].lower_ in VAGUE:
            items.append(_vague(doc, start, i))
            pos = i + 1
            continue
        if not _is_number(doc[i]):
            continue
        c_start, c_end = _core(doc, i)
        words = [t.text for t in doc[c_start:c_end]]
        if _reject(doc, c_start, c_end, words):
            pos = c_end
            continue
        value, low, high = _value_and_range(words)
        end = c_end
        unit = currency
        if end < n and (doc[end].lower_ in UNITS or doc[end].text in CURRENCY or doc[end].lower_ in CURRENCY):
            unit = (
                unit
                or UNITS.get(doc[end].lower_)
                or CURRENCY.get(doc[end].lower_)
                or CURRENCY.get(doc[end].text)
            )
            if doc[end].lower_ == "square" and end + 1 < n:
                unit, end = f"sq {UNITS.get(doc[end + 1].lower_, doc[end + 1].lower_)}", end + 1
            end += 1
        elif end + 1 < n and doc[end].text == "-" and doc[end + 1].lower_ in UNITS:  # "1,200-km"
            unit, end = UNITS[doc[end + 1].lower_], end + 2
        m = SUFFIXED.match(doc[c_end - 1].text)
        if m and unit is None and m.group(2).lower() in ("%", "km"):
            unit = m.group(2).lower()
        if doc[start].lower_ == "minus" or (start > 0 and doc[start - 1].lower_ == "minus"):
            value = -value if value is not None else None
        items.append(_make(doc, start, end, c_start, value=value, low=low, high=high, unit=unit))
        pos = end
    return _merge_out_of(doc, items)


def _candidates(doc: Doc) -> list[int]:
    """Indices of tokens that can start a quantity: digits, number words, vague counts, currency.

    Read from the token arrays and one regex over the text, so that no Token object is made
    for the other words (the component's cost was mostly that).
    """
    like_num, lower, idx = doc.to_array([LIKE_NUM, LOWER, IDX]).T.tolist()
    special = _special_hashes(doc)
    out = {i for i, (num, low) in enumerate(zip(like_num, lower, strict=True)) if num or low in special}
    starts = idx
    for m in DIGIT_RUN.finditer(doc_text(doc)):
        out.add(bisect_right(starts, m.start()) - 1)
    return sorted(i for i in out if i >= 0)


def _special_hashes(doc: Doc) -> set[int]:
    strings = doc.vocab.strings
    return {strings.add(w) for w in (*VAGUE, *CURRENCY, "few", "several", "many", "minus")}


def _reject(doc: Doc, start: int, end: int, words: list[str]) -> bool:
    """Numbers that are not quantities: ordinals, designations, years, conversions, bare 'one'."""
    first = doc[start]
    prev = doc[start - 1] if start > 0 else None
    text = first.text
    if re.match(r"^\d+(st|nd|rd|th)$", text, re.I):
        return True
    if prev is not None and (
        prev.lower_ in DESIGNATORS
        or (prev.text == "-" and start > 1 and not prev.whitespace_ and not doc[start - 2].whitespace_)
    ):
        return True  # "Su-34", "9M723-1"
    if any(t.lower_ == "old" for t in doc[end : min(end + 4, len(doc))]):
        return True  # "a 56-year-old man": an age given in passing
    if end < len(doc) and doc[end].text == "-" and end + 1 < len(doc) and doc[end + 1].is_upper:
        return True  # "9M723-1", model names
    if _day_of_month(doc, start, end):
        return True  # "on February 6 and 7", "21 September": a date the times component left
    if len(words) == 1 and re.fullmatch(r"(19[5-9]\d|20\d\d)", text):
        return True  # a bare year that sitrep_times did not claim
    if prev is not None and prev.lower_ == "item":
        return True  # "Item 1 of 5": a photo caption's counter
    if end < len(doc) and doc[end].lower_ == "times":
        return True  # "three times": how often, or a multiplier, not a count of things
    if (
        prev is not None
        and prev.lower_ in ("the", "both")
        and len(words) == 1
        and first.is_alpha
        and end < len(doc)
        and doc[end].tag_ == "NNS"
    ):
        return True  # "the two sides": a reference to things already named, not a count
    if len(words) == 1 and first.lower_ in ("one", "zero"):
        return True  # "one officer", "one of the bloodiest": not a count a reader wants
    # "(8,077 miles per hour)": a conversion of the quantity before it
    if (
        prev is not None
        and prev.text == "("
        and start > 1
        and any(t.like_num for t in doc[max(0, start - 6) : start - 1])
    ):
        return True
    return False


def _day_of_month(doc: Doc, start: int, end: int) -> bool:
    """A day number of a date: before a month ("21 September"), or after one through other days
    ("February 6 and 7", "January 31 to February 1", "March 3, 4 and 5")."""
    if end - start != 1 or not doc[start].text.isdigit() or not 1 <= int(doc[start].text) <= 31:
        return False
    if end < len(doc) and doc[end].lower_ in MONTHS and doc[end].is_title:
        return True
    j = start - 1
    while j >= max(0, start - 6):
        t = doc[j]
        if t.lower_ in MONTHS and t.is_title:
            return True
        if not (t.text.isdigit() or t.lower_ in ("and", "to", "-", "–", ",")):
            return False
        j -= 1
    return False


def _approx_start(doc: Doc, start: int) -> int:
    """Extend left over approximators: 'about', 'more than', 'up to', 'at least', 'close to'."""
    k = start
    while k > 0 and doc[k - 1].lower_ in APPROX and start - k < 3:
        k -= 1
    return k


def _make(doc: Doc, start: int, end: int, core: int, **fields: object) -> Quantity:
    left = _approx_start(doc, start)
    approximate = left < start or fields.get("low") is not None
    head = doc[core]
    # What it counts: the noun the number modifies, or "of X" after a percentage.
    counted = (
        head.head
        if head.dep_ in ("nummod", "quantmod", "compound") and head.head.pos_ in ("NOUN", "PROPN")
        else None
    )
    if counted is None and end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN", "ADJ"):
        counted = next((t for t in doc[end : min(end + 4, len(doc))] if t.pos_ in ("NOUN", "PROPN")), None)
    while counted is not None and counted.dep_ == "compound" and counted.head.i > counted.i:
        counted = counted.head  # "25,000 enemy troops": the head of the compound is what is counted
    about = None
    if counted is not None and counted.i >= end:
        about = doc[end : counted.i + 1].text.lstrip("- ")  # the words after the number: "Ukrainian soldiers"
        end = counted.i + 1
    elif counted is not None:
        about = phrase(counted)
    if end + 1 < len(doc) and doc[end].lower_ == "of" and (fields.get("unit") == "%" or about):
        # "20% of their authorized strength", "314 prisoners of war": the of-phrase, to its head noun
        obj = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
        if obj is not None and obj.i - end <= 8 and not any(t.like_num for t in doc[end + 1 : obj.i + 1]):
            stop = obj.i + 1
            of_text = doc[end + 1 : stop].text
            about = f"{about} of {of_text}" if about and fields.get("unit") != "%" else of_text
            end = stop
    sent = head.sent
    every = next(
        (t for t in sent if t.lower_ in ("every", "each") and 0 < t.i < left and t.nbor(-1).lower_ == "for"),
        None,
    )
    if every is not None:
        per = (
            doc[every.i + 1 : every.head.i + 1] if every.head.i > every.i else doc[every.i + 1 : every.i + 2]
        )
        about = f"ratio: for every {per.text}"
    _cue, holder = holder_of(head)
    unit = cast("str | None", fields.pop("unit", None))
    if unit is None and counted is not None and counted.lower_ not in ("one", "ones"):
        unit = counted.lemma_.lower()
    return Quantity(
        text=doc[left:end].text,
        approximate=approximate,
        unit=unit,
        about=about,
        claimant=phrase(holder) if holder is not None else None,
        spans=[span_of(doc[left:end])],
        extractor=EXTRACTOR,
        **fields,  # type: ignore[arg-type]
    )


def _vague(doc: Doc, start: int, i: int) -> Quantity:
    """'dozens of civilians', 'wounded dozens', 'a few hundred': a count without a value."""
    tok = doc[i]
    end = i + 1
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        obj = next((t for t in doc[end + 1 : min(end + 6, len(doc))] if t.pos_ in ("NOUN", "PROPN")), None)
        if obj is not None:
            end = obj.i + 1
    left = start
    if tok.dep_ == "dobj" and tok.head.i == i - 1 and tok.head.pos_ == "VERB":
        left = i - 1  # "wounded dozens"
    q = _make(doc, left, end, i, value=None, low=None, high=None, unit=None)
    q.approximate = True
    if q.about is None and end > i + 2:
        q.about = doc[i + 2 : end].text  # "dozens of civilians": civilians
    return q


def _merge_out_of(doc: Doc, items: list[Quantity]) -> list[Quantity]:
    """'out of twenty fighters, only five remain' and '16 of the 36': one quantity, the part, of the whole."""
    out: list[Quantity] = []
    text = doc_text(doc) if len(items) > 1 else ""  # Doc.text rebuilds the string: read it once
    for q in items:
        prev = out[-1] if out else None
        if prev is not None and prev.spans and q.spans:
            gap = text[prev.spans[0].end : q.spans[0].start]
            before = text[max(0, prev.spans[0].start - 16) : prev.spans[0].start].lower()
            bare_part = prev.text.split()[-1][:1].isdigit() or prev.text.split()[-1].lower() in SMALL
            if ("out of" in before and len(gap) < 25 and "," in gap) or (
                bare_part and gap.strip().lower() in ("of the", "of")  # "16 of the 36"
            ):
                whole, part = (prev, q) if "out of" in before else (q, prev)
                part_q = part.model_copy(
                    update={
                        "about": part.about or f"of {whole.text}",
                        "total": whole.value,
                        "spans": [
                            _text_span(
                                text,
                                prev.spans[0].start
                                - (len(before) - before.rfind("out of") if "out of" in before else 0),
                                q.spans[0].end,
                            )
                        ],
                    }
                )
                part_q.text = part_q.spans[0].text
                out[-1] = part_q
                continue
        out.append(q)
    return out


def _text_span(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


class QuantityFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.quantities = find_quantities(doc)
        return doc


@Language.factory(
    "sitrep_quantities",
    assigns=["doc._.quantities"],
    requires=["token.lemma", "token.dep", "token.tag", "doc.sents", "doc.ents", "doc._.times", "doc._.units"],
)
def make_quantity_finder(nlp: Language, name: str) -> QuantityFinder:
    return QuantityFinder(nlp, name)
