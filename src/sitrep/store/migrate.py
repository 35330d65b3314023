"""Alembic migrations run from Python: what revision a database is at, and upgrading it to head.

The scripts live in ``sitrep/store/migrations`` (shipped with the package). They run on a
connection that `sitrep.store.db` opened, inside one transaction: on SQLite and PostgreSQL
DDL is transactional, so a failed upgrade leaves the database as it was.

    >>> head_revision()
    '0007'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text

from .schema import is_search_object, metadata

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: Key of the PostgreSQL advisory lock that serialises migrations ("sitrep" in ASCII).
MIGRATION_LOCK = 0x736974726570


@dataclass(frozen=True)
class MigrationResult:
    """The revision before and after an upgrade (`before` is None for a new database)."""

    before: str | None
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


def alembic_config(connection: Connection | None = None, *, url: str | None = None) -> Config:
    """An Alembic Config without an ini file, pointing at the shipped scripts."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest revision this version of sitrep knows."""
    head = script_directory().get_current_head()
    assert head is not None, "the shipped migrations have no head"  # a packaging bug, not user input
    return head


def known_revisions() -> set[str]:
    return {script.revision for script in script_directory().walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    """The revision recorded in the database, or None when it was never migrated."""
    return MigrationContext.configure(connection).get_current_revision()


def lock_migrations(connection: Connection) -> None:
    """Wait until no other process is migrating this database (PostgreSQL), for the transaction.

    Two first runs on an empty PostgreSQL database both found it unmigrated and both created
    the schema; the second failed on a duplicate key (issue 15). Under the lock the second one
    waits, then finds the schema current. SQLite needs none: BEGIN IMMEDIATE already serialises
    writers.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})


def upgrade(connection: Connection) -> MigrationResult:
    """Upgrade to head on `connection`, inside the caller's transaction (a no-op when at head)."""
    lock_migrations(connection)
    before = current_revision(connection)
    if before == head_revision():
        return MigrationResult(before=before, after=before)
    command.upgrade(alembic_config(connection), "head")
    return MigrationResult(before=before, after=head_revision())


def schema_diff(connection: Connection) -> list[Any]:
    """What autogenerate would change to make the database match `schema.metadata` ([] when in step)."""
    context = MigrationContext.configure(
        connection,
        opts={
            "compare_type": True,
            "include_name": lambda name, type_, parents: not is_search_object(name, type_),
            "include_object": lambda obj, name, type_, refl, other: not is_search_object(name, type_),
        },
    )
    return list(compare_metadata(context, metadata))
