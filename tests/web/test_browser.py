"""The real application in headless Chromium: map → place → citation → sentence; filters; exports; hostile text."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.slow


def load_map(page, query: str = "") -> None:
    page.goto("/" + (f"?{query}" if query else ""))
    expect(page.locator("#map[data-loaded]")).to_have_count(1)


def open_marker(page, name: str) -> None:
    """Bring the marker into view (the place list zooms through clusters), then click the marker itself."""
    marker = page.locator(f'.leaflet-marker-icon[title="{name}"]')
    if not marker.is_visible():
        page.locator("#place-list button", has_text=name).click()
        page.locator("#panel .place-facts").wait_for()
        expect(page.locator("#map.leaflet-zoom-anim")).to_have_count(0)  # the zoom has settled
        expect(marker).to_be_visible(timeout=15_000)
    marker.click()
    expect(page.locator("#panel .place-facts h2")).to_have_text(name)


def test_pokrovsk_denial_leads_to_the_highlighted_sentence(page):
    load_map(page)
    open_marker(page, "Pokrovsk")
    assert "place=geo%3A704422" in page.url or "place=geo:704422" in page.url  # the view can be shared
    contested = page.locator("#panel .item.contested", has_text="encirclement")
    expect(contested).to_have_count(1)
    denial = contested.locator(".stance.denies", has_text="Ukraine")
    expect(denial).to_be_visible()
    expect(contested.locator(".stance.asserts", has_text="Moscow")).to_be_visible()
    denial.locator("a.cite").click()
    page.wait_for_url(re.compile(r"/article/\w+\?start=\d+&end=\d+#hl"))
    mark = page.locator("mark#hl")
    expect(mark).to_contain_text("Ukraine denies Moscow's claim")
    expect(mark).to_be_in_viewport()
    current = page.locator(".margin-facts li.current")  # the facts the cited sentence carries
    expect(current.first).to_be_visible()
    assert any("encirclement" in text for text in current.all_inner_texts())
    assert page.watch.errors == [] and page.watch.dialogs == []


def test_date_filter_keeps_only_the_reports_in_range(page):
    load_map(page)
    everything = page.locator("#place-list button").all_inner_texts()
    assert any(t.startswith("Pokrovsk") for t in everything)
    page.fill('input[name="since"]', "2025-11-09")
    page.fill('input[name="until"]', "2025-11-15")
    page.click("#filters button[type=submit]")
    page.wait_for_url(re.compile(r"since=2025-11-09.*until=2025-11-15"))
    expect(page.locator("#map[data-loaded]")).to_have_count(1)
    names = {t.split(" (")[0] for t in page.locator("#place-list button").all_inner_texts()}
    # Kupiansk is later; the sample is undated; the Kherson strike is dated by its own "on Sunday" (9 November)
    assert names == {"Kharkiv", "Kherson"}
    expect(page.locator("#map-status")).to_contain_text("2 places")


def test_date_slider_sets_the_date_fields(page):
    load_map(page)
    slider = page.locator(".slider input.since")
    slider.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    first = page.locator(".slider").get_attribute("data-first")
    assert first is not None
    assert page.input_value('input[name="since"]') > first


@pytest.mark.parametrize("fmt", ["geojson", "csv", "acled", "jsonl"])
def test_each_export_downloads(page, fmt):
    load_map(page, "since=2025-11-01")
    with page.expect_download() as waiting:
        page.click(f".downloads a.download-{fmt}")
    download = waiting.value
    body = open(download.path(), encoding="utf-8").read()
    if fmt == "geojson":
        collection = json.loads(body)
        places = {f["properties"]["place"] for f in collection["features"]}
        assert {"Kharkiv", "Kherson"} <= places and "Pokrovsk" not in places
    elif fmt == "jsonl":
        records = [json.loads(line) for line in body.splitlines()]
        assert len(records) == 3  # the dated articles; the sample is undated
    else:
        rows = list(csv.DictReader(io.StringIO(body)))
        assert rows
        assert all(r["date" if fmt == "csv" else "event_date"] >= "2025-11-01" for r in rows)


def test_hostile_article_executes_nothing(page, server):
    load_map(page)
    open_marker(page, "Kherson")
    page.locator("#panel a.cite").first.click()
    page.wait_for_url(re.compile(r"/article/"))
    title = page.locator("article h1")
    expect(title).to_contain_text("<script>window.__pwned='title'</script>")
    expect(page.locator("article .text")).to_contain_text("<script>window.__pwned='text'</script>")
    assert page.locator("a.source").count() == 0  # a javascript: URL is never a link
    visited = [page.url]
    for path in ["/search?q=shelled", "/stories", "/claims", "/forecasts", "/timeline?place_name=Kherson"]:
        page.goto(path)
        visited.append(path)
    for url in visited:
        page.goto(url)
        assert page.evaluate("typeof window.__pwned") == "undefined", url
        assert page.locator('img[src="x"], svg[onload], b[onmouseover]').count() == 0, url
        scripts = page.evaluate("Array.from(document.scripts).map(s => s.getAttribute('src'))")
        assert all(src and src.startswith("/static/") for src in scripts), (url, scripts)
    assert page.watch.dialogs == []
