"""The Dask worker plugin that loads sitrep's pipeline once per worker, when the worker starts.

Kept apart from `sitrep.parallel` because it imports ``distributed`` (slow to import), which
only a Dask run needs. A worker keeps the loaded Extractor in `sitrep.parallel.extractor_for`'s
cache, so every chunk it is sent after that reuses it.
"""

from __future__ import annotations

from distributed import WorkerPlugin

from .config import Settings
from .parallel import extractor_for
from .pipeline import CYRILLIC


class LoadPipeline(WorkerPlugin):
    """Load the spaCy pipelines with sitrep's components as soon as a worker joins the cluster.

    The Ukrainian, Russian and other-language pipelines too: a worker lives for many chunks,
    and loading one of them (seconds) on the first article in that language stalled that
    worker's chunk while the others waited for it.
    """

    name = "sitrep-pipeline"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: object) -> None:
        extractor = extractor_for(self.settings)
        for lang in (*CYRILLIC, "xx"):
            extractor.pipeline_for(lang)
