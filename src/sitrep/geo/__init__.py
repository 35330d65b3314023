"""Geography: the offline gazetteer that places are resolved against."""

from .distance import distance_km
from .gazetteer import Entry, Gazetteer, get_gazetteer, name_key

__all__ = ["Entry", "Gazetteer", "distance_km", "get_gazetteer", "name_key"]
