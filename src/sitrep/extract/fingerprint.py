"""A component's stored version: its number plus a hash of the code and data it runs on.

``sitrep reprocess`` compares the versions stored with a record against the current ones, so a
component whose code or word lists changed re-extracts, and one that did not is left alone.
The hash covers the component's module, every ``sitrep`` module it imports (transitively), the
lexicon files those modules read (``LEX.words("…")``) and the data files they name
(``orbat.csv``; for the gazetteer, its fingerprint).

    >>> from sitrep.extract.units.units import VERSION
    >>> version_of("sitrep.extract.units.units").startswith(f"{VERSION}+")
    True
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import re
from functools import cache
from pathlib import Path

from ..lexicons import ROOT as LEXICONS

PACKAGE = Path(__file__).resolve().parents[1]  # src/sitrep
_LEXICON_READ = re.compile(r"""(?:LEX|lex)\.(?:words|ordered|table|json|entries)\(\s*["']([\w/]+)["']""")
_DATA_FILE = re.compile(r"""["']([\w-]+\.(?:csv|sqlite))["']""")


def _path_of(module: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):  # "sitrep.models.Span": a name imported from a module
        return None
    return Path(spec.origin) if spec and spec.origin and spec.origin.endswith(".py") else None


def _imports(module: str, path: Path) -> set[str]:
    """The sitrep modules `module` imports (relative and absolute, top level and in functions)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            if base.startswith("sitrep"):
                found.add(base)
                found.update(f"{base}.{a.name}" for a in node.names)  # "from . import x" names modules
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("sitrep"))
    return {m for m in found if _path_of(m) is not None}


def _closure(module: str) -> dict[str, Path]:
    seen: dict[str, Path] = {}
    todo = [module]
    while todo:
        name = todo.pop()
        path = _path_of(name)
        if name in seen or path is None:
            continue
        seen[name] = path
        todo.extend(_imports(name, path) - seen.keys())
    return seen


def inputs_of(module: str, *, lang: str = "en") -> list[Path]:
    """Every file whose change changes what `module`'s component extracts."""
    sources = _closure(module)
    paths = set(sources.values())
    for path in sources.values():
        text = path.read_text(encoding="utf-8")
        for name in _LEXICON_READ.findall(text):
            paths.update(p for p in (LEXICONS / lang).glob(f"{name}.*") if p.suffix in {".txt", ".json"})
        for name in _DATA_FILE.findall(text):
            data = PACKAGE / "data" / name
            fingerprint = data.with_name(f"{data.stem}.fingerprint.json")
            paths.add(fingerprint if fingerprint.is_file() else data)
    return sorted(p for p in paths if p.is_file())


def digest_of(paths: list[Path], *, root: Path = PACKAGE) -> str:
    """12 hex digits of a hash over the files' names (relative to `root`) and bytes."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@cache
def version_of(module: str, *, lang: str = "en") -> str:
    """'<VERSION>+<hash>': the component's declared number and the hash of its inputs."""
    number = getattr(importlib.import_module(module), "VERSION", 0)
    return f"{number}+{digest_of(inputs_of(module, lang=lang))}"
