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


@pytest.mark.parametrize(
    "text,expected",
    [
        # an unnamed official who only tells the reporter something is a speaker, not a source
        ("A U.S. official told reporters that the next shipment would arrive within weeks.", []),
        ("The official told reporters that the brigade had pulled back.", []),
        # a bare plural of a profession credited with an assessment
        ("Analysts say the offensive has stalled along the whole river.", ["Analysts"]),
        # a spokesperson whose title names the body: the whole description
        (
            "Southern Defense Forces Spokesperson Captain Ivan Hrytsenko stated that Russian troops attack in small groups.",
            ["Southern Defense Forces Spokesperson Captain Ivan Hrytsenko"],
        ),
        # a spokesperson named in apposition, who passes on information
        (
            "The Southern Command's spokesperson, Ivan Hrytsenko, stated that two bridges were hit.",
            ["Southern Command's spokesperson, Ivan Hrytsenko"],
        ),
        # "told the outlet": the outlet was named before, a bare noun is no new source
        ("A drone operator told the outlet that the roads were mined.", []),
    ],
)
def test_generic_informants_and_spokespeople(nlp, text, expected):
    assert source_names(nlp, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Satellite imagery collected on Tuesday shows damage to the airfield at Saky.", ["Satellite imagery"]),
        (
            "Ukrainian signals intelligence detected about 30 Russian radios in the village.",
            ["Ukrainian signals intelligence"],
        ),
        # the instrument of a verb of detecting
        ("Fires detected by the NASA FIRMS sensors indicate that the depot burned for two days.", ["NASA FIRMS sensors"]),
        # evidence someone supplied is credited to them
        ("Footage from Russian milbloggers showed a flag raised over the school in Lisne.", ["Russian milbloggers"]),
        # footage by itself is no source (the gold credits it through whoever published it)
        ("Geolocated footage published on May 3 indicates that Russian forces advanced in western Lisne.", []),
        # evidence that informs nobody (no verb of showing) is no source
        ("The drone crew recorded footage of the strike.", []),
    ],
)
def test_evidence_credited_as_a_source(nlp, text, expected):
    assert source_names(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the assessing body's own work is not a citation
        "ISW has observed evidence to assess that Russian forces advanced near Lisne.",
        "ISW will continue to refine its assessment as more information becomes available.",
        # a correspondent's credit, whatever the model makes of the place
        "Officials warned that the front is close to breaking, Petra Nowak reports from Kyiv.",
    ],
)
def test_no_citation(nlp, text):
    assert source_names(nlp, text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        # an assessing body's own analysis cites nothing
        ("ISW assesses that Russian forces will likely keep attacking along the canal.", []),
        ("The shift is consistent with ISW's assessment that the spring push will target the hills.", []),
        # described officials credited by "according to" or a passive "by"; bare "officials" name nobody
        ("According to Moldovan officials, the convoy turned back at the border.", ["Moldovan officials"]),
        ("Six deaths from the cold were reported by regional health officials this month.", ["regional health officials"]),
        ("According to officials, the convoy turned back at the border.", []),
        # a generic body noun named by the body it belongs to
        ("The regional prosecutor's office said that a case had been opened.", ["regional prosecutor's office"]),
        (
            "The press service of the city military administration reported that two warehouses burned.",
            ["press service of the city military administration"],
        ),
        ("The office said that a case had been opened.", []),
        # the maker of a statement, a source placed inside a body, the military as a body
        ("A statement from the Romanian Navy said the tanker was hit near the coast.", ["Romanian Navy"]),
        (
            "The Kyiv Independent reported, citing a source in the border guard service, that the ferry sank.",
            ["The Kyiv Independent", "a source in the border guard service"],
        ),
        ("The Moldovan military said on Sunday that the drone fell in a field.", ["Moldovan military"]),
        # a title with its name after it; a platform someone writes on
        (
            "Spokesperson for the Eastern Group Mykola Hrytsenko stated that six drones were downed.",
            ["Spokesperson for the Eastern Group Mykola Hrytsenko"],
        ),
        ("In a post on X, the deputy minister wrote that the talks had stalled.", ["X"]),
        # "close to X" describes a channel; it is no channel of its own
        ("The Deep State channel, close to the army, blamed the unit's commanders for the losses.", ["Deep State"]),
    ],
)
def test_sources_by_kind(nlp, text, expected):
    assert source_names(nlp, text) == expected
