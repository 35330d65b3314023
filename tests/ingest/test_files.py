"""Opening inputs safely: special files refused at once, reads bounded whatever stat says."""

from __future__ import annotations

import os
import resource
import threading
import time
from pathlib import Path

import pytest

from sitrep.errors import InputError
from sitrep.ingest import read_inputs, read_path
from sitrep.ingest.files import check_name, open_regular, read_bounded

GOOD = "Ukrainian forces repelled assaults near Pokrovsk, the General Staff said."


@pytest.fixture
def fifo(tmp_path) -> Path:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


@pytest.fixture
def zero(tmp_path) -> Path:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    path = tmp_path / "zero.txt"
    os.symlink("/dev/zero", path)
    return path


@pytest.mark.parametrize("which", ["fifo", "zero"])
def test_special_files_are_rejected_within_a_second_and_bounded_memory(request, which):
    path = request.getfixturevalue(which)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    results: list = []
    worker = threading.Thread(target=lambda: results.extend(read_path(path, max_bytes=20_000_000)), daemon=True)
    worker.start()
    worker.join(timeout=5)  # a blocking open of the FIFO would hang here, not the test run
    assert not worker.is_alive(), "reading a FIFO or device blocked"
    assert time.monotonic() - started < 1.0
    assert [r.code for r in results] == ["E119"]
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 50_000  # nothing like the device's endless content was read


def test_walking_a_directory_rejects_special_files_and_reads_the_rest(tmp_path, fifo, zero):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    results = list(read_inputs([str(tmp_path)]))
    outcome = {Path(r.origin).name: getattr(r, "code", "article") for r in results}
    assert outcome == {"good.txt": "article", "pipe.txt": "E119", "zero.txt": "E119"}


def test_a_fifo_named_explicitly_is_rejected_not_reported_missing(fifo):
    [result] = list(read_inputs([str(fifo)]))
    assert result.code == "E119" and "FIFO" in result.reason


def test_reads_stop_at_the_limit_plus_one_byte(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 5000)
    with pytest.raises(InputError) as caught:
        read_bounded(path, max_bytes=1000)
    assert caught.value.code == "E110"
    assert read_bounded(path, max_bytes=5000) == b"a" * 5000


def test_open_regular_refuses_a_directory(tmp_path):
    with pytest.raises(InputError) as caught:
        open_regular(tmp_path)
    assert caught.value.code in ("E119", "E116")


@pytest.mark.parametrize("name,ok", [(b"report.txt", True), (b"\xd0\xba\xd0\xb8\xd1\x97\xd0\xb2.txt", True), (b"caf\xe9.txt", False)])
def test_file_names_must_be_utf8(tmp_path, name, ok):
    path = tmp_path / os.fsdecode(name)
    if ok:
        check_name(path)
    else:
        with pytest.raises(InputError) as caught:
            check_name(path)
        assert caught.value.code == "E122" and "\\xe9" in str(caught.value)
