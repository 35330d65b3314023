"""sitrep's spaCy components. Importing this package registers their factories.

One module per component; `sitrep.pipeline.COMPONENTS` gives their order.
"""

from . import actors, places  # noqa: F401
