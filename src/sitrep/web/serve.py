"""Run the web application: check its vendored files and the port, then hand over to uvicorn."""

from __future__ import annotations

import hashlib
import json
import socket
from collections.abc import Callable

from ..errors import ConfigError, Messages
from ..store import Store
from .app import STATIC, create_app


def check_static() -> None:
    """E407 unless every vendored file is present and matches MANIFEST.json (scripts/build_static.py)."""
    vendor = STATIC / "vendor"
    manifest = vendor / "MANIFEST.json"
    if not manifest.is_file():
        raise ConfigError(Messages.E407, detail="vendor/MANIFEST.json is missing")
    files = json.loads(manifest.read_text(encoding="utf-8"))["files"]
    for name, digest in files.items():
        path = vendor.joinpath(*name.split("/"))
        if not path.is_file():
            raise ConfigError(Messages.E407, detail=f"{name} is missing")
        if hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            raise ConfigError(Messages.E407, detail=f"{name} differs from the build")


def _check_port(host: str, port: int) -> None:
    """E406 now, with the reason, rather than a traceback from inside uvicorn."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as e:
            raise ConfigError(Messages.E406, host=host, port=port, reason=e.strerror or str(e)) from e


def serve(
    db_url: str, *, host: str = "127.0.0.1", port: int = 8765, ready: Callable[[str], None] | None = None
) -> None:
    """Serve the store at `db_url` read-only on http://host:port/ until interrupted.

    `ready` is called with the address once the checks pass (the CLI prints it).
    """
    check_static()
    Store.open(db_url, readonly=True, create=False).close()  # E207/E005 now, not on the first request
    _check_port(host, port)
    import uvicorn

    shown = f"[{host}]" if ":" in host else host
    if ready is not None:
        ready(f"http://{shown}:{port}/")
    uvicorn.run(create_app(db_url), host=host, port=port, log_level="warning", access_log=False)
