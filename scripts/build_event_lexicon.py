#!/usr/bin/env python3
"""Build the WordNet-derived event lexicons under src/sitrep/lexicons/en/events/.

    apt-get install wordnet-base              # Princeton WordNet 3.0 (Debian), /usr/share/wordnet
    .venv/bin/python scripts/build_event_lexicon.py           # write the files
    .venv/bin/python scripts/build_event_lexicon.py --check   # exit 1 if the shipped files differ

Two files come out, both read by sitrep.extract.events:

- ``triggers_derived.txt``: nominalisations of the hand-curated trigger verbs
  (``triggers.txt``), from WordNet's derivational links ("capture" → "capture",
  "encircle" → "encirclement", "bombard" → "bombardment"), kept only where the verb sense is
  one of war, motion, contact or possession and the noun names an act or event;
- ``armed_agents.txt``: words for who wages war (WordNet's hyponyms of military unit,
  military personnel, armed forces) and what it is waged with (weapon, munition,
  warplane, warship): the arguments that tell "forces struck" from "sanctions hit".

Princeton WordNet 3.0 licence: free use with its copyright notice (see data/README.md).
The reader is WordNet's own data-file format (wndb(5WN)), parsed here with the standard library.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "sitrep" / "lexicons" / "en" / "events"
WORDNET = Path("/usr/share/wordnet")

# WordNet's lexicographer files (lexnames(5WN)) by number, the ones used here.
VERB_FILES = {30: "change", 33: "competition", 35: "contact", 38: "motion", 40: "possession", 41: "social"}
NOUN_FILES = {4: "act", 11: "event"}
# Roots of the armed-agent lexicon: synsets named by (lemma, gloss start) so a reader can
# look each one up; their hyponym closure is taken.
AGENT_ROOTS = [
    ("military_unit", "a unit that is part of some military service"),
    ("military_personnel", "soldiers collectively"),
    ("armed_forces", "the military forces of a nation"),
    ("serviceman", "someone who serves in the armed forces"),
    ("weapon", "any instrument or instrumentality used in fighting"),
    ("munition", "military supplies"),
    ("ammunition", "projectiles to be fired from a gun"),
    ("warplane", "an aircraft designed and used for combat"),
    ("warship", "a government ship that is available for waging war"),
]


class Synset:
    __slots__ = ("offset", "lexfile", "pos", "words", "pointers", "gloss")

    def __init__(self, line: str) -> None:
        head, _, self.gloss = line.partition(" | ")
        f = head.split()
        self.offset, self.lexfile, self.pos = f[0], int(f[1]), f[2]
        n = int(f[3], 16)
        self.words = [f[4 + 2 * i].lower() for i in range(n)]
        k = 4 + 2 * n
        p = int(f[k])
        # (symbol, target offset, target pos, source/target word numbers)
        self.pointers = [tuple(f[k + 1 + 4 * i : k + 5 + 4 * i]) for i in range(p)]


def read(pos: str, root: Path) -> dict[str, Synset]:
    out = {}
    for line in (root / f"data.{pos}").read_text(encoding="latin-1").splitlines():
        if line and not line.startswith(" "):
            s = Synset(line)
            out[s.offset] = s
    return out


def word(s: Synset, number: str) -> str:
    """A synset's word by its 1-based hex number (00 = the whole synset)."""
    return s.words[int(number, 16) - 1]


