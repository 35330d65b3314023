"""sitrep_quotes: quotation marks paired by context, over paragraphs, with fragments flagged."""

from __future__ import annotations

import pytest

from sitrep.extract.voices.quotes import find_quotes_in_text, is_fragment, quote_spans


@pytest.mark.parametrize(
    "text,expected",
    [
        ('"We hold the line," the commander said.', ["We hold the line,"]),
        ("“We hold the line,” the commander said.", ["We hold the line,"]),
        ("``We hold the line,'' the commander said.", ["We hold the line,"]),
        # split around its cue: two quotes, as the gold records keep them
        ('"Over time," he said, "it gets harder."', ["Over time,", "it gets harder."]),
        # nested quotes stay inside the outer one
        (
            '"They call it \u201cthe meat grinder\u201d here," he said.',
            ["They call it \u201cthe meat grinder\u201d here,"],
        ),
        # a closing mark typed as an opening one at the start of a paragraph
        ("\u201d \u2026 we will not retreat,\u201d the officer wrote.", ["\u2026 we will not retreat,"]),
        # an apostrophe is not a quotation mark
        ("The brigade's drones can't reach Russia's depots.", []),
        # marks around no words are not a quotation
        ('He typed "" and stopped.', []),
    ],
)
def test_quote_texts(text, expected):
    assert [q.text for q in find_quotes_in_text(text)] == expected


def test_multi_paragraph_quote_is_one_quote():
    text = 'The officer said:\n"We lost two vehicles today.\n"Tomorrow we will lose more."\nThat was all.'
    quotes = find_quotes_in_text(text)
    assert len(quotes) == 1
    assert quotes[0].text == 'We lost two vehicles today.\n"Tomorrow we will lose more.'


def test_quote_left_open_is_closed_by_its_paragraph():
    text = 'He said: "We lost two vehicles today.\nThe shelling went on.'
    assert [text[s:e] for s, e in quote_spans(text)] == ["We lost two vehicles today."]


def test_quote_running_over_a_paragraph_without_marks_until_it_closes():
    text = 'He wrote: "The aid is on its way.\nIt includes drones.\nAnd shells "for artillery"."'
    (quote,) = find_quotes_in_text(text)
    assert quote.text.startswith("The aid is on its way.") and quote.text.endswith('"for artillery".')


@pytest.mark.parametrize(
    "text,fragment",
    [
        ('Putin spoke of the "inevitable defeat of Kyiv."', True),
        ('Residents call the shelling "white noise" now.', True),
        ('"The city is holding," the mayor said.', False),
        ('The mayor said: "The city is holding."', False),
        ('According to one officer, "the losses are heavy."', False),
    ],
)
def test_fragments(text, fragment):
    (quote,) = find_quotes_in_text(text)
    assert quote.fragment is fragment
    assert is_fragment(text, quote.spans[0].start) is fragment


def test_spans_point_into_the_text():
    text = 'Kyiv, Nov 3. "Drones buzz all night," a resident said.'
    (quote,) = find_quotes_in_text(text)
    span = quote.spans[0]
    assert text[span.start : span.end] == quote.text == span.text


def test_component_writes_doc_quotes(nlp):
    doc = nlp('"The bridge is gone," said an officer from the 47th Mechanized Brigade.')
    assert [q.text for q in doc._.quotes] == ["The bridge is gone,"]
    assert doc._.quotes[0].extractor == "sitrep.quotes/1"
