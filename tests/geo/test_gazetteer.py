"""The offline gazetteer: name variants resolve, and the shipped file is what the build makes."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
from pathlib import Path

import pytest

from sitrep.errors import ConfigError
from sitrep.geo import Gazetteer, get_gazetteer, name_key
from sitrep.geo.gazetteer import romanisation_variants

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import build_gazetteer  # noqa: E402


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Kupians’k", "kupiansk"),
        ("Ivano-Frankivsk", "ivano frankivsk"),
        ("U.S.", "us"),
        ("Ill.", "ill."),  # an abbreviation keeps its dot: "Ill." is Illinois, "ill" is not
        ("St. Petersburg", "st petersburg"),
        ("Chasiv  Yar", "chasiv yar"),
        ("Запоріжжя", "запоріжжя"),
        ("Zürich", "zurich"),
    ],
)
def test_name_key(text, expected):
    assert name_key(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Kupiansk", 703656),
        ("Kupyansk", 703656),
        ("Kupjansk", 703656),
        ("Avdeyevka", 713122),
        ("Artemivsk", 713174),  # Bakhmut's Soviet name
        ("Krasnoarmiisk", 704422),  # Pokrovsk's Soviet name
        ("Dymytrov", 710035),  # Myrnohrad's
        ("Покровськ", 704422),
    ],
)
def test_variants_resolve_to_one_place(text, expected):
    assert expected in [e.id for e in get_gazetteer().lookup(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Pokrovsk", ("Pokrovsk", "UA", "Donetsk Oblast")),  # own name before Engels' old name
        ("Donetsk region", ("Donetsk Oblast", "UA", "Donetsk Oblast")),
        ("Kharkiv oblast", ("Kharkiv Oblast", "UA", "Kharkiv Oblast")),
        ("Ukraine", ("Ukraine", "UA", None)),
        ("Kotlyne", ("Kotlyne", "UA", "Donetsk Oblast")),  # curated: under 500 people
        ("the Kremlin", None),
        ("Kremlin", ("Kremlin", "RU", None)),
    ],
)
def test_first_entry(text, expected):
    entries = get_gazetteer().lookup(text)
    got = (entries[0].name, entries[0].cc, entries[0].region) if entries else None
    assert got == expected


@pytest.mark.parametrize(
    "text,expected", [("Ukrainian", "UA"), ("Russians", "RU"), ("American", "US"), ("Kyiv", None)]
)
def test_demonyms(text, expected):
    assert get_gazetteer().demonym(text) == expected


def test_every_entry_has_coordinates_on_earth():
    conn = get_gazetteer().conn
    bad = conn.execute("SELECT count(*) FROM places WHERE abs(lat) > 90 OR abs(lon) > 180").fetchone()[0]
    assert bad == 0


def test_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="E006"):
        Gazetteer(tmp_path / "absent.sqlite").lookup("Kyiv")


def test_shipped_file_matches_its_build_inputs():
    """Rebuilding is slow (~10 s); the fingerprint says what the file was built from."""
    stored = json.loads(get_gazetteer().meta()["fingerprint"])
    assert stored["inputs"] == build_gazetteer.inputs_fingerprint(), "run scripts/build_gazetteer.py"
    shipped = json.loads((ROOT / "src" / "sitrep" / "data" / "gazetteer.fingerprint.json").read_text())
    assert shipped == stored


def test_shipped_file_content_matches_its_fingerprint():
    path = ROOT / "src" / "sitrep" / "data" / "gazetteer.sqlite"
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    stored = json.loads(conn.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()[0])
    content = hashlib.sha256()
    for row in conn.execute("SELECT * FROM places ORDER BY id"):
        content.update(repr(row).encode())
    for row in conn.execute("SELECT * FROM names ORDER BY key, id, main"):
        content.update(repr(row).encode())
    assert content.hexdigest() == stored["content_sha256"]
    assert conn.execute("SELECT count(*) FROM places").fetchone()[0] == stored["places"]
    assert conn.execute("SELECT count(*) FROM names").fetchone()[0] == stored["names"]


@pytest.mark.parametrize(
    "cc,name",
    # A territory without a known centroid sits at its capital rather than stay out.
    [("UA", "Ukraine"), ("TR", "Turkey"), ("VI", "U.S. Virgin Islands"), ("XX", None)],
)
def test_country_by_code(cc, name):
    entry = get_gazetteer().country(cc)
    assert (entry.name if entry else None) == name


@pytest.mark.parametrize("name,cc", [("Heathrow", "GB"), ("Boryspil Airport", "UA")])
def test_major_airports_are_curated(name, cc):
    # Heathrow, Florida is a town of 6,000: the airport the news means is in the supplement.
    entries = get_gazetteer().lookup(name)
    assert any(e.feature == "facility" and e.cc == cc for e in entries)


@pytest.mark.parametrize(
    "written,country,near",
    [
        # я/ю/є as "ya/yu/ye" in the news, "ia/iu/ie" in GeoNames (and the other way round)
        ("Hulyaipole", "UA", (47.67, 36.26)),
        ("Kupiansk", "UA", (49.71, 37.62)),
        ("Sviatohirsk", "UA", (49.04, 37.57)),
    ],
)
def test_a_name_resolves_in_either_romanisation(written: str, country: str, near: tuple[float, float]) -> None:
    found = get_gazetteer().lookup(written)
    assert found, written
    assert found[0].cc == country
    assert abs(found[0].lat - near[0]) < 0.1 and abs(found[0].lon - near[1]) < 0.1


@pytest.mark.parametrize("written", ["Kenia", "Zambya", "Slovenya"])
def test_the_other_romanisation_never_leads_outside_cyrillic_countries(written: str) -> None:
    # the variant ("Kenya", "Zambia", "Slovenia") exists, but a respelling is no licence to go abroad
    assert romanisation_variants(name_key(written))
    assert get_gazetteer().lookup(written) == ()
