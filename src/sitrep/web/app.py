"""The web application: thin Starlette handlers over `sitrep.views`, `sitrep.situation` and `sitrep.export`.

Read-only by construction: the store is opened read-only, every route answers GET (and
HEAD) only, and there is no form that writes. Article texts, titles, outlets and URLs are
attacker-controlled, so every page is rendered by Jinja with autoescaping, only http(s)
URLs become links (`http_url`), and a Content-Security-Policy without 'unsafe-inline'
forbids any script but the app's own static files.

    >>> app = create_app("sqlite:///sitrep.db")  # doctest: +SKIP
    >>> import uvicorn; uvicorn.run(app, host="127.0.0.1", port=8765)  # doctest: +SKIP
"""

from __future__ import annotations

import io
from collections.abc import Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import date, timedelta
from importlib.resources import files
from typing import Any
from urllib.parse import urlencode, urlsplit

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import __version__, situation, views
from ..errors import ConfigError, Messages, NotFoundError, SitrepError
from ..export import FORMATS, SUFFIXES, write_export
from ..resolve.propositions import ArticleInfo
from ..resolve.timelines import TimelineEntry
from ..store import Store
from .chart import day_chart

STATIC = files("sitrep") / "web" / "static"
TEMPLATES = files("sitrep") / "web" / "templates"

#: No inline script or style, nothing from another origin, no plugins, no framing, no <base>.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
#: Rows shown on the list pages (claims, forecasts, stories); the exports hold everything.
PAGE_ROWS = 200
#: Days the claims page shows when no place or dates are chosen (counted back from the latest fact).
RECENT_DAYS = 30

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[
    [Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]
]


