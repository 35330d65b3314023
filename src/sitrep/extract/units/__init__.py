"""Which formations: ``sitrep_units`` finds military units and matches them to the ORBAT table (``orbat``)."""
