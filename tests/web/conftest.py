"""One small store, one `sitrep serve` process and one headless Chromium for the whole session.

The store holds the bundled sample (undated, about Pokrovsk) and tests/web/articles.jsonl:
two dated reports written for these tests and one article whose title, text, outlet and
URL carry script payloads. The browser is Debian's chromium driven by Playwright; where it
is not installed the browser tests skip and say why, except in CI (CI=true), where .ci/run
installs it and a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from sitrep.config import Settings
from sitrep.ingestion import ingest
from sitrep.store import Store

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SAMPLE = ROOT / "src" / "sitrep" / "data" / "sample"
ARTICLES = HERE / "articles.jsonl"
CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, extractor) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}"
    with Store.open(url) as store:
        summary = ingest([str(SAMPLE), str(ARTICLES)], store=store, extractor=extractor, settings=Settings())
    assert summary.ok, summary.rejected
    return url


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server(web_db) -> Iterator[str]:
    """`sitrep serve` on a free loopback port, as a user starts it; stopped at the end of the session."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from sitrep.cli import app; app()",
            "serve",
            "--db",
            web_db,
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                pytest.fail(f"sitrep serve exited {process.returncode}: {process.stderr.read()}")
            try:
                if httpx.get(base + "/static/app.css", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("sitrep serve did not answer within 30 s")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()
        if process.stderr:
            process.stderr.close()


def chromium_path() -> str | None:
    found = next((p for p in CHROMIUM_PATHS if Path(p).is_file()), None)
    return found or shutil.which("chromium")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    path = chromium_path()
    if path is None:
        reason = "Debian's chromium is not installed (apt-get install chromium); .ci/run installs it"
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser tests: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=path,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        )
        try:
            yield launched
        finally:
            launched.close()


class Watch:
    """What a page did that it must not: dialogs opened, script errors, CSP violations."""

    def __init__(self) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []

    def attach(self, page) -> None:
        def on_dialog(dialog) -> None:
            self.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)


@pytest.fixture
def page(browser, server):
    context = browser.new_context(
        accept_downloads=True, viewport={"width": 1400, "height": 900}, base_url=server
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.watch = Watch()
    page.watch.attach(page)
    try:
        yield page
    finally:
        context.close()
