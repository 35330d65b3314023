"""Alembic environment for sitrep's store: run with a connection given by `sitrep.store.migrate`.

`sitrep.store.db` opens the connection (with WAL, foreign keys and BEGIN IMMEDIATE on SQLite)
and passes it in ``config.attributes["connection"]`` inside its own transaction, as in
Alembic's "Sharing a Connection across one or more programmatic migration commands".
Without one (the `alembic` command line), an engine is made from ``sqlalchemy.url``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from sitrep.store.schema import is_search_object, metadata


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    return not is_search_object(name, type_)


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    return not is_search_object(name, type_)


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_name=include_name,
        include_object=include_object,
        compare_type=True,
        # SQLite can't ALTER most things: later migrations copy-and-move tables in batch mode.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_offline() -> None:
    context.configure(
        url=context.config.get_main_option("sqlalchemy.url"),
        target_metadata=metadata,
        literal_binds=True,
        include_name=include_name,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    engine = create_engine(context.config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as conn:
        run_migrations(conn)
    engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
