"""Lexicons are data with a source; extract/ holds mechanisms, not word lists."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from sitrep.errors import ConfigError
from sitrep.lexicons import Lexicon, files, languages, lexicon, parse

ROOT = Path(__file__).resolve().parents[2]
EXTRACT = ROOT / "src" / "sitrep" / "extract"
MAX_ENTRIES = 20  # issue 10: no module-level word list of more than 20 entries in extract/


def _entries(node: ast.AST) -> int:
    """String literals in an expression, counting each word of a `"a b c".split()` as one."""
    count = 0
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            count += 1
        if (
            isinstance(sub, ast.Call)
            and isinstance(sub.func, ast.Attribute)
            and sub.func.attr == "split"
            and isinstance(sub.func.value, ast.Constant)
            and isinstance(sub.func.value.value, str)
        ):
            count += len(sub.func.value.value.split()) - 1
    return count


def _module_level_lists() -> list[tuple[str, str, int]]:
    found = []
    for path in sorted(EXTRACT.rglob("*.py")):
        for statement in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(statement, ast.Assign | ast.AnnAssign) and statement.value is not None:
                target = statement.targets[0] if isinstance(statement, ast.Assign) else statement.target
                found.append((str(path.relative_to(ROOT)), ast.unparse(target), _entries(statement.value)))
    return found


def test_no_module_level_word_list_in_extract_holds_more_than_20_entries():
    too_long = [(path, name, n) for path, name, n in _module_level_lists() if n > MAX_ENTRIES]
    assert not too_long, f"move these into src/sitrep/lexicons/<lang>/: {too_long}"


def test_the_ast_check_counts_split_words_and_dict_entries():
    tree = ast.parse('A = set("one two three".split()) | {"four": "x"}')
    assert _entries(tree.body[0].value) == 5  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", files("en"), ids=lambda p: p.name)
def test_every_lexicon_file_names_its_source(path):
    if path.suffix == ".json":
        assert json.loads(path.read_text(encoding="utf-8"))["source"]
    else:
        entries = parse(path)
        assert any(line.lower().startswith("source:") for line in entries.header)
        assert entries.tags, f"{path} has no entries"


def test_tags_and_sections_give_tables_and_subsets(tmp_path):
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "verbs.txt").write_text(
        "# Verbs for a test.\n# source: written for this test\n\n[asserts]\nsay  speech\nclaim\n[denies]\ndeny  speech\n",
        encoding="utf-8",
    )
    entries = parse(tmp_path / "xx" / "verbs.txt")
    assert entries.tags == {"say": ("asserts", "speech"), "claim": ("asserts",), "deny": ("denies", "speech")}


def test_a_file_without_a_source_is_a_coded_error(tmp_path):
    path = tmp_path / "hedges.txt"
    path.write_text("# Hedges.\nmaybe\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="E010.*source"):
        parse(path)


def test_an_unknown_language_lists_the_known_ones():
    assert "en" in languages()
    with pytest.raises(ConfigError, match="E011.*en"):
        Lexicon("xx")


def test_a_missing_file_is_a_coded_error():
    with pytest.raises(ConfigError, match="E012.*no_such_list"):
        lexicon("en").words("no_such_list")


@pytest.mark.parametrize(
    "name,tag,words",
    [
        ("verbs_of_saying", "denies", {"deny", "reject"}),
        ("verbs_of_saying", "speech", {"say", "tell"}),
        ("hedges", "claim", {"reportedly", "could"}),
        ("negation", None, {"not", "never"}),
    ],
)
def test_the_shared_lexicon_holds_the_core_words(name, tag, words):
    assert words <= lexicon("en").words(name, tag)


def test_sides_put_each_word_on_one_side_only():
    table = lexicon("en").entries("sides").tags
    assert not [w for w, tags in table.items() if "UA" in tags and "RU" in tags]
    assert lexicon("en").table("sides", ("UA", "RU"))["kyiv"] == "UA"
