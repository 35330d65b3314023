"""English number words, shared by quantities, times and the forecast ledger (no spaCy import).

>>> SMALL["twelve"], COUNT_WORDS["a few"]
(12, 3)
"""

from __future__ import annotations

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split()
)
_UNITS += "sixteen seventeen eighteen nineteen".split()
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

#: Number words with their values ("twenty" → 20).
SMALL: dict[str, int] = {word: value for value, word in enumerate(_UNITS)} | _TENS

#: Words that count a unit of time ("a few weeks", "several months"): the vague ones read as 3.
COUNT_WORDS: dict[str, int] = (
    {"a": 1, "an": 1}
    | {w: v for w, v in SMALL.items() if 1 <= v <= 12}
    | {"several": 3, "few": 3, "a few": 3}
)
