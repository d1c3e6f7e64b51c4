"""One module per third-party library the profiles use.

Every heavy resource (pronunciation dictionary, word frequencies, sentiment lexicon, NLTK) is loaded lazily, the
first time it is needed, and only once (``functools.lru_cache``). Importing :mod:`workshop` loads none of them, and
nothing here ever opens a network connection: see ``textstat_adapter`` for how textstat is kept offline.
"""
