"""Long texts in pieces: cuts that cover the text, and one record whose spans index the full text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.models import ArticleMeta, Claim, Place, Quote, Record, Span
from sitrep.pieces import join_records, split_text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n?!;"), max_size=400), st.integers(4, 60))
def test_pieces_cover_the_text_in_order_and_none_is_too_long(text, size):
    pieces = split_text(text, size=size)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(end - start <= size for start, end in pieces)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:], strict=False))
    assert all(end > start for start, end in pieces) or text == ""


@pytest.mark.parametrize(
    "text,size,cuts",
    [
        ("Drones hit Sumy.\n\nShelling in Kherson.", 30, ["Drones hit Sumy.\n\n", "Shelling in Kherson."]),
        ("Drones hit Sumy. Shelling in Kherson.", 30, ["Drones hit Sumy. ", "Shelling in Kherson."]),
        ("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),
    ],
)
def test_cuts_fall_at_paragraphs_then_sentences(text, size, cuts):
    assert [text[s:e] for s, e in split_text(text, size=size)] == cuts


def place(name: str, start: int, pid: str) -> Place:
    return Place(id=pid, name=name, canonical=name, spans=[Span(start=start, end=start + len(name), text=name)], extractor="t/1")


def test_joined_record_shifts_spans_renumbers_ids_and_merges_entities():
    meta = ArticleMeta(id="long")
    first = Record(
        id="long", article=meta,
        places=[place("Sumy", 11, "p1")],
        quotes=[Quote(id="q1", text="we hold", speaker_ref="p1", spans=[Span(start=0, end=7, text="we hold")], extractor="t/1")],
        claims=[Claim(id="c1", text="a", stance="asserts", links=["c2"], extractor="t/1"), Claim(id="c2", text="b", stance="denies", extractor="t/1")],
    )
    second = Record(
        id="long", article=meta,
        places=[place("Kherson", 3, "p1"), place("Sumy", 20, "p2")],
        claims=[Claim(id="c1", text="c", stance="asserts", links=["c1"], extractor="t/1")],
    )
    joined = join_records([(0, first), (100, second)], meta=meta, extractors={"x": "1"})
    assert [(p.id, p.name, [(s.start, s.end) for s in p.spans]) for p in joined.places] == [
        ("p1", "Sumy", [(11, 15), (120, 124)]),
        ("p2", "Kherson", [(103, 110)]),
    ]
    assert [c.id for c in joined.claims] == ["c1", "c2", "c3"]
    assert joined.claims[0].links == ["c2"] and joined.claims[2].links == ["c3"]
    assert joined.quotes[0].speaker_ref == "p1"


@pytest.mark.slow
def test_a_text_over_the_piece_length_gives_the_same_items_as_whole(extractor, monkeypatch):
    from sitrep import pieces, pipeline
    from sitrep.pipeline import ArticleInput

    paragraphs = [
        "Russian forces shelled Kupiansk on Monday, the regional governor said.",
        '"We held the line near Toretsk," a soldier of the 3rd Assault Brigade told reporters.',
        "Moscow claimed its troops advanced west of Chasiv Yar, but Kyiv denied the claim.",
    ]
    text = "\n\n".join(paragraphs[i % 3] for i in range(12))
    item = ArticleInput(text, ArticleMeta(id="x"))
    whole = extractor.record_of(item)
    monkeypatch.setattr(pipeline, "PIECE_CHARS", 400)
    monkeypatch.setattr(pieces, "PIECE_CHARS", 400)
    cut = extractor.record_of(item)
    for name in ("places", "units", "quotes", "claims"):
        assert len(getattr(cut, name)) == len(getattr(whole, name)), name
    spans = [s for p in cut.places for s in p.spans] + [s for q in cut.quotes for s in q.spans]
    assert spans and all(text[s.start : s.end] == s.text for s in spans)
