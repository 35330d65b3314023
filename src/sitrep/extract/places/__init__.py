"""Where: ``sitrep_places`` finds place mentions and puts them on the map.

Data flow: ``candidates`` (which mentions may be places; ``sites`` for streets and buildings) →
``geocoding`` (gazetteer look-up, nearest to the article's other places) → ``neighbours``
(bracketed bearings, lists of front-line villages) → ``metonymy`` (a place naming a government).
"""
