#!/usr/bin/env python3
"""How fast does `sitrep serve` answer with 10,000 stored articles? Targets: map and timeline
p95 ≤ 100 ms, article view p95 ≤ 50 ms.

    .venv/bin/python benchmarks/web_requests.py [--articles 10000] [--requests 200] [--db PATH]

Builds (or reuses, with --db) a SQLite store of synthetic articles: each is 3–6 sentences
drawn from templates written for this benchmark (an event — capture, advance, strike,
fighting, withdrawal, encirclement — at one of 40 front-line places, reported, claimed or
denied, sometimes claimed by one side and denied by the other), with the record that the
extractors would write for it built by hand, and a publication date that advances ten
articles a day (as `benchmarks/resolve_scaling.py` grows its store). Extraction is not
timed: only what the web app does per request. No real article text is used.

Then it starts `sitrep serve` on 127.0.0.1 and times sequential GET requests over loopback
(wall clock, httpx, one connection): the map page, the map's data (`/api/places`) and the
timeline for the whole store — the first request, then repeated (the app computes the
whole-store aggregates as it starts and remembers each aggregate until the store changes,
`Store._memo`) — and for distinct 30-day windows (each one computed afresh), the article view of distinct articles with a highlighted span, and a
place's facts panel. Each figure is p50 / p95 / max in ms. The uncached requests are timed
again in this process through the ASGI app in CPU time, which does not depend on what else
the machine runs (the wall-clock figures do: the load average is printed with them), and
so are the whole-store aggregates recomputed with the app's memory of them cleared, as after
a new article is stored.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

from sitrep.geo import get_gazetteer
from sitrep.ingest.article import Article
from sitrep.models import ArticleMeta, Claim, Event, Place, Record, Span
from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[1]
PLACES = [
    "Pokrovsk", "Myrnohrad", "Kostiantynivka", "Chasiv Yar", "Toretsk", "Bakhmut", "Avdiivka", "Kurakhove",
    "Vuhledar", "Velyka Novosilka", "Huliaipole", "Orikhiv", "Kurdiumivka", "Kherson", "Zaporizhzhia", "Kharkiv",
    "Kupiansk", "Lyman", "Siversk", "Sloviansk", "Kramatorsk", "Druzhkivka", "Dobropillia", "Selydove",
    "Vovchansk", "Sumy", "Odesa", "Mykolaiv", "Dnipro", "Kyiv", "Bilohorivka", "Borova", "Izium", "Lysychansk",
    "Sievierodonetsk", "Horlivka", "Donetsk", "Mariupol", "Melitopol", "Nikopol",
]  # fmt: skip
EVENTS = {
    "capture": "{side} forces captured {place}",
    "advance": "{side} troops advanced towards {place}",
    "strike": "{side} drones struck {place}",
    "fighting": "Heavy fighting continued around {place}",
    "withdrawal": "{side} units withdrew from positions near {place}",
    "encirclement": "{side} forces encircled {place}",
}
SIDES = {"RU": "Russian", "UA": "Ukrainian"}
VOICES = {"RU": "Russia's Defence Ministry", "UA": "Ukraine's General Staff"}
FILLER = [
    "Residents said power and water had been cut for {n} days.",
    "Local officials reported {n} people evacuated over the past week.",
    "The regional administration said {n} buildings were damaged.",
    "Volunteers delivered {n} tonnes of aid to the area, a charity said.",
]


def build_article(
    i: int, rng: random.Random, places: dict[str, tuple[int, float, float]], start: date
) -> tuple[Article, Record]:
    published = start + timedelta(days=i // 10 + rng.randint(-2, 2))
    items: dict[str, list] = {"places": [], "events": [], "claims": []}
    text = ""
    x = "bench/1"

    def add(sentence: str) -> Span:
        nonlocal text
        start_at = len(text) + (1 if text else 0)
        text = f"{text} {sentence}" if text else sentence
        return Span(start=start_at, end=start_at + len(sentence), text=sentence)

    for _ in range(rng.randint(3, 6)):
        name = rng.choice(PLACES)
        geonameid, lat, lon = places[name]
        kind = rng.choice(list(EVENTS))
        side = rng.choice(list(SIDES))
        core = EVENTS[kind].format(side=SIDES[side], place=name)
        n = len(items["events"]) + 1
        if name not in {p.name for p in items["places"]}:
            items["places"].append(
                Place(
                    id=f"p{len(items['places']) + 1}",
                    extractor=x,
                    name=name,
                    geonameid=geonameid,
                    lat=lat,
                    lon=lon,
                    country="UA",
                    feature="city",
                )
            )
        roll = rng.random()
        if roll < 0.6:
            span = add(f"{core} on {published:%A}, officials said.")
            items["events"].append(
                Event(
                    id=f"e{n}",
                    extractor=x,
                    spans=[span],
                    type=kind,
                    place=name,
                    status="reported",
                    actor_side=side,
                )
            )
        elif roll < 0.85:
            other = "UA" if side == "RU" else "RU"
            claim_span = add(f"{VOICES[side]} said that {core[0].lower()}{core[1:]}.")
            deny_span = add(f"{VOICES[other]} denied that claim on {published:%A}.")
            c1, c2 = f"c{len(items['claims']) + 1}", f"c{len(items['claims']) + 2}"
            items["claims"] += [
                Claim(
                    id=c1,
                    extractor=x,
                    spans=[claim_span],
                    text=core,
                    claimant=VOICES[side],
                    stance="asserts",
                    links=[c2],
                ),
                Claim(
                    id=c2,
                    extractor=x,
                    spans=[deny_span],
                    text=core,
                    claimant=VOICES[other],
                    stance="denies",
                    links=[c1],
                ),
            ]
            items["events"].append(
                Event(
                    id=f"e{n}",
                    extractor=x,
                    spans=[claim_span],
                    type=kind,
                    place=name,
                    status="claimed",
                    actor_side=side,
                    claim=c1,
                )
            )
        else:
            span = add(
                f"Analysts expect that {core[0].lower()}{core[1:]} within weeks.".replace(
                    "captured", "could capture"
                )
            )
            items["events"].append(
                Event(
                    id=f"e{n}",
                    extractor=x,
                    spans=[span],
                    type=kind,
                    place=name,
                    status="forecast",
                    actor_side=side,
                )
            )
        add(rng.choice(FILLER).format(n=rng.randint(2, 900)))
    add(f"Report number {i} ({rng.getrandbits(40):x}).")
    record = Record(id="unset", article=ArticleMeta(id="unset"), **items)
    article = Article(
        text,
        f"synthetic-{i}",
        outlet=f"Outlet {rng.randrange(60)}",
        published=published,
        url=f"https://example.org/{i}",
        title=f"Front-line report {i}",
    )
    return article, record


def fill(db: Path, n: int) -> None:
    rng = random.Random(12)
    gazetteer = get_gazetteer()
    places = {}
    for name in PLACES:
        entry = next(e for e in gazetteer.lookup(name) if e.cc == "UA")
        places[name] = (entry.id, entry.lat, entry.lon)
    with Store.open(f"sqlite:///{db}") as store:
        have = store.counts().articles
        started = time.perf_counter()
        for i in range(have, n):
            store.add(*build_article(i, rng, places, date(2022, 2, 24)))
            if (i + 1) % 1000 == 0:
                print(f"  {i + 1} stored ({time.perf_counter() - started:.0f} s)", file=sys.stderr)


def timed(
    client: Any, paths: list[str], *, clock: Callable[[], float] = time.perf_counter
) -> dict[str, float]:
    times = []
    for path in paths:
        started = clock()
        response = client.get(path)
        times.append((clock() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}: {response.text[:300]}")
    times.sort()
    return {
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[min(len(times) - 1, int(0.95 * len(times)))], 1),
        "max_ms": round(times[-1], 1),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=200, help="requests timed per endpoint")
    ap.add_argument("--db", type=Path, help="SQLite file to build or reuse (default: a temporary one)")
    args = ap.parse_args()
    db = args.db or Path(tempfile.mkdtemp(prefix="sitrep-web-bench-")) / "web.db"
    fill(db, args.articles)
    with Store.open(f"sqlite:///{db}", readonly=True) as store:
        counts = store.counts()
        ids = store.article_ids()
        facts = store.facts(kinds=["event"], article_ids=random.Random(3).sample(ids, min(300, len(ids))))
        n_facts = len(store.facts(kinds=["event"]))
        key = store.find_entities("Pokrovsk", kind="place")[0].key
        first, last = store.fact_choices().first, store.fact_choices().last
    assert first and last
    rng = random.Random(5)
    n = args.requests
    days = (last - first).days

    def windows(prefix: str) -> list[str]:
        """Distinct 30-day windows, so that no request is answered from the app's cache."""
        starts = rng.sample(range(max(days - 30, n)), n)
        return [
            f"{prefix}since={first + timedelta(days=d)}&until={first + timedelta(days=d + 30)}"
            for d in starts
        ]

    spans = [rng.choice(facts) for _ in range(n)]
    articles = [f"/article/{f.article_id}?start={f.start}&end={f.end}" for f in spans]

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from sitrep.cli import app; app()",
            "serve",
            "--db",
            str(db),
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
    )
    results: dict[str, dict[str, float]] = {}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            for _ in range(300):
                try:
                    client.get("/static/app.css")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            results["map data, whole store, first request"] = timed(client, ["/api/places"])
            results["timeline, whole store, first request"] = timed(client, ["/timeline"])
            results["map page / (HTML)"] = timed(client, ["/"] * n)
            results["map data, whole store (repeated: cached)"] = timed(client, ["/api/places"] * n)
            results["map data, distinct 30-day windows (uncached)"] = timed(client, windows("/api/places?"))
            results["timeline, whole store (repeated: cached)"] = timed(client, ["/timeline"] * n)
            results["timeline, distinct 30-day windows (uncached)"] = timed(client, windows("/timeline?"))
            results["article view, distinct articles"] = timed(client, articles)
            results["place facts panel, distinct windows (no target)"] = timed(
                client, windows(f"/place/{key}/facts?")[: max(n // 4, 5)]
            )
    finally:
        server.terminate()
        server.wait(timeout=10)

    # The same requests in this process through the ASGI app, timed in CPU seconds: a figure that
    # does not depend on what else the machine is running.
    from starlette.testclient import TestClient

    from sitrep.web import create_app

    cpu: dict[str, dict[str, float]] = {}
    with TestClient(create_app(f"sqlite:///{db}")) as local:
        local.get("/")
        cpu["map data, distinct 30-day windows (uncached)"] = timed(
            local, windows("/api/places?"), clock=time.process_time
        )
        cpu["timeline, distinct 30-day windows (uncached)"] = timed(
            local, windows("/timeline?"), clock=time.process_time
        )
        cpu["article view, distinct articles"] = timed(local, articles, clock=time.process_time)
        # The whole-store aggregates without the app's memory of them (as after a new article).
        from sitrep.views import Filters, day_counts, map_places

        store = Store.open(f"sqlite:///{db}", readonly=True)
        for name, compute in (
            ("map data, whole store, recomputed (library)", lambda: map_places(store, Filters())),
            ("timeline counts, whole store, recomputed (library)", lambda: day_counts(store, Filters())),
        ):
            times = []
            for _ in range(20):
                store._memo_cache.clear()
                started = time.process_time()
                compute()
                times.append((time.process_time() - started) * 1000)
            times.sort()
            cpu[name] = {
                "p50_ms": round(statistics.median(times), 1),
                "p95_ms": round(times[int(0.95 * len(times)) - 1], 1),
                "max_ms": round(times[-1], 1),
            }
        store.close()
    load = os.getloadavg()
    targets = {"map": 100, "timeline": 100, "article": 50}

    def verdict(name: str, figures: dict[str, float]) -> str:
        target = next((v for k, v in targets.items() if name.startswith(k)), None)
        if target is None:
            return "no target"
        return ("met" if figures["p95_ms"] <= target else "MISSED") + f" (p95 ≤ {target} ms)"

    print(
        json.dumps(
            {
                "articles": counts.articles,
                "event_facts": n_facts,
                "requests_per_endpoint": n,
                "load_average_1_5_15": [round(x, 1) for x in load],
                "wall_clock_over_loopback": {k: {**v, "verdict": verdict(k, v)} for k, v in results.items()},
                "cpu_in_process": {k: {**v, "verdict": verdict(k, v)} for k, v in cpu.items()},
                "database": str(db),
            },
            indent=2,
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
