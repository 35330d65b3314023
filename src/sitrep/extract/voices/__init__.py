"""Who says what on whose authority: quotes, their speakers, sources, claims and actors.

Data flow: ``sitrep_sources`` → ``sitrep_actors`` → ``sitrep_quotes`` → ``sitrep_speakers`` →
``sitrep_claims``; ``mentions`` and ``headings`` resolve who a cue's subject is, ``cues`` reads
the shared lexicon (verbs of saying, stance, hedges, negation, sides).
"""
