"""Citations: the characters each cited source governs, and the attribution chain at a point of the text.

A citation has a scope: an article-level one ("The Economist writes that …", the sentence's main
verb in the present tense) governs everything after it until the next one; any other governs its
sentence. `chain_for` turns that into the attribution chain a quote or claim carries: article
outlet → cited outlet → speaker.

    >>> same_words("Staff", "the General Staff")
    True
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

# Article-level citations: the present tense of a verb of reporting, as the sentence's main verb.
ARTICLE_LEVEL_TAGS = {"VBZ", "VBP"}
ARTICLE_LEVEL_VERBS = {"write", "report", "say", "note", "claim", "state"}


@dataclass(frozen=True)
class Citation:
    """A cited source and the characters it governs (its sentence, or the rest of the article)."""

    name: str
    start: int
    end: int
    scope: str  # "article" or "sentence"


def same_words(short: str, full: str) -> bool:
    """The words of `short` appear, in order and together, in `full`."""
    s, f = short.lower().split(), full.lower().split()
    return bool(s) and any(f[i : i + len(s)] == s for i in range(len(f) - len(s) + 1))


def citation_of(name: str, span: SpacySpan, cue: Token, *, text_length: int) -> Citation:
    """The citation of `name` at `span` by `cue`: the rest of the article, or its sentence."""
    sent = span.sent
    article_level = (
        cue.dep_ == "ROOT" and cue.tag_ in ARTICLE_LEVEL_TAGS and cue.lemma_.lower() in ARTICLE_LEVEL_VERBS
    )
    end = text_length if article_level else sent.end_char
    return Citation(
        name=name, start=sent.start_char, end=end, scope="article" if article_level else "sentence"
    )


def cited_at(doc: Doc, char: int) -> str | None:
    """The source governing a character offset: its sentence's citation, else the last article-level one."""
    best: Citation | None = None
    for c in doc._.citations or []:
        if c.start <= char < c.end and (best is None or c.start >= best.start):
            best = c
    return best.name if best else None


def chain_for(doc: Doc, char: int, *, speaker: str | None) -> list[str]:
    """Attribution chain at a point of the text: article outlet → cited outlet → speaker."""
    chain: list[str] = []
    for link in (doc._.outlet, cited_at(doc, char), speaker):
        if link and not any(same_words(link, known) or same_words(known, link) for known in chain):
            chain.append(link)
    return chain
