"""Docs that can't drift: generated references are current, and every component and setting is documented."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.config import Settings
from sitrep.pipeline import COMPONENTS

ROOT = Path(__file__).resolve().parents[1]


def test_generated_docs_are_current():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_docs.py"), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("factory,field", COMPONENTS)
def test_every_component_is_documented(factory, field):
    assert f"`{factory}`" in (ROOT / "docs" / "record.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("variable", ["SITREP_MODEL", "SITREP_DB", "SITREP_MAX_BYTES"])
def test_every_setting_is_documented(variable):
    assert variable in (ROOT / "README.md").read_text(encoding="utf-8")
    assert variable in (Settings.from_env.__doc__ or "") + (Settings.__doc__ or "")
