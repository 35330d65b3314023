"""The Dask worker plugin that loads sitrep's pipeline once per worker, when the worker starts.

Kept apart from `sitrep.parallel` because it imports ``distributed`` (slow to import), which
only a Dask run needs. A worker keeps the loaded Extractor in `sitrep.parallel.extractor_for`'s
cache, so every chunk it is sent after that reuses it.
"""

from __future__ import annotations

from distributed import WorkerPlugin

from .config import Settings
from .parallel import extractor_for


class LoadPipeline(WorkerPlugin):
    """Load the spaCy pipeline with sitrep's components as soon as a worker joins the cluster."""

    name = "sitrep-pipeline"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: object) -> None:
        extractor_for(self.settings)
