"""`sitrep extract` through Typer's runner."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sitrep import __version__
from sitrep.cli import app
from tests.conftest import SEED

runner = CliRunner()


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


@pytest.mark.parametrize("command", [[], ["extract"]])
def test_help_everywhere(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output


def test_extract_prints_one_json_record():
    result = runner.invoke(app, ["extract", str(SEED)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["id"] == "pokrovsk-wsj-digest"
    assert {"places", "units", "sources", "actors", "quotes", "claims", "events", "forecasts", "quantities"} <= record.keys()


def test_extract_markdown():
    result = runner.invoke(app, ["extract", str(SEED), "--format", "md"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# pokrovsk-wsj-digest") and "## Places" in result.stdout


def test_extract_markdown_links_places_and_marks_approximations():
    text = "Police closed Baker Street in Pokrovsk after the strike. Residents of Pokrovsk fled."
    result = runner.invoke(app, ["extract", "-", "--format", "md"], input=text)
    assert result.exit_code == 0, result.output
    street = next(line for line in result.stdout.splitlines() if "**Baker Street**" in line)
    assert "openstreetmap.org/?mlat=" in street and "approximate" in street
    town = next(line for line in result.stdout.splitlines() if "**Pokrovsk**" in line)
    assert "approximate" not in town


def test_extract_several_files_writes_one_record_each(tmp_path):
    second = tmp_path / "second-report.txt"
    second.write_text("Russian forces shelled Kharkiv overnight, the regional governor said.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(SEED), str(second), "--out-dir", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["pokrovsk-wsj-digest.json", "second-report.json"]


def test_extract_several_files_without_out_dir_writes_nothing(tmp_path, monkeypatch):
    second = tmp_path / "second-report.txt"
    second.write_text("Russian forces shelled Kharkiv overnight, the regional governor said.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["extract", str(SEED), str(second)])
    assert result.exit_code == 2
    assert "E020" in result.stderr and "--out-dir" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["second-report.txt"]


def test_extract_reads_stdin():
    result = runner.invoke(app, ["extract", "-"], input="Ukrainian troops held positions near Pokrovsk.")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["id"] == "stdin"


@pytest.mark.parametrize(
    "content,code",
    [(b"", "E101"), (b"\x00\x01\x02binary\x00", "E102"), (b"12345 67 89", "E112")],
)
def test_extract_bad_file_names_the_file(tmp_path, content, code):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = runner.invoke(app, ["extract", str(bad)])
    assert result.exit_code == 1
    assert code in result.stderr and "bad.txt" in result.stderr


def test_extract_missing_file(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1 and "E109" in result.stderr


def test_extract_bad_published_date():
    result = runner.invoke(app, ["extract", str(SEED), "--published", "yesterday"])
    assert result.exit_code == 2 and "E004" in result.stderr
