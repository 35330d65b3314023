"""Two first runs at once on an empty PostgreSQL database: both end with the schema, neither fails.

Runs when SITREP_TEST_PG_URL names a server where the user may create databases (see
test_postgres.py). The processes import sitrep first and then open the store at the same
instant, so the race the advisory lock prevents is really run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from sitrep.store import Store, head_revision
from sitrep.store.db import engine_url

PG_URL = os.environ.get("SITREP_TEST_PG_URL")
SRC = Path(__file__).resolve().parents[2] / "src"

pytestmark = pytest.mark.skipif(
    not PG_URL, reason="no PostgreSQL server: set SITREP_TEST_PG_URL=postgresql://user@host:port/db"
)

OPEN_AT = """
import sys, time
from sitrep.store import Store
start = float(sys.argv[2])
time.sleep(max(0.0, start - time.time()))
with Store.open(sys.argv[1]) as store:
    print(store.revision())
"""


@pytest.fixture
def empty_db():
    admin = create_engine(engine_url(PG_URL or ""), isolation_level="AUTOCOMMIT")
    name = f"sitrep_race_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(engine_url(PG_URL or "")).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.mark.parametrize("runs", [3])
def test_two_first_runs_do_not_race_in_migration(empty_db, runs):
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    start = time.time() + 4.0  # both have imported sitrep by then
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_AT, empty_db, str(start)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(runs)
    ]
    outcomes = [proc.communicate(timeout=120) for proc in procs]
    for proc, (out, err) in zip(procs, outcomes, strict=True):
        assert proc.returncode == 0, err
        assert out.strip() == head_revision()
    with Store.open(empty_db) as store:
        assert store.revision() == head_revision()