def http_url(url: str | None) -> str | None:
    """`url` if it is an absolute http(s) URL, else None: only these become links.

    >>> http_url("https://example.org/a?b=1"), http_url("javascript:alert(1)"), http_url("//evil")
    ('https://example.org/a?b=1', None, None)
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every template, whatever its name
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["http_url"] = http_url
    env.filters["day"] = lambda d: d.isoformat() if isinstance(d, date) else "undated"
    env.filters["squash"] = lambda s: " ".join((s or "").split())
    env.globals["version"] = __version__
    env.globals["query"] = lambda pairs: urlencode(pairs)
    return env


class SecurityHeaders:
    """ASGI middleware adding the CSP and related headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(db_url: str) -> Starlette:
    """The application over the store at `db_url`, opened read-only for the app's lifetime."""
    env = _environment()
    holder: dict[str, Store] = {}

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> Any:
        holder["store"] = Store.open(db_url, readonly=True, create=False)
        # The whole-store map, chart and filter choices are the pages everyone opens first:
        # compute them now, so the first visitor does not wait (they stay until the store changes).
        views.map_places(holder["store"], views.Filters())
        views.day_counts(holder["store"], views.Filters())
        views.filter_choices(holder["store"])
        try:
            yield
        finally:
            holder.pop("store").close()

    def store() -> Store:
        if "store" not in holder:  # a test client without lifespan, or a failed start
            holder["store"] = Store.open(db_url, readonly=True, create=False)
        return holder["store"]

    def page(name: str, request: Request, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("place_name", None)
        html = env.get_template(name).render(request=request, path=request.url.path, **context)
        return HTMLResponse(html, status_code=status)

    def filters_of(request: Request) -> views.Filters:
        params = {k: request.query_params.getlist(k) for k in request.query_params}
        return views.Filters.from_params(params)

    def common(request: Request, filters: views.Filters) -> dict[str, Any]:
        return {
            "filters": filters,
            "choices": views.filter_choices(store()),
            "filter_query": filters.to_params(place=False),
            "formats": list(FORMATS),
        }

    def map_page(request: Request) -> HTMLResponse:
        filters = filters_of(request)
        return page(
            "map.html",
            request,
            **common(request, filters.without_place()),
            place=request.query_params.get("place", ""),
        )

    def api_places(request: Request) -> JSONResponse:
        places = views.map_places(store(), filters_of(request).without_place())
        return JSONResponse(
            {
                "places": [
                    {
                        "key": p.key,
                        "name": p.name,
                        "lat": p.lat,
                        "lon": p.lon,
                        "facts": p.facts,
                        "marker": p.marker,
                        "statuses": p.statuses,
                        "types": p.event_types,
                        "last": p.last.isoformat() if p.last else None,
                    }
                    for p in places
                ]
            }
        )

    def place_fragment(request: Request) -> HTMLResponse:
        key = request.path_params["key"]
        filters = filters_of(request).without_place()
        facts = views.place_facts(store(), key, filters)
        return page("place_facts.html", request, place=facts, filter_query=filters.to_params(place=False))

    def place_page(request: Request) -> HTMLResponse:
        key = request.path_params["key"]
        filters = filters_of(request).without_place()
        facts = views.place_facts(store(), key, filters)
        return page("place.html", request, place=facts, **common(request, filters))

    def article_page(request: Request) -> HTMLResponse:
        start, end = request.query_params.get("start"), request.query_params.get("end")
        try:
            span = (int(start), int(end)) if start is not None and end is not None else (None, None)
        except ValueError as e:
            raise ConfigError(
                Messages.E403, start=start, end=end, id=request.path_params["id"], length="?"
            ) from e
        view = views.article_view(store(), request.path_params["id"], start=span[0], end=span[1])
        return page("article.html", request, view=view, selected=span)

    def timeline_page(request: Request) -> HTMLResponse:
        filters = filters_of(request).without_place()
        place = request.query_params.get("place_name", "").strip() or None
        name: str | None = None
        entries: list[TimelineEntry] = []
        infos: dict[str, ArticleInfo] = {}
        chart_filters = filters
        if place:
            name, entries, infos = situation.place_timeline(
                store(), place=place, since=filters.since, until=filters.until
            )
            keys = situation.select_place(store(), place).keys
            chart_filters = views.Filters(**{**filters.__dict__, "place_keys": tuple(keys)})
        days = views.day_counts(store(), chart_filters)
        return page(
            "timeline.html",
            request,
            chart=day_chart(days),
            days=days,
            entries=entries,
            infos=infos,
            place_name=name,
            place_query=place or "",
            export_query=chart_filters.to_params(),
            **common(request, filters),
        )

    def claims_page(request: Request) -> HTMLResponse:
        filters = filters_of(request).without_place()
        place = request.query_params.get("place_name", "").strip() or None
        recent = None
        last = views.filter_choices(store()).last
        if place is None and filters.since is None and filters.until is None and last is not None:
            # Grouping every claim of a large store takes seconds: without a place or dates,
            # the page opens on the latest weeks (the form and the exports reach the rest).
            recent = last - timedelta(days=RECENT_DAYS)
            filters = replace(filters, since=recent)
        props, infos = situation.claims(store(), place=place, since=filters.since, until=filters.until)
        keys = situation.select_place(store(), place).keys if place else []
        return page(
            "claims.html",
            request,
            props=props[:PAGE_ROWS],
            total=len(props),
            infos=infos,
            place_query=place or "",
            recent=recent,
            export_query=filters.to_params(place=False) + [("place", k) for k in keys],
            **common(request, filters),
        )

    def forecasts_page(request: Request) -> HTMLResponse:
        place = request.query_params.get("place_name", "").strip() or None
        filters = filters_of(request).without_place()
        since, recent = filters.since, None
        last = views.filter_choices(store()).last
        if place is None and since is None and last is not None:
            since = recent = last - timedelta(days=RECENT_DAYS)  # as on the claims page
        entries, infos = situation.forecasts(store(), place=place, since=since)
        keys = situation.select_place(store(), place).keys if place else []
        return page(
            "forecasts.html",
            request,
            entries=entries[:PAGE_ROWS],
            total=len(entries),
            infos=infos,
            place_query=place or "",
            formats=list(FORMATS),
            since=since,
            recent=recent,
            export_query=[("status", "forecast")] + [("place", k) for k in keys],
        )

    def stories_page(request: Request) -> HTMLResponse:
        rows = store().stories(limit=PAGE_ROWS)
        names = store().entity_names([k for r in rows for k in r.top_keys])
        return page("stories.html", request, stories=rows, names=names)

    def story_page(request: Request) -> HTMLResponse:
        story_id = request.path_params["id"]
        members = store().story_members(story_id)
        if not members:
            raise NotFoundError(Messages.E405, id=story_id, url=db_url)
        return page("story.html", request, story_id=story_id, members=members)

    def search_page(request: Request) -> HTMLResponse:
        q = request.query_params.get("q", "").strip()
        hits = store().search(q, limit=50, mark=("\x02", "\x03")) if q else []
        results = [(hit, _marked(hit.snippet)) for hit in hits]
        return page("search.html", request, q=q, results=results)

    def export(request: Request) -> Response:
        fmt = request.path_params["fmt"]
        filters = filters_of(request)
        if fmt not in FORMATS:
            raise ConfigError(Messages.E408, value=fmt, options=", ".join(FORMATS))
        out = io.StringIO()
        write_export(store(), fmt, filters, out)
        return Response(
            out.getvalue(),
            media_type=FORMATS[fmt],
            headers={"content-disposition": f'attachment; filename="sitrep-facts.{SUFFIXES[fmt]}"'},
        )

    async def sitrep_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, SitrepError)
        status = 404 if isinstance(exc, NotFoundError) else 400 if isinstance(exc, ConfigError) else 500
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": exc.code, "message": str(exc)}, status_code=status)
        return page("error.html", request, status=status, error=exc)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return page("error.html", request, status=exc.status_code, error=exc.detail)

    routes = [
        Route("/", map_page),
        Route("/api/places", api_places),
        Route("/place/{key}", place_page),
        Route("/place/{key}/facts", place_fragment),
        Route("/article/{id}", article_page),
        Route("/timeline", timeline_page),
        Route("/claims", claims_page),
        Route("/forecasts", forecasts_page),
        Route("/stories", stories_page),
        Route("/stories/{id:int}", story_page),
        Route("/search", search_page),
        Route("/export/{fmt}", export),
        Mount("/static", app=StaticFiles(directory=str(STATIC)), name="static"),
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={SitrepError: sitrep_error, HTTPException: http_error},
    )
    app.add_middleware(SecurityHeaders)
    return app


def _marked(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet as (text, matched) pieces, so the template escapes each and marks matches."""
    parts = snippet.replace("\x03", "\x02").split("\x02")
    return [(part, i % 2 == 1) for i, part in enumerate(parts) if part]
