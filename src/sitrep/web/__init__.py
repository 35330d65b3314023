"""`sitrep serve`: the map, timeline, claims, forecasts, stories and article views in a browser.

>>> from sitrep.web import create_app, serve
>>> serve("sqlite:///sitrep.db", host="127.0.0.1", port=8765)  # doctest: +SKIP
"""

from __future__ import annotations

from .app import create_app
from .serve import check_static, serve

__all__ = ["check_static", "create_app", "serve"]
