"""Geography: the offline gazetteer that places are resolved against."""

from .gazetteer import Entry, Gazetteer, get_gazetteer, name_key

__all__ = ["Entry", "Gazetteer", "get_gazetteer", "name_key"]