def triggers(root: Path) -> dict[str, str]:
    """Curated trigger verbs (lemma → event type) from triggers.txt."""
    out = {}
    for line in (OUT / "triggers.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lemma, etype = line.split()[:2]
            out[lemma] = etype
    return out


def derived(root: Path) -> dict[str, str]:
    """noun → event type: the act/event nouns WordNet derives from a trigger verb's war senses."""
    verbs, nouns = read("verb", root), read("noun", root)
    curated = triggers(root)
    first = first_senses(root)
    out: dict[str, str] = {}
    for s in verbs.values():
        if s.lexfile not in VERB_FILES:
            continue
        for sym, target, pos, st in s.pointers:
            if sym != "+" or pos != "n" or st == "0000":
                continue
            verb = word(s, st[:2])
            etype = curated.get(verb)
            noun_syn = nouns.get(target)
            if etype is None or noun_syn is None or noun_syn.lexfile not in NOUN_FILES:
                continue
            noun = word(noun_syn, st[2:])
            # the noun's most frequent sense must be this act ("flight" is first a formation of
            # aircraft); gerunds are left to the lemmatiser, which gives the verb
            if first.get(noun) != target or noun.endswith("ing"):
                continue
            if "_" not in noun and noun not in curated:
                out.setdefault(noun, etype)
    return dict(sorted(out.items()))


def agents(root: Path) -> list[str]:
    """Single words for armed agents and weapons: the hyponym closure of AGENT_ROOTS."""
    nouns = read("noun", root)
    children = defaultdict(list)
    for s in nouns.values():
        for sym, target, pos, _ in s.pointers:
            if sym == "~" and pos == "n":  # kinds, not named instances (generals, battles)
                children[s.offset].append(target)
    seeds = [
        s.offset
        for lemma, gloss in AGENT_ROOTS
        for s in nouns.values()
        if lemma in s.words and s.gloss.strip().startswith(gloss)
    ]
    if len(seeds) < len(AGENT_ROOTS):
        sys.exit(f"a root synset was not found in {root}: is this WordNet 3.0?")
    seen, todo = set(), list(seeds)
    while todo:
        off = todo.pop()
        if off not in seen:
            seen.add(off)
            todo.extend(children[off])
    words = {w for off in seen for w in nouns[off].words if "_" not in w and "-" not in w}
    # a word counts only where its most frequent sense is armed ("force", "troops"), not where
    # that is only a rare one ("company", "man", "wing")
    first = first_senses(root)
    return sorted(w for w in words if w.isalpha() and len(w) > 2 and first.get(w) in seen)


def first_senses(root: Path) -> dict[str, str]:
    """noun → offset of its most frequent sense (index.noun lists senses by frequency)."""
    out = {}
    for line in (root / "index.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        f = line.split()
        n_ptr = int(f[3])
        offsets = f[4 + n_ptr + 2 :]
        if offsets:
            out[f[0]] = offsets[0]
    return out


HEADER_TRIGGERS = """\
# Event nouns derived from the trigger verbs of triggers.txt ("the capture of", "an encirclement").
# Generated by scripts/build_event_lexicon.py: do not edit by hand.
# read by: sitrep.extract.events.lexicon (TRIGGERS, after triggers.txt)
# source: Princeton WordNet 3.0 (Debian wordnet-base), derivationally related forms of the
#   verbs' senses in verb.{change,competition,contact,motion,possession,social} that are nouns
#   in noun.act or noun.event and the noun's most frequent sense; the event type is the verb's
#   in triggers.txt
"""
HEADER_AGENTS = """\
# Who wages war and with what: the arguments that make a trigger an event of war
# ("Russian troops struck", "a missile hit"), not of trade or politics ("sanctions hit").
# Generated by scripts/build_event_lexicon.py: do not edit by hand.
# read by: sitrep.extract.events.arguments (ARMED)
# source: Princeton WordNet 3.0 (Debian wordnet-base), single-word members of the hyponym
#   closure of military_unit, military_personnel, armed_forces, serviceman, weapon, munition,
#   ammunition, warplane, warship, whose most frequent sense lies in that closure
"""


def render(root: Path) -> dict[Path, str]:
    trig = derived(root)
    width = max(len(w) for w in trig) + 2
    return {
        OUT / "triggers_derived.txt": HEADER_TRIGGERS
        + "\n"
        + "".join(f"{w.ljust(width)}{t}\n" for w, t in trig.items()),
        OUT / "armed_agents.txt": HEADER_AGENTS + "\n" + "".join(f"{w}\n" for w in agents(root)),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--wordnet", type=Path, default=WORDNET, help="WordNet 3.0 dict folder (data.noun, data.verb)."
    )
    ap.add_argument("--check", action="store_true", help="Exit 1 when a shipped file differs from the build.")
    args = ap.parse_args()
    if not (args.wordnet / "data.noun").is_file():
        print(
            f"no WordNet at {args.wordnet}: apt-get install wordnet-base, or pass --wordnet DIR",
            file=sys.stderr,
        )
        return 2
    stale = []
    for path, text in render(args.wordnet).items():
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)} ({text.count(chr(10)) - text.count(chr(10) + '#')} lines)")
    for path in stale:
        print(f"{path.relative_to(ROOT)} differs from the build", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
