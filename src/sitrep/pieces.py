"""Long texts in pieces: where to cut them, and how the pieces' records become one record.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters, error E088), and its
pipeline's memory grows with the length of the Doc: a 400,000-character text took 1.5 GB
(issue 15), a 200,000-character one in pieces of 100,000 still +350 MB, in pieces of 10,000
+80 MB. A news article is rarely over 30,000 characters, so a longer text is cut into
pieces of at most `PIECE_CHARS` at paragraph breaks (else line breaks, sentence ends,
spaces), each piece is extracted as its own Doc, and the pieces' records are joined:
every span is shifted back to its place in the full text, ids are renumbered through
the whole record (with the references between items following), and a place, unit,
source or actor named in several pieces becomes one item with all its spans.

    >>> split_text("One.\\n\\nTwo.", size=6)
    [(0, 6), (6, 10)]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from .models import RECORD_LISTS, ArticleMeta, Item, Record, Span

#: Longest piece extracted as one Doc: longer than nearly every news article (none of the
#: shared corpus's 403 texts), far under spaCy's max_length, and a Doc of tens of megabytes.
PIECE_CHARS = 30_000
#: Where to prefer cutting, best first; a cut is only taken in the second half of a piece.
BREAKS = ("\n\n", "\n", ". ", "? ", "! ", "; ", " ")
#: Lists whose items are entities named again in later pieces: merged by name.
ENTITY_LISTS = ("places", "units", "sources", "actors")
#: Fields that hold the id of another item of the same record.
REF_FIELDS = ("speaker_ref", "claimant_ref", "time", "claim", "event")


def split_text(text: str, *, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces covering `text`, none longer than `size` characters."""
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = 0
        for mark in BREAKS:
            found = window.rfind(mark)
            if found >= size // 2:
                cut = found + len(mark)
                break
        cut = cut or size  # one 50,000-character "word": cut it anywhere
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, len(text)))
    return pieces


def join_records(
    parts: Sequence[tuple[int, Record]], *, meta: ArticleMeta, extractors: dict[str, str]
) -> Record:
    """One record from the records of the pieces, each given with the offset of its piece in the text."""
    from .pipeline import ID_PREFIX  # the prefixes ids are given with (pipeline imports this module)

    lists: dict[str, list[Item]] = {name: [] for name in RECORD_LISTS}
    entities: dict[tuple[object, ...], Item] = {}
    for offset, record in parts:
        renamed: dict[str, str] = {}
        added: list[tuple[str, int]] = []
        for name in RECORD_LISTS:
            for item in getattr(record, name):
                item = shifted(item, offset)
                key = _entity_key(item) if name in ENTITY_LISTS else None
                twin = entities.get(key) if key is not None else None
                if twin is not None:
                    _absorb(twin, item)
                    renamed[item.id or ""] = twin.id or ""
                    continue
                new_id = f"{ID_PREFIX[name]}{len(lists[name]) + 1}"
                renamed[item.id or ""] = new_id
                item = item.model_copy(update={"id": new_id})
                lists[name].append(item)
                added.append((name, len(lists[name]) - 1))
                if key is not None:
                    entities[key] = item
        for name, index in added:  # references inside this piece's items now use the new ids
            lists[name][index] = _renumbered(lists[name][index], renamed)
    return Record(id=meta.id, article=meta, extractors=extractors, **lists)  # type: ignore[arg-type]


def shifted(model: Any, offset: int) -> Any:
    """A copy of `model` with every Span in it (however deep) moved `offset` characters on."""
    if offset == 0:
        return model
    if isinstance(model, Span):
        return model.model_copy(update={"start": model.start + offset, "end": model.end + offset})
    if isinstance(model, BaseModel):
        changes = {}
        for name in type(model).model_fields:
            value = getattr(model, name)
            if isinstance(value, BaseModel | list):
                changes[name] = shifted(value, offset)
        return model.model_copy(update=changes)
    if isinstance(model, list):
        return [shifted(value, offset) for value in model]
    return model


def _entity_key(item: Item) -> tuple[object, ...]:
    """What makes two items of different pieces one entity: kind, name and canonical form."""
    return (
        type(item).__name__,
        getattr(item, "name", None),
        getattr(item, "canonical", None),
        getattr(item, "geonameid", None),
        getattr(item, "literal", None),
    )


def _absorb(twin: Item, item: Item) -> None:
    """Add `item`'s spans (and a place's relative locations) to its `twin` from an earlier piece."""
    twin.spans = [*twin.spans, *item.spans]
    for name in ("anchor_of", "relative"):
        if hasattr(twin, name):
            setattr(twin, name, [*getattr(twin, name), *getattr(item, name)])


def _renumbered(item: Item, renamed: dict[str, str]) -> Item:
    changes: dict[str, Any] = {}
    for name in REF_FIELDS:
        value = getattr(item, name, None)
        if isinstance(value, str) and value in renamed:
            changes[name] = renamed[value]
    links = getattr(item, "links", None)
    if links:
        changes["links"] = [renamed.get(link, link) for link in links]
    return item.model_copy(update=changes) if changes else item
