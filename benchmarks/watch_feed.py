#!/usr/bin/env python3
"""`sitrep watch` on a local feed server: N new items, the watch killed (SIGKILL) midway and restarted.

    .venv/bin/python benchmarks/watch_feed.py [--items 1000] [--kill-at 300]

Serves one RSS feed of `--items` entries (texts made up here, each different) on 127.0.0.1
with ETag support, runs `sitrep watch URL --once` as a subprocess on a new SQLite store,
kills it with SIGKILL once `--kill-at` articles are stored, runs it again to the end, and
checks that every item is stored exactly once and that no worker process outlived the killed watch. Prints the counts, the time of each run and
the articles per minute; exits 1 if anything was lost or stored twice.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
PLACES = [
    "Kupiansk",
    "Huliaipole",
    "Siversk",
    "Kostiantynivka",
    "Orikhiv",
    "Lyman",
    "Vovchansk",
    "Sumy",
    "Izium",
]
WHAT = ["a fuel depot", "a rail junction", "a power substation", "an apartment block", "a grain terminal"]


def item_text(n: int) -> str:
    return (
        f"Drones struck {WHAT[n % len(WHAT)]} near {PLACES[n % len(PLACES)]} overnight, officials said in "
        f"bulletin {n}. Repair crews were sent at dawn and {n % 9 + 1} people were treated in hospital."
    )


def feed_body(n_items: int) -> bytes:
    entries = "".join(
        f"<item><title>Bulletin {n}</title><guid>b-{n}</guid><description>{escape(item_text(n))}</description></item>"
        for n in range(n_items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench Desk</title>{entries}</channel></rss>'.encode()


def serve(body: bytes) -> tuple[ThreadingHTTPServer, str]:
    etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/feed.rss"


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


def orphaned(marker: str) -> int:
    """Processes still running whose command line names `marker` (workers that outlived their parent)."""
    left = 0
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and marker in (proc / "cmdline").read_bytes().decode(errors="replace"):
                left += 1
        except OSError:
            continue
    return left


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=1000)
    ap.add_argument("--kill-at", type=int, default=300)
    args = ap.parse_args()
    server, url = serve(feed_body(args.items))
    db = Path(tempfile.mkdtemp(prefix="sitrep-watch-")) / "watch.db"
    command = [
        sys.executable,
        "-c",
        "from sitrep.cli import app; app()",
        "watch",
        url,
        "--once",
        "--db",
        str(db),
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    try:
        started = time.perf_counter()
        first = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while first.poll() is None and stored(db) < args.kill_at:
            time.sleep(0.2)
        before_kill = stored(db)
        killed = first.poll() is None
        if killed:
            first.send_signal(signal.SIGKILL)
        first.wait()
        first_s = time.perf_counter() - started
        time.sleep(2)
        orphans = orphaned(str(db))
        started = time.perf_counter()
        second = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        second_s = time.perf_counter() - started
    finally:
        server.shutdown()
    with sqlite3.connect(db) as conn:
        total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        distinct = conn.execute("SELECT count(DISTINCT text) FROM articles").fetchone()[0]
        texts = {row[0] for row in conn.execute("SELECT text FROM articles")}
    missing = sum(1 for n in range(args.items) if item_text(n) not in texts)
    result = {
        "items": args.items,
        "killed_with_sigkill": killed,
        "stored_when_killed": before_kill,
        "first_run_s": round(first_s, 1),
        "second_run_s": round(second_s, 1),
        "second_run_status": second.stdout.strip().splitlines()[-1:]
        if second.stdout
        else second.stderr[-300:],
        "worker_processes_left_after_kill": orphans,
        "stored": total,
        "distinct_texts": distinct,
        "missing": missing,
        "articles_per_min": round(60 * total / (first_s + second_s), 1),
        "ok": total == distinct == args.items and missing == 0 and orphans == 0,
    }
    print(json.dumps(result, indent=2))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
