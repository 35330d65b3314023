"""The examples in the library's docstrings run and print what they show.

One test per module that has runnable examples. Examples marked `+SKIP` (they need the
spaCy model or a web server) are not run; a module with only such examples has no test,
so nothing here reports as skipped. Alembic's migration scripts are not importable modules.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from types import ModuleType

import pytest

import sitrep

FINDER = doctest.DocTestFinder()


def _modules() -> list[str]:
    names = [sitrep.__name__]
    for info in pkgutil.walk_packages(sitrep.__path__, prefix=f"{sitrep.__name__}."):
        if ".migrations" not in info.name:
            names.append(info.name)
    return sorted(names)


def _runnable(test: doctest.DocTest) -> bool:
    return any(not example.options.get(doctest.SKIP) for example in test.examples)


def _with_examples() -> list[str]:
    found = []
    for name in _modules():
        module = importlib.import_module(name)
        if any(_runnable(test) for test in FINDER.find(module)):
            found.append(name)
    return found


@pytest.mark.parametrize("name", _with_examples())
def test_docstring_examples_run(name: str) -> None:
    module: ModuleType = importlib.import_module(name)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS, verbose=False)
    for test in FINDER.find(module):
        runner.run(test)  # prints each failing example, with what it got, to the captured output
    failed = runner.summarize(verbose=False).failed
    assert failed == 0, f"{failed} docstring example(s) of {name} failed: see the captured output above"


def test_the_library_has_examples() -> None:
    # A guard: the walk above finding nothing would make this file pass while testing nothing.
    assert len(_with_examples()) >= 20
