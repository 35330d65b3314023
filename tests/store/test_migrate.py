"""Migrations: a database is created from empty, matches the models, and refuses unknown revisions."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, text

from sitrep.errors import ConfigError
from sitrep.store import Store, head_revision
from sitrep.store.migrate import alembic_config, schema_diff


def autogenerate_diff(store: Store) -> list:
    with store.engine.connect() as conn:
        return schema_diff(conn)


def test_an_empty_database_is_migrated_to_head_on_open(db_url):
    with Store.open(db_url) as store:
        assert store.revision() == head_revision()
        tables = set(inspect(store.engine).get_table_names())
    assert {"articles", "records", "rejections", "articles_fts", "alembic_version"} <= tables


def test_the_migrations_match_the_models(store):
    assert autogenerate_diff(store) == []


def test_downgrade_to_empty_and_upgrade_again(store):
    with store.engine.connect() as conn, conn.begin():
        command.downgrade(alembic_config(conn), "base")
    assert set(inspect(store.engine).get_table_names()) == {"alembic_version"}
    result = store.migrate()
    assert (result.before, result.after) == (None, head_revision())
    assert autogenerate_diff(store) == []


def test_migrate_at_head_changes_nothing(store):
    result = store.migrate()
    assert not result.changed


def test_open_without_migrating_says_to_run_migrate(db_url):
    with pytest.raises(ConfigError) as error:
        Store.open(db_url, migrate=False)
    assert error.value.code == "E005"
    assert "sitrep migrate" in str(error.value)


def test_a_database_from_a_newer_sitrep_is_refused(store, db_url):
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(ConfigError) as error:
        Store.open(db_url)
    assert error.value.code == "E205"


@pytest.mark.parametrize("url", ["nosuchdialect://x/y", "sqlite:////no/such/directory/sitrep.db"])
def test_an_unusable_url_is_a_config_error(url):
    with pytest.raises(ConfigError) as error:
        Store.open(url)
    assert error.value.code == "E003"


def test_migrate_refuses_a_newer_database_without_touching_it(store):
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(ConfigError) as error:
        store.migrate()
    assert error.value.code == "E205"
    assert store.revision() == "9999"


def test_open_reports_what_it_did_to_the_schema(db_url):
    with Store.open(db_url) as first:
        assert (first.migration.before, first.migration.after) == (None, head_revision())
    with Store.open(db_url) as second:
        assert not second.migration.changed


def test_open_without_create_refuses_a_missing_sqlite_file(tmp_path):
    with pytest.raises(ConfigError) as error:
        Store.open(f"sqlite:///{tmp_path / 'typo.db'}", create=False)
    assert error.value.code == "E207"
    assert not (tmp_path / "typo.db").exists()
