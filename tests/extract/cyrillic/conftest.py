"""The Ukrainian and Russian pipelines, loaded once per session."""

from __future__ import annotations

import pytest

from sitrep.config import Settings
from sitrep.pipeline import load_pipeline


@pytest.fixture(scope="session")
def uk():
    return load_pipeline(Settings(), lang="uk")


@pytest.fixture(scope="session")
def ru():
    return load_pipeline(Settings(), lang="ru")


@pytest.fixture
def nlp_of(uk, ru):
    return {"uk": uk, "ru": ru}.__getitem__
