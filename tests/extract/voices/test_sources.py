"""sitrep_sources: cited outlets and bodies, the curated list, and the scope of each citation."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from sitrep.extract.voices.sources import chain_for, load_outlets


def source_names(nlp, text):
    return [s.name for s in nlp(text)._.sources]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "The battles are the bloodiest of the war, The Wall Street Journal writes.",
            ["The Wall Street Journal"],
        ),
        ("As reported by UNIAN, the situation in the city is hopeless.", ["UNIAN"]),
        ("According to the General Staff, 30 clashes took place on Monday.", ["General Staff"]),
        ("The governor said, citing Ukrinform, that two people were hurt.", ["Ukrinform"]),
        (
            "A Ukrainian military source reported that troops advanced to the river.",
            ["A Ukrainian military source"],
        ),
        (
            "Russia's Defense Ministry said on Friday that its troops had taken another village.",
            ["Russia's Defense Ministry"],
        ),
        # a mention that cites nothing is not a source
        ("The Kremlin's main goal remains distant.", []),
        ("Reuters journalists visited the town last spring.", []),
        # one source for one body, however it is written
        ("The Deep State Telegram channel reported heavy losses near the town.", ["Deep State"]),
    ],
)
def test_cited_sources(nlp, text, expected):
    assert source_names(nlp, text) == expected


def test_canonical_kind_and_side_come_from_the_list(nlp):
    (source,) = nlp("Ukraine's army suffered losses, TASS reported.")._.sources
    assert (source.canonical, source.kind, source.side) == ("TASS", "news agency", "RU")


def test_a_source_inside_a_quote_is_not_cited(nlp):
    assert source_names(nlp, '"We never read what Reuters reports," he said.') == []


def test_article_level_citation_governs_what_follows(nlp):
    doc = nlp(
        "Pokrovsk is nearly destroyed, The Economist writes.\n"
        "Officers say the losses are heavy.\n"
        "As reported by UNIAN, the offensive stalled. Drones kept flying."
    )
    assert chain_for(doc, doc.text.index("Officers"), speaker="officers") == ["The Economist", "officers"]
    assert chain_for(doc, doc.text.index("the offensive"), speaker=None) == ["UNIAN"]
    assert chain_for(doc, doc.text.index("Drones"), speaker=None) == ["The Economist"]


def test_outlet_list_is_well_formed():
    path = resources.files("sitrep") / "data" / "outlets.csv"
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows and all(set(r) == {"name", "aliases", "domains", "kind", "country", "side", "source"} for r in rows)
    assert all(r["source"].startswith("https://") for r in rows), "every fact needs a source"
    assert all(r["side"] in {"", "UA", "RU"} for r in rows)
    names = [n.lower() for o in load_outlets() for n in (o.name, *o.aliases)]
    assert len(names) == len(set(names)), "an alias may name only one outlet"


@pytest.mark.parametrize(
    "text,expected",
    [
        # a named person credited with reporting information is a source
        (
            "Military analyst Oleh Zhdanov reported on Tuesday that Russian troops had crossed the canal.",
            ["Oleh Zhdanov"],
        ),
        # an unnamed informant the text places by unit or position
        (
            "A drone operator of a Ukrainian brigade fighting near Toretsk reported that assaults had slowed.",
            ["drone operator of a Ukrainian brigade fighting near Toretsk"],
        ),
        # a person who is only quoted is a speaker, not a source
        ('"We are still holding the line," Oleh Zhdanov said.', []),
        # unnamed people the text does not place are speakers, not sources
        ("Ukrainian soldiers report that the enemy attacks in small groups.", []),
        # a correspondent's credit is a byline
        ("Allies pledged more shells, Maria Kovalenko writes from Brussels.", []),
    ],
)
def test_people_credited_with_information(nlp, text, expected):
    assert source_names(nlp, text) == expected
