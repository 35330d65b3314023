"""Track records as a table, JSON or Markdown (what `sitrep sources` prints).

Every figure keeps its denominator ("9 of 12"), never a bare percentage, and a source with
fewer than five claims with an outcome says "too few to judge".

    >>> from sitrep.resolve.track_records import TrackRecord
    >>> rows([TrackRecord("TASS", "outlet", claims=3)])[0][-1]
    'too few to judge'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from ..resolve.track_records import MIN_BRIER, MIN_CHECKED, TrackRecord

HEADER = (
    "source",
    "kind",
    "claims",
    "with outcome",
    "corroborated",
    "contradicted",
    "map consistent",
    "map undetermined",
    "forecasts came true",
    "Brier",
    "judgement",
)


def _brier(r: TrackRecord) -> str:
    if r.brier is not None:
        return f"{r.brier:.3f} (n={r.brier_n})"
    return f"– ({r.brier_n} of {MIN_BRIER} needed)" if r.brier_n else "–"


def rows(records: Sequence[TrackRecord]) -> list[tuple[str, ...]]:
    """One tuple of cells per record, in HEADER's order."""
    return [
        (
            r.name,
            r.kind,
            str(r.claims),
            str(r.with_outcome),
            f"{r.corroborated} of {r.claims}",
            f"{r.contradicted} of {r.claims}",
            f"{r.consistent} of {r.map_checked}",
            str(r.undetermined),
            f"{r.came_true} of {r.resolved} resolved ({r.forecasts} made)",
            _brier(r),
            "" if r.judged else "too few to judge",
        )
        for r in records
    ]


def as_json(records: Sequence[TrackRecord]) -> list[dict[str, Any]]:
    return [
        asdict(r)
        | {
            "map_checked": r.map_checked,
            "resolved": r.resolved,
            "judged": r.judged,
            "note": r.note(),
        }
        for r in records
    ]


def as_markdown(records: Sequence[TrackRecord]) -> str:
    out = [
        "# Track records",
        "",
        f"_Claims with an outcome: corroborated by an independent outlet, contradicted, or checked against "
        f"a control map. Fewer than {MIN_CHECKED}: too few to judge. Map consistency is not truth: maps lag "
        f"and err. A Brier score needs {MIN_BRIER} resolved forecasts with a stated likelihood._",
        "",
        "| " + " | ".join(HEADER) + " |",
        "|" + "---|" * len(HEADER),
    ]
    out += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows(records)]
    return "\n".join(out) + "\n"
