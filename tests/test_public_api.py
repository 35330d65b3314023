"""The curated public API: what `import sitrep` offers is deliberate."""

from __future__ import annotations

import sitrep

EXPECTED = {
    "ConfigError",
    "Extractor",
    "InputError",
    "NotFoundError",
    "Record",
    "Settings",
    "SitrepError",
    "Store",
    "StoreError",
    "__version__",
    "extract",
    "ingest",
    "load_pipeline",
}


def test_all_is_exactly_the_curated_api():
    assert set(sitrep.__all__) == EXPECTED


def test_importing_sitrep_does_not_load_spacy():
    import subprocess
    import sys

    code = "import sys, sitrep; print('spacy' in sys.modules, 'sqlalchemy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


def test_every_exported_name_exists():
    for name in sitrep.__all__:
        assert hasattr(sitrep, name), name


def test_public_objects_belong_to_sitrep():
    for name in sitrep.__all__:
        obj = getattr(sitrep, name)
        if hasattr(obj, "__module__"):
            assert obj.__module__.startswith("sitrep"), name


def test_extract_function_is_not_shadowed_by_the_extract_subpackage():
    import sitrep.extract.places.places  # noqa: F401
    import sitrep.pipeline  # noqa: F401

    assert callable(sitrep.extract) and sitrep.extract.__module__ == "sitrep"
