"""Headings, labels and page furniture: words around a holder that name no one who speaks.

Scraped war reporting carries its page with it: ISW's line labels ("Assessed Russian advances:
Geolocated footage … indicates that …"), headlines and link lists in title case ("KTEN EEO
Reports", "- [Ukraine Announces …](https://…)"), footnote marks glued to a sentence's end
("offline.12 Ukraine's energy ministry") and zero-width characters inside names. These helpers
tell `mentions.Resolver` where such text is, so that a claim or quote is never held by it.

    >>> clean_name("CNN)- US President Joe Biden")
    'US President Joe Biden'
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .cues import PRONOUNS

# A sentence's last word glued to a footnote number ("offline.12 Ukraine's energy ministry").
GLUED_END = re.compile(r"^[a-z]+\.\[?\d+\]?$|^\]$")
# A name glued to the next sentence's first word ("… interview with TVN24.In …").
GLUED_START = re.compile(r"^\w+\.[A-Z][a-z]+$")
# A line label ("Assessed Russian advances:", "Key Takeaways:") has at most this many words.
LABEL_WORDS = 6
# Fine-grained tags of finite verbs ("says", "said", "say", "will").
FINITE = {"VBZ", "VBD", "VBP", "MD"}
# A heading: at most this many words, this share of its content words capitalised.
HEADING_WORDS = 20
HEADING_CAPS = 0.7
END_MARKS = set('.!?…"”’»)')
TITLE_SMALL = {"a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "with", "at", "by", "from", "as"}
# Characters of a scraped page's markup that no name of a person or body contains.
MARKUP = ("](", "%2F", "http", "www.", "**", "[[", "|")
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def clean_name(text: str) -> str:
    """A holder's words without zero-width characters, edge punctuation, quotation marks or a dateline."""
    name = text.translate(ZERO_WIDTH).strip(" ,:;-—―\"“”'‘’\n")
    close = name.find(")")
    if close >= 0 and "(" not in name[:close]:
        name = name[close + 1 :].strip(" -—")  # "CNN)- US President Joe Biden" (a dateline)
    if name.count("(") > name.count(")"):
        name = name[: name.rfind("(")].rstrip()  # "… Policy Analysis (CEPA"
    return name


def is_name(name: str) -> bool:
    """Whether words can name a holder: not a bare pronoun, not a link or markup."""
    return (
        any(c.isalpha() for c in name) and name.lower() not in PRONOUNS and not any(m in name for m in MARKUP)
    )


def is_heading(doc: Doc, lo: int, hi: int) -> bool:
    """Whether the line doc[lo:hi] is a heading: a link, or title case with no end mark and no lower-case verb.

    ("KTEN EEO Reports", "- [Ukraine Announces …](https://…)"). A headline in sentence case
    with its verb ("Zelensky says Ukraine unbroken after 4 years") is not one: it holds a claim.
    """
    if hi - lo > 3 * HEADING_WORDS:
        return False
    if doc[lo:hi].text.lstrip("-*#+ ").startswith("["):
        return True
    words = [t for t in doc[lo:hi] if t.is_alpha]
    if not words or len(words) > HEADING_WORDS:
        return False
    last = next((t for t in reversed(doc[lo:hi]) if not t.is_space), None)
    if last is None or last.text[-1] in END_MARKS:
        return False
    if any(t.tag_ in FINITE and t.is_lower for t in words):
        return False
    content = [t for t in words if t.lower_ not in TITLE_SMALL]
    return bool(content) and sum(t.text[0].isupper() for t in content) >= HEADING_CAPS * len(content)


def label_end(doc: Doc, lo: int, hi: int, quoted: bytearray) -> int | None:
    """The colon that ends the label at the start of the line doc[lo:hi], if it has one.

    A label ("Assessed Russian advances:") has at most LABEL_WORDS words and no finite verb;
    a person's name before a colon is a transcript's speaker ("Joe Biden: …"), not a label.
    """
    end = lo
    while end < min(hi, lo + LABEL_WORDS + 3):
        t = doc[end]
        if t.text == ":":
            words = sum(1 for w in doc[lo:end] if not (w.is_punct or w.is_space))
            return end if 0 < words <= LABEL_WORDS else None
        if t.tag_ in FINITE or t.ent_type_ == "PERSON" or quoted[end]:
            return None
        end += 1
    return None
