"""sitrep's spaCy components, one module per component.

`sitrep.pipeline` imports the component modules (which registers their factories) and gives
their order in `COMPONENTS`. This package's own import stays light on purpose: `import sitrep`
imports it, and `sitrep.extract` (the function) must not be shadowed by the subpackage.
"""
