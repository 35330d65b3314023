"""Regression for issue 15's poison pills: each one, mixed into a batch of good articles, costs only itself.

The pills are made here, in the test's own folder (no committed binaries): dates that overflow,
JSON nested 200,000 deep, a file name that is not UTF-8, a symlink to the zero device, a FIFO,
a cut-short .warc.gz, bytes that are half UTF-8, a component that crashes on one text, and a
text longer than the model's max_length. The batch must exit 1 with one coded line per pill,
store every good article, print no traceback, and store nothing twice when run again.
"""

from __future__ import annotations

import io
import json
import os
import re

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep import ingestion, pipeline
from sitrep.cli import app
from sitrep.store import Store

runner = CliRunner()

GOOD = {
    "kharkiv.txt": "Russian drones struck Kharkiv overnight, wounding two people, the regional governor said.",
    "sumy.md": "# Shelling in Sumy\n\nArtillery hit the outskirts of Sumy on Tuesday, local officials said.",
    "new\nline.txt": "Ukrainian forces repelled three assaults near Pokrovsk, the General Staff said.",
}
GOOD_LINES = [
    {"text": "Marines held positions near Kherson despite heavy shelling, a spokesman said.", "id": "k1"},
    {"text": "Air defence shot down eleven drones over Odesa, the southern command reported.", "id": "o1"},
]
#: A text longer than the pipeline's max_length in this test (set low so the test stays fast).
MAX_LENGTH = 4000
LONG_PARAGRAPHS = [
    "Russian forces shelled Kupiansk on Monday, the regional governor said.",
    '"We held the line near Toretsk," a soldier of the 3rd Assault Brigade told reporters.',
    "Moscow claimed its troops advanced west of Chasiv Yar, but Kyiv denied the claim.",
    "Drones struck an energy facility outside Zaporizhzhia overnight, officials said.",
]
CRASH_MARKER = "Vovchansk checkpoint audit"


def page(title: str, body: str) -> bytes:
    return f"<html><head><title>{title}</title></head><body><article><p>{body}</p></article></body></html>".encode()


def cut_warc() -> bytes:
    """Two archived pages, the file cut inside the second record's gzip member."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    bodies = [
        "Ukrainian troops pushed Russian units back from two villages near Huliaipole, officers said.",
        "Missiles struck grain silos in the port of Izmail overnight, the governor of Odesa region said.",
    ]
    for number, body in enumerate(bodies, start=1):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://front.example/{number}", "response", payload=io.BytesIO(page(f"Report {number}", body)),
            http_headers=http,
        )
        writer.write_record(record)
    data = buffer.getvalue()
    return data[:-60]


def make_batch(root) -> dict[str, str]:
    """Write the good articles and the pills into `root`; the expected code of each pill by its name."""
    for name, text in GOOD.items():
        (root / name).write_text(text, encoding="utf-8")
    lines = [json.dumps(line) for line in GOOD_LINES]
    lines.append(json.dumps({"text": "Troops rotated out of Bakhmut, a commander said.", "published": "9999-12-31"}))
    lines.append(json.dumps({"text": "Sappers cleared mines near Izium, the army said.", "published": "0001-01-01"}))
    lines.append("[" * 200_000 + "]" * 200_000)
    (root / "bulk.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "long.txt").write_text("\n\n".join(LONG_PARAGRAPHS[i % 4] for i in range(60)), encoding="utf-8")
    (root / "crash.txt").write_text(f"Inspectors began the {CRASH_MARKER} near Kharkiv on Friday.", encoding="utf-8")
    os.symlink("/dev/zero", root / "zero.txt")
    os.mkfifo(root / "pipe.txt")
    (root / "cut.warc.gz").write_bytes(cut_warc())
    # UTF-8 quotes and dashes with as many Latin-1 bytes among them: neither encoding, so rejected
    mixed = "The minister’s “statement” — and the general’s ‘reply’ — ".encode() + b"caf\xe9 na\xefve \xe0 " * 3
    (root / "mixed.txt").write_bytes(mixed)
    # UTF-8 with one stray byte: stored, the byte marked U+FFFD, the rest not turned into mojibake
    repaired = "The governor’s office said “two were hurt” in Kharkiv.".encode().replace(b"two", b"\xfftwo")
    (root / "repaired.txt").write_bytes(repaired)
    (root.joinpath(os.fsdecode(b"caf\xe9.txt"))).write_text("Strikes hit Kramatorsk.", encoding="utf-8")
    return {
        "bulk.jsonl:3": "E120",
        "bulk.jsonl:4": "E120",
        "bulk.jsonl:5": "E121",
        "crash.txt": "E124",
        "zero.txt": "E119",
        "pipe.txt": "E119",
        "cut.warc.gz#record-2": "E108",
        "mixed.txt": "E103",
        "caf\\xe9.txt": "E122",
    }


@pytest.fixture
def batch(tmp_path, monkeypatch, extractor, nlp):
    """A folder of good articles and pills; the session's pipeline, crashing on one text, max_length low."""
    monkeypatch.setattr(ingestion, "default_extractor", lambda settings: extractor)
    monkeypatch.setattr(nlp, "max_length", MAX_LENGTH)
    real = pipeline.doc_to_record

    def crashing(doc, meta, extractors):  # a component bug that only this text triggers
        if CRASH_MARKER in doc.text:
            raise RuntimeError("component failed on this text")
        return real(doc, meta, extractors)

    monkeypatch.setattr(pipeline, "doc_to_record", crashing)
    folder = tmp_path / "batch"
    folder.mkdir()
    expected = make_batch(folder)
    return folder, expected, str(tmp_path / "sitrep.db")


