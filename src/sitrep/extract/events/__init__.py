"""What happened, when and how much: times, quantities, events and forecasts.

Data flow: ``sitrep_times`` and ``sitrep_quantities`` → ``sitrep_events`` (triggers from
``lexicon``, a place from ``event_places``, a status from ``status``) → ``sitrep_forecasts``.
"""
