"""The database commands through Typer's runner: ingest, articles, show, search, reprocess, migrate."""

from __future__ import annotations

import json
import sys

import pytest
from typer.testing import CliRunner

from sitrep import ingestion
from sitrep.cli import app
from tests.conftest import SEED

runner = CliRunner()

COMMANDS = ["ingest", "articles", "show", "search", "reprocess", "migrate"]


@pytest.fixture
def db(tmp_path, monkeypatch, extractor) -> str:
    """A fresh database path; the commands use the session's loaded pipeline instead of loading one."""
    monkeypatch.setattr(ingestion, "default_extractor", lambda settings: extractor)
    return str(tmp_path / "sitrep.db")


@pytest.fixture
def ingested(db) -> str:
    result = runner.invoke(app, ["ingest", str(SEED), "--db", db])
    assert result.exit_code == 0, result.output
    return db


def stored_id(db: str) -> str:
    result = runner.invoke(app, ["articles", "--db", db, "--format", "json"])
    [row] = json.loads(result.stdout)
    return row["id"]


@pytest.mark.parametrize("command", COMMANDS)
def test_help(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output and "--db" in result.output


def test_ingesting_the_seed_twice_stores_it_once(ingested):
    again = runner.invoke(app, ["ingest", str(SEED), "--db", ingested])
    assert again.exit_code == 0, again.output
    assert "0 new, 1 duplicate, 0 rejected" in again.stdout
    assert f"duplicate: {SEED}" in again.stdout


def test_first_ingest_says_what_it_stored(db):
    result = runner.invoke(app, ["ingest", str(SEED), "--db", db])
    assert "1 new, 0 duplicate, 0 rejected" in result.stdout and db in result.stdout


def test_search_finds_the_seed_with_a_marked_snippet(ingested):
    result = runner.invoke(app, ["search", "Pokrovsk", "--db", ingested])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(stored_id(ingested))
    assert "**Pokrovsk**" in result.stdout
    assert "1 articles match 'Pokrovsk'" in result.stderr


def test_search_without_hits_is_not_an_error(ingested):
    result = runner.invoke(app, ["search", "Zaporizhzhia", "--db", ingested])
    assert result.exit_code == 0 and result.stdout == ""


@pytest.mark.parametrize("length", [4, 12])
def test_show_prints_the_record_by_id_prefix(ingested, length):
    full = stored_id(ingested)
    result = runner.invoke(app, ["show", full[:length], "--db", ingested])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["id"] == full and record["article"]["sha256"].startswith(full)
    assert any(place["name"] == "Pokrovsk" for place in record["places"])


def test_show_markdown(ingested):
    result = runner.invoke(app, ["show", stored_id(ingested), "--db", ingested, "--format", "md"])
    assert result.exit_code == 0 and result.stdout.startswith("# ") and "## Places" in result.stdout


def test_articles_json_and_table(ingested):
    [row] = json.loads(runner.invoke(app, ["articles", "--db", ingested, "--format", "json"]).stdout)
    assert row["origin"] == str(SEED) and row["format"] == "text" and row["chars"] > 1000
    table = runner.invoke(app, ["articles", "--db", ingested])
    cells = table.stdout.rstrip("\n").split("\t")
    assert cells[0] == row["id"] and cells[4] == str(SEED)
    assert cells[5] == str(row["story_id"]) and cells[6] == ""  # its story; not a copy


def test_reprocess_with_the_same_extractors_changes_nothing(ingested):
    result = runner.invoke(app, ["reprocess", "--db", ingested])
    assert result.exit_code == 0, result.output
    assert "1 articles reprocessed" in result.stdout and "0 records replaced" in result.stdout


def test_migrate_creates_then_finds_nothing_to_do(db):
    first = runner.invoke(app, ["migrate", "--db", db])
    assert first.exit_code == 0 and "migrated from empty to" in first.stdout
    second = runner.invoke(app, ["migrate", "--db", db])
    assert second.exit_code == 0 and "already at" in second.stdout


def test_bad_inputs_are_rejected_by_name_and_the_rest_is_stored(db, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (folder / "broken.jsonl").write_text(
        '{"text": "Drones hit Sumy overnight."}\n{"text": \n', encoding="utf-8"
    )
    (folder / "front.txt").write_text("Ukrainian forces held positions near Huliaipole, officials said.")
    result = runner.invoke(app, ["ingest", str(folder), "--db", db])
    assert result.exit_code == 1
    assert "2 new, 0 duplicate, 3 rejected" in result.stdout
    for name, code in [("empty.txt", "E101"), ("image.txt", "E102"), ("broken.jsonl:2", "E105")]:
        assert any(name in line and f"[{code}]" in line for line in result.stderr.splitlines()), result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args,code",
    [
        (["show", "ffffffffffff"], "E202"),
        (["search", '"unclosed'], "E203"),
        (["search", "   "], "E203"),
    ],
)
def test_user_errors_are_one_line_and_exit_2(ingested, args, code):
    result = runner.invoke(app, [*args, "--db", ingested])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: [{code}]") and len(result.stderr.strip().splitlines()) == 1


def test_an_unopenable_database_is_a_config_error(db, tmp_path):
    result = runner.invoke(app, ["ingest", str(SEED), "--db", str(tmp_path / "no" / "such" / "dir.db")])
    assert result.exit_code == 2 and "[E003]" in result.stderr


@pytest.mark.parametrize("command", [["articles"], ["show", "abc"], ["search", "Pokrovsk"], ["reprocess"]])
def test_reading_commands_do_not_create_a_mistyped_database(tmp_path, command):
    missing = tmp_path / "typo.db"
    result = runner.invoke(app, [*command, "--db", str(missing)])
    assert result.exit_code == 2 and "[E207]" in result.stderr
    assert not missing.exists()


def test_sitrep_db_in_the_environment_is_the_default(ingested, monkeypatch):
    monkeypatch.setenv("SITREP_DB", ingested)
    result = runner.invoke(app, ["articles", "--format", "json"])
    assert len(json.loads(result.stdout)) == 1


def test_jsonl_metadata_is_stored_with_the_article(db, tmp_path):
    line = {
        "text": "Russian forces shelled Nikopol overnight, the regional governor said on Sunday.",
        "title": "Nikopol shelled",
        "outlet": "Suspilne",
        "published": "2025-11-02",
        "url": "https://example.org/nikopol",
    }
    (tmp_path / "feed.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(tmp_path / "feed.jsonl"), "--db", db]).exit_code == 0
    [row] = json.loads(runner.invoke(app, ["articles", "--db", db, "-f", "json"]).stdout)
    assert (row["title"], row["outlet"], row["published"], row["url"]) == (
        "Nikopol shelled",
        "Suspilne",
        "2025-11-02",
        "https://example.org/nikopol",
    )
    assert row["origin"].endswith("feed.jsonl:1") and row["format"] == "jsonl"
    record = json.loads(runner.invoke(app, ["show", row["id"], "--db", db]).stdout)
    assert record["article"]["outlet"] == "Suspilne" and record["article"]["published"] == "2025-11-02"


def test_progress_shows_only_on_a_terminal(monkeypatch):
    from contextlib import ExitStack

    from sitrep.progress import progress_bar

    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    with ExitStack() as stack:
        assert progress_bar(stack, total=2) is None
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    with ExitStack() as stack:
        report = progress_bar(stack, total=2)
        assert report is not None
        report("new", "a.txt")
        report("rejected", "b.txt")
