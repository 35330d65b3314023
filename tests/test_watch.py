"""`sitrep watch`: feeds from a local HTTP server, growing JSONL files, directories, restarts."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from sitrep.config import Settings
from sitrep.errors import ConfigError
from sitrep.store import Store
from sitrep.watch import watch

TOWNS = ["Kupiansk", "Huliaipole", "Siversk", "Kostiantynivka", "Orikhiv", "Lyman", "Vovchansk", "Sumy"]


def report(n: int) -> str:
    """A short dispatch of our own, different for every n."""
    town = TOWNS[n % len(TOWNS)]
    return (
        f"Drones struck a fuel depot near {town} overnight, the regional governor said in dispatch {n}. "
        f"Emergency crews worked until dawn and {n % 7 + 2} people were treated for burns."
    )


@dataclass
class FeedServer:
    """An RSS feed served on 127.0.0.1 with ETag / If-None-Match, as a news site's would be."""

    items: list[int] = field(default_factory=list)
    requests: list[int] = field(default_factory=list)  # status of each response
    fail_with: int | None = None
    url: str = ""

    def body(self) -> bytes:
        entries = "".join(
            f"<item><title>Dispatch {n}</title><link>http://127.0.0.1/d/{n}</link><guid>d-{n}</guid>"
            f"<pubDate>Tue, 02 Dec 2025 08:00:00 GMT</pubDate><description>{escape(report(n))}</description></item>"
            for n in self.items
        )
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Front Desk</title>'
            f"<language>en</language>{entries}</channel></rss>"
        ).encode()


@pytest.fixture
def feed() -> Iterator[FeedServer]:
    state = FeedServer()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            if state.fail_with is not None:
                state.requests.append(state.fail_with)
                self.send_error(state.fail_with)
                return
            body = state.body()
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                state.requests.append(304)
                self.send_response(304)
                self.end_headers()
                return
            state.requests.append(200)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}/feed.rss"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def store(tmp_path):
    with Store.open(f"sqlite:///{tmp_path / 'watch.db'}") as opened:
        yield opened


def run(specs, store, extractor, **options):
    return watch(specs, store=store, extractor=extractor, settings=Settings(), rounds=1, **options)


def stored_texts(store: Store) -> list[str]:
    return [store.get(row.id).text for row in store.articles()]


def test_a_feed_is_stored_once_then_answered_with_304(feed, store, extractor):
    feed.items = list(range(5))
    first = run([feed.url], store, extractor)
    assert (first.new, first.error_count) == (5, 0)
    again = run([feed.url], store, extractor)
    assert again.new == 0 and feed.requests[-1] == 304  # the ETag was kept in the store
    feed.items = list(range(3, 9))  # the feed moves on: 3, 4 were seen, 5–8 are new
    later = run([feed.url], store, extractor)
    assert (later.new, later.duplicates) == (4, 2)
    assert sorted(stored_texts(store)) == sorted(report(n) for n in range(9))


@pytest.mark.parametrize("kill_at", ["before saving the position", "half-way through storing"])
def test_a_watch_killed_midway_resumes_with_nothing_lost_or_twice(
    feed, store, extractor, monkeypatch, kill_at
):
    feed.items = list(range(8))

    class Killed(BaseException):
        """Like SIGKILL: nothing after it runs (not an Exception, so nothing catches it)."""

    if kill_at == "before saving the position":
        monkeypatch.setattr(Store, "save_position", lambda self, position: (_ for _ in ()).throw(Killed()))
    else:
        real = Store.add_many

        def store_half_then_die(self, items):
            real(self, items[: len(items) // 2])
            raise Killed()

        monkeypatch.setattr(Store, "add_many", store_half_then_die)
    with pytest.raises(Killed):
        run([feed.url], store, extractor)
    monkeypatch.undo()
    assert 0 < store.counts().articles <= 8

    restarted = run([feed.url], store, extractor)
    assert restarted.error_count == 0
    texts = stored_texts(store)
    assert len(texts) == len(set(texts)) == 8
    assert sorted(texts) == sorted(report(n) for n in range(8))


def test_a_growing_jsonl_is_read_from_where_it_was_left(tmp_path, store, extractor):
    path = tmp_path / "wire.jsonl"
    path.write_text("".join(json.dumps({"text": report(n)}) + "\n" for n in range(3)), encoding="utf-8")
    assert run([str(path)], store, extractor).new == 3
    with path.open("a", encoding="utf-8") as out:
        out.write(json.dumps({"text": report(3)}) + "\n" + "{not json}\n")
        out.write(json.dumps({"text": report(4)})[:30])  # a line still being written
    status = run([str(path)], store, extractor)
    assert (status.new, status.rejected) == (1, 1)
    assert store.rejections()[-1].origin == f"{path}:5"
    with path.open("a", encoding="utf-8") as out:
        out.write(json.dumps({"text": report(4)})[30:] + "\n")
    assert run([str(path)], store, extractor).new == 1
    assert store.counts().articles == 5


def test_a_directory_reads_new_and_changed_files_only(tmp_path, store, extractor):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(report(1), encoding="utf-8")
    assert run([str(inbox)], store, extractor).new == 1
    (inbox / "b.txt").write_text(report(2), encoding="utf-8")
    second = run([str(inbox)], store, extractor)
    assert (second.new, second.duplicates) == (1, 0)  # a.txt unchanged: not read again
    (inbox / "a.txt").write_text(report(3), encoding="utf-8")
    assert run([str(inbox)], store, extractor).new == 1


def test_a_failing_feed_is_an_error_of_the_round_not_the_end(feed, store, extractor, tmp_path):
    feed.fail_with = 503
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(report(1), encoding="utf-8")
    status = run([feed.url, str(inbox)], store, extractor)
    assert status.error_count == 1 and "E240" in status.errors[0] and "503" in status.errors[0]
    assert status.new == 1  # the other source was still read


def test_rounds_are_bounded_and_sleep_between(feed, store, extractor):
    feed.items = [1]
    slept: list[float] = []
    status = watch(
        [feed.url],
        store=store,
        extractor=extractor,
        settings=Settings(),
        rounds=3,
        interval=5,
        sleep=slept.append,
    )
    assert status.rounds == 3 and slept == [5, 5]
    assert feed.requests == [200, 304, 304]


@pytest.mark.parametrize("spec", ["no/such/dir", "notes.txt"])
def test_an_unwatchable_source_is_refused(tmp_path, store, extractor, spec, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ConfigError, match="E242"):
        run([spec], store, extractor)


def test_a_feed_over_the_size_limit_is_an_error_not_a_crash(feed, store, extractor):
    feed.items = list(range(3))
    status = watch([feed.url], store=store, extractor=extractor, settings=Settings(max_bytes=200), rounds=1)
    assert status.error_count == 1 and "E110" in status.errors[0] and store.counts().articles == 0
