#!/usr/bin/env python3
"""Generate the reference docs that must not drift from the code.

    .venv/bin/python scripts/build_docs.py          # rewrite docs/cli.md and the field tables of docs/record.md
    .venv/bin/python scripts/build_docs.py --check  # exit 1 when either is out of date (the test suite runs this)

docs/cli.md is every command's --help; docs/errors.md every error message; docs/record.md keeps its hand-written prose and gets
its field tables (between the GENERATED markers) from the pydantic models in sitrep.models.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

import typer.main
from pydantic import BaseModel

from sitrep import models
from sitrep.cli import app

ROOT = Path(__file__).resolve().parents[1]
CLI_MD = ROOT / "docs" / "cli.md"
RECORD_MD = ROOT / "docs" / "record.md"
ERRORS_MD = ROOT / "docs" / "errors.md"
BEGIN, END = "<!-- GENERATED: fields (scripts/build_docs.py) -->", "<!-- END GENERATED -->"
RECORD_MODELS = (
    models.Record, models.ArticleMeta, models.Span, models.Place, models.Unit, models.Source, models.Actor,
    models.Quote, models.Claim, models.Event, models.Forecast, models.Quantity, models.TimeRef,
)


def help_text(command: Any, path: list[str]) -> str:
    # Plain click formatting: typer's rich panels print straight to the terminal and draw boxes.
    if hasattr(command, "rich_markup_mode"):
        command.rich_markup_mode = None
    ctx = command.context_class(command, info_name=" ".join(path), terminal_width=100, max_content_width=100)
    with ctx:
        return str(command.get_help(ctx))


def cli_markdown() -> str:
    root = typer.main.get_command(app)
    parts = ["# Command-line reference", "", "Generated from `--help` by `scripts/build_docs.py`; do not edit by hand.", ""]

    def walk(command: Any, path: list[str]) -> None:
        parts.extend([f"## `{' '.join(path)}`", "", "```text", help_text(command, path).rstrip(), "```", ""])
        if hasattr(command, "list_commands"):  # a group (typer vendors its own click: no isinstance)
            for name in sorted(command.list_commands(None)):
                sub = command.get_command(None, name)
                if sub is not None and not sub.hidden:
                    walk(sub, [*path, name])

    walk(root, ["sitrep"])
    return "\n".join(parts).rstrip() + "\n"


def type_name(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " | ".join(type_name(s) for s in schema["anyOf"])
    if "enum" in schema:
        return " / ".join(f"`{v}`" for v in schema["enum"])
    if schema.get("type") == "array":
        return f"list of {type_name(schema.get('items', {}))}"
    if schema.get("type") == "object":
        return "mapping"
    return {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "null"}.get(
        schema.get("type", ""), schema.get("format", "any")
    ) + (f" ({schema['format']})" if "format" in schema and schema.get("type") == "string" else "")


def model_table(model: type[BaseModel]) -> str:
    schema = model.model_json_schema()
    required = set(schema.get("required", []))
    rows = [f"### {model.__name__}", "", (model.__doc__ or "").strip().splitlines()[0] if model.__doc__ else "", ""]
    rows += ["| field | type | required | description |", "|---|---|---|---|"]
    for name, prop in schema["properties"].items():
        desc = prop.get("description", "").replace("|", "\\|")
        rows.append(f"| `{name}` | {type_name(prop)} | {'yes' if name in required else ''} | {desc} |")
    return "\n".join(r for r in rows) + "\n"


def record_markdown(current: str) -> str:
    tables = "\n".join(model_table(m) for m in RECORD_MODELS)
    block = f"{BEGIN}\n\n{tables}\n{END}"
    if BEGIN in current:
        return re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: block, current, flags=re.S)
    return current.rstrip() + "\n\n" + block + "\n"


def errors_markdown() -> str:
    from sitrep.errors import Messages
    from sitrep.errors import __doc__ as tree

    lines = ["# Errors", "", "Generated from `src/sitrep/errors.py` by `scripts/build_docs.py`; do not edit by hand.", ""]
    lines += [(tree or "").strip(), "", "| code | message |", "|---|---|"]
    lines += ["| {} | {} |".format(m.name, m.value.replace("|", "\\|")) for m in Messages]
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    wanted = {
        CLI_MD: cli_markdown(),
        RECORD_MD: record_markdown(RECORD_MD.read_text(encoding="utf-8")),
        ERRORS_MD: errors_markdown(),
    }
    stale = [p for p, text in wanted.items() if not p.is_file() or p.read_text(encoding="utf-8") != text]
    if args.check:
        for p in stale:
            print(f"{p.relative_to(ROOT)} is out of date: run scripts/build_docs.py", file=sys.stderr)
        return 1 if stale else 0
    for p in stale:
        p.write_text(wanted[p], encoding="utf-8")
        print(f"wrote {p.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
