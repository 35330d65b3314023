"""How a control map verdict reads beside a fact, a proposition or a citation.

    >>> check_label(None)
    ''
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..resolve.facts import Fact
from ..store.control import CheckRow


def check_label(check: CheckRow | None) -> str:
    """'map deepstate: consistent (maps 2025-11-01 → 2025-11-15): Pokrovsk held by RU …'."""
    if check is None:
        return ""
    if check.before_on is None and check.after_on is None:
        return f"map {check.layer}: {check.verdict}: {check.reason}"
    maps = f"{check.before_on or 'none before'} → {check.after_on or 'none after'}"
    return f"map {check.layer}: {check.verdict} (maps {maps}): {check.reason}"


def check_json(check: CheckRow | None) -> dict[str, Any] | None:
    if check is None:
        return None
    return {
        "verdict": check.verdict,
        "reason": check.reason,
        "layer": check.layer,
        "before": {"map": check.before_map, "on": check.before_on, "state": check.before_state},
        "after": {"map": check.after_map, "on": check.after_on, "state": check.after_state},
        "km": check.km,
        "checker": check.checker,
    }


def map_note(facts: Iterable[Fact]) -> str:
    """' Map (deepstate): 2 of 3 checked reports consistent, 1 undetermined (…).' or '' when none was checked."""
    checks = [f.check for f in facts if f.check is not None]
    if not checks:
        return ""
    counts = Counter(c.verdict for c in checks)
    decided = counts["consistent"] + counts["inconsistent"]
    parts = [f"{counts['consistent']} of {decided} decided reports consistent"] if decided else []
    if counts["undetermined"]:
        parts.append(f"{counts['undetermined']} undetermined")
    first = next((c for c in checks if c.verdict != "undetermined"), checks[0])
    return f" Map ({first.layer}, not proof): {', '.join(parts)}; {first.reason}."
