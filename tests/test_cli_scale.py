"""`ingest --workers/--cluster/--progress` and `watch` through Typer's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep import ingestion
from sitrep.cli import app
from sitrep.errors import Messages

runner = CliRunner()
WIRE = [
    "Russian forces shelled Nikopol across the river overnight, the regional administration said.",
    "Air defence shot down 14 of 20 drones over the Kyiv region, the air force said on Sunday.",
]


@pytest.fixture
def db(tmp_path, monkeypatch, extractor) -> str:
    monkeypatch.setattr(ingestion, "default_extractor", lambda settings: extractor)
    return str(tmp_path / "sitrep.db")


@pytest.mark.parametrize(
    "options", [["--workers", "0"], ["--workers", "2", "--cluster", "tcp://127.0.0.1:1"]]
)
def test_ingest_refuses_a_bad_cluster_choice(db, tmp_path, options):
    (tmp_path / "a.txt").write_text(WIRE[0], encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", db, *options])
    assert result.exit_code != 0 and "E171" in result.output


def test_ingest_with_progress_prints_lines_and_a_rate(db, tmp_path):
    wire = tmp_path / "wire.jsonl"
    wire.write_text("".join(json.dumps({"text": t}) + "\n" for t in WIRE), encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(wire), "--db", db, "--progress"])
    assert result.exit_code == 0, result.output
    assert "2/2 inputs" in result.stderr  # not a terminal: a plain progress line, with the total
    assert "/s)" in result.stdout and "2 new" in result.stdout


def test_ingest_is_quiet_off_a_terminal_without_progress(db, tmp_path):
    (tmp_path / "a.txt").write_text(WIRE[0], encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", db])
    assert result.exit_code == 0 and result.stderr == ""


def test_watch_once_then_again_stores_new_lines_only(db, tmp_path):
    wire = tmp_path / "wire.jsonl"
    wire.write_text(json.dumps({"text": WIRE[0]}) + "\n", encoding="utf-8")
    first = runner.invoke(app, ["watch", str(wire), "--once", "--db", db])
    assert first.exit_code == 0, first.output
    assert "1 new" in first.stdout and "0 errors" in first.stdout
    with wire.open("a", encoding="utf-8") as out:
        out.write(json.dumps({"text": WIRE[1]}) + "\n")
    again = runner.invoke(app, ["watch", str(wire), "--rounds", "1", "--db", db, "--progress"])
    assert "1 new, 0 duplicate" in again.stdout
    assert "articles/min" in again.stderr


@pytest.mark.parametrize("options,code", [(["--interval", "0"], "E243"), ([], "E242")])
def test_watch_refuses_bad_options_and_sources(db, tmp_path, options, code):
    spec = str(tmp_path / "inbox") if code == "E243" else str(tmp_path / "missing.jsonl")
    (tmp_path / "inbox").mkdir()
    result = runner.invoke(app, ["watch", spec, "--once", "--db", db, *options])
    assert result.exit_code != 0 and code in result.output


SCALE_CODES = [
    code.name for code in Messages if 170 <= int(code.name[1:]) < 180 or 240 <= int(code.name[1:]) < 250
]


@pytest.mark.parametrize("code", SCALE_CODES)
def test_every_cluster_and_watch_error_is_documented(code):
    assert f"| {code} |" in (Path(__file__).resolve().parents[1] / "docs" / "scale.md").read_text(
        encoding="utf-8"
    )
