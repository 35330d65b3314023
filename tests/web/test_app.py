"""The application without a browser: headers, read-only routes, escaping, coded errors, the chart."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from sitrep.web import create_app
from sitrep.web.app import CSP, http_url
from tests.test_situation import store  # noqa: F401  (the module-scoped hand-made store)

PAGES = [
    "/",
    "/api/places",
    "/timeline",
    "/timeline?place_name=Avdiivka",
    "/claims",
    "/forecasts",
    "/stories",
    "/search?q=Avdiivka",
]


@pytest.fixture(scope="module")
def client(store):  # noqa: F811
    with TestClient(create_app(store.url)) as c:
        yield c


@pytest.mark.parametrize("path", PAGES)
def test_every_page_answers_with_the_csp(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-security-policy"] == CSP
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
@pytest.mark.parametrize("path", ["/", "/api/places", "/export/csv"])
def test_there_is_no_write_endpoint(client, method, path):
    assert getattr(client, method)(path).status_code == 405


def test_pages_hold_no_inline_script_or_style(client):
    for path in PAGES[:1] + PAGES[2:]:
        html = client.get(path).text
        assert "<script>" not in html and " style=" not in html and "<style" not in html, path


def test_map_markers_carry_status_and_count(client):
    places = {p["name"]: p for p in client.get("/api/places").json()["places"]}
    assert places["Chasiv Yar"]["marker"] == "contested"
    assert places["Avdiivka"]["marker"] == "reported"
    assert places["Pokrovsk"]["marker"] == "forecast"
    assert places["Avdiivka"]["facts"] > places["Pokrovsk"]["facts"]


def test_place_facts_list_claimant_denier_and_citations(client):
    key = next(p["key"] for p in client.get("/api/places").json()["places"] if p["name"] == "Chasiv Yar")
    html = client.get(f"/place/{key}/facts").text
    assert "Russia&#39;s Defence Ministry" in html and "Ukraine&#39;s General Staff" in html
    assert 'class="stance denies"' in html and "/article/" in html and "#hl" in html


def test_article_view_highlights_the_cited_span(client, store):  # noqa: F811
    article = next(a for a in store.articles() if a.origin == "claim.txt")
    text = store.get(article.id).text
    start = text.index("Ukraine's General Staff denied")
    html = client.get(f"/article/{article.id}?start={start}&end={start + 30}").text
    assert '<mark id="hl">Ukraine&#39;s General Staff denied</mark>' in html


@pytest.mark.parametrize(
    "path,status,code",
    [
        ("/article/ffffffffffff", 404, "E202"),
        ("/article/{id}?start=5&end=999999", 400, "E403"),
        ("/article/{id}?start=x&end=3", 400, "E403"),
        ("/?since=yesterday", 400, "E401"),
        ("/api/places?status=rumoured", 400, "E402"),
        ("/place/geo:1/facts", 404, "E404"),
        ("/stories/9999", 404, "E405"),
        ("/export/kml", 400, "E408"),
        ("/timeline?place_name=Atlantis", 404, "E208"),
    ],
)
def test_bad_requests_get_coded_errors(client, store, path, status, code):  # noqa: F811
    aid = store.articles()[0].id
    response = client.get(path.format(id=aid))
    assert response.status_code == status and code in response.text


@pytest.mark.parametrize(
    "url,expected",
    [
        ("https://www.reuters.com/world/", "https://www.reuters.com/world/"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("//evil.example/x", None),
        ("ftp://example.org/file", None),
        ("", None),
        (None, None),
    ],
)
def test_only_http_urls_become_links(url, expected):
    assert http_url(url) == expected


def test_export_downloads_are_attachments(client):
    response = client.get("/export/geojson?since=2024-04-01")
    assert response.headers["content-disposition"] == 'attachment; filename="sitrep-facts.geojson"'
    assert {f["properties"]["place"] for f in response.json()["features"]} == {"Chasiv Yar"}


def test_every_page_is_documented():
    from pathlib import Path

    from sitrep.web import create_app as make

    doc = (Path(__file__).resolve().parents[2] / "docs" / "web.md").read_text(encoding="utf-8")
    paths = [r.path for r in make("sqlite:///unused.db").routes if r.path != "/static"]
    for path in paths:
        documented = (
            path.replace("{key}", "KEY")
            .replace("{id}", "ID")
            .replace("{id:int}", "N")
            .replace("{fmt}", "FORMAT")
        )
        assert f"`{documented}" in doc, path


@pytest.mark.parametrize(
    "span_days,unit",
    [(10, "day"), (120, "day"), (121, "week"), (400, "week"), (731, "month"), (1500, "month")],
)
def test_the_chart_bins_long_periods(span_days, unit):
    from datetime import date, timedelta

    from sitrep.views import DayCount
    from sitrep.web.chart import binned, day_chart

    start = date(2023, 1, 2)
    days = [DayCount(start, {"reported": 2}), DayCount(start + timedelta(days=span_days - 1), {"denied": 1})]
    got, bars = binned(days)
    assert got == unit
    assert sum(b.total for b in bars) == 3
    svg = str(day_chart(days))
    assert f'data-unit="{unit}"' in svg and svg.count('<rect class="bar ') == 2


def test_serve_refuses_a_port_in_use(store):  # noqa: F811
    import socket

    from typer.testing import CliRunner

    from sitrep.cli import app

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--db", store.url, "--port", str(port)])
    assert result.exit_code == 2 and "E406" in result.output and "--port" in result.output


def test_serve_never_creates_a_database(tmp_path):
    from typer.testing import CliRunner

    from sitrep.cli import app

    missing = tmp_path / "nothing.db"
    result = CliRunner().invoke(app, ["serve", "--db", str(missing), "--port", "1"])
    assert result.exit_code == 2 and "E207" in result.output and not missing.exists()


def test_serve_checks_the_vendored_files(tmp_path, monkeypatch):
    import importlib
    import shutil

    from sitrep.errors import ConfigError
    from sitrep.web import app as web_app

    web_serve = importlib.import_module("sitrep.web.serve")  # the module, not the function of that name

    copy = tmp_path / "static"
    shutil.copytree(str(web_app.STATIC), copy)
    (copy / "vendor" / "leaflet" / "leaflet.js").write_text("alert('tampered')", encoding="utf-8")
    monkeypatch.setattr(web_serve, "STATIC", copy)
    with pytest.raises(ConfigError, match="E407.*leaflet/leaflet.js"):
        web_serve.check_static()


def test_claims_page_opens_on_the_latest_weeks(client):
    html = client.get("/claims").text
    assert "From 2024-03-11" in html  # 30 days before the store's latest fact (2024-04-10)
    assert "Chasiv Yar" in html and "Avdiivka" not in html
    everything = client.get("/claims?since=2024-01-01").text
    assert "Avdiivka" in everything