def rejected_lines(output: str) -> list[tuple[str, str]]:
    """(code, the line) of each `rejected:` line."""
    return [(m.group(1), m.group(0)) for m in re.finditer(r"rejected: \[(E\d+)\][^\n]*", output)]


def test_each_pill_costs_only_itself(batch):
    folder, expected, db = batch
    first = runner.invoke(app, ["ingest", str(folder), "--db", db])
    assert first.exit_code == 1, first.output
    assert "Traceback" not in first.output and first.exception is None or isinstance(first.exception, SystemExit)
    lines = rejected_lines(first.output)
    assert sorted(code for code, _ in lines) == sorted(expected.values())
    for origin, code in expected.items():  # one coded line each, naming its input
        assert sum(1 for c, line in lines if c == code and origin in line) == 1, (origin, lines)
    with Store.open(f"sqlite:///{db}") as store:
        origins = {row.origin for row in store.articles()}
    stored_names = {origin.removeprefix(f"{folder}/") for origin in origins}
    assert stored_names == {
        "kharkiv.txt",
        "repaired.txt",
        "sumy.md",
        "new\\nline.txt",
        "bulk.jsonl:1",
        "bulk.jsonl:2",
        "long.txt",
        "cut.warc.gz#record-1",
    }


def test_a_rerun_stores_nothing_twice(batch):
    folder, expected, db = batch
    runner.invoke(app, ["ingest", str(folder), "--db", db])
    again = runner.invoke(app, ["ingest", str(folder), "--db", db])
    assert again.exit_code == 1
    assert "0 new, 8 duplicate" in again.stdout
    assert len(rejected_lines(again.output)) == len(expected)
    with Store.open(f"sqlite:///{db}") as store:
        assert store.counts().articles == 8


def test_a_text_over_max_length_is_stored_whole_with_spans_into_the_full_text(batch):
    folder, _, db = batch
    runner.invoke(app, ["ingest", str(folder / "long.txt"), "--db", db])
    with Store.open(f"sqlite:///{db}") as store:
        [row] = store.articles()
        stored = store.get(row.id)
    assert len(stored.text) > MAX_LENGTH and stored.record is not None
    spans = [span for place in stored.record.places for span in place.spans]
    assert spans and max(span.end for span in spans) > MAX_LENGTH  # places found in the later pieces
    assert all(stored.text[span.start : span.end] == span.text for span in spans)


def test_a_stray_byte_in_utf8_is_marked_not_mojibake(batch):
    folder, _, db = batch
    runner.invoke(app, ["ingest", str(folder / "repaired.txt"), "--db", db])
    with Store.open(f"sqlite:///{db}") as store:
        [row] = store.articles()
        text = store.get(row.id).text
    assert text == "The governor’s office said “\ufffdtwo were hurt” in Kharkiv."


def test_the_articles_table_keeps_one_line_per_article(batch):
    folder, _, db = batch
    runner.invoke(app, ["ingest", str(folder / "new\nline.txt"), str(folder / "kharkiv.txt"), "--db", db])
    listed = runner.invoke(app, ["articles", "--db", db])
    assert listed.exit_code == 0
    assert len(listed.stdout.strip().splitlines()) == 2
    assert "new\\nline.txt" in listed.stdout


@pytest.mark.parametrize("value", ["abc", "0", "-1", "1e6"])
def test_a_malformed_size_limit_is_one_coded_line(tmp_path, monkeypatch, value):
    monkeypatch.setenv("SITREP_MAX_BYTES", value)
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert "[E118]" in result.output and "SITREP_MAX_BYTES" in result.output
    assert "Traceback" not in result.output
