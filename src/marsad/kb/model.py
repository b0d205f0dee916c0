"""Knowledge-base entries: :class:`Actor` and :class:`Place`, and their allowed values."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.document import CATEGORIES

ACTOR_TYPES = ("organization", "person")
GENDERS = ("m", "f")
PLACE_KINDS = (
    "country", "governorate", "district", "subdistrict", "city", "town", "village", "neighbourhood",
    "oil_field", "base", "crossing", "camp", "dam", "airport", "region", "river", "mountain",
)
ACTOR_CATEGORIES = CATEGORIES

# field -> required?  (the layout of one YAML entry; anything else is a typo)
ACTOR_FIELDS: dict[str, bool] = {
    "id": True, "name": True, "name_en": False, "type": True, "category": True, "country": False,
    "parent": False, "affiliation": False, "role": False, "gender": False, "aliases": False,
    "generic": False, "ambiguous": False,
}
PLACE_FIELDS: dict[str, bool] = {
    "id": True, "name": True, "name_en": False, "kind": True, "lat": True, "lon": True,
    "country": False, "admin1": False, "parent": False, "aliases": False, "ambiguous": False,
    "geonames_id": False, "population": False, "source": False,
}


@dataclass(frozen=True, slots=True)
class Actor:
    """An organisation or a person that acts, speaks or suffers in the news.

    ``aliases`` are matched on their own; ``generic`` forms ("القوات") only help
    coreference once the actor is already in the text.  ``ambiguous`` lists the
    aliases knowingly shared with another actor.
    """

    id: str
    name: str
    type: str
    category: str
    name_en: str | None = None
    country: str | None = None
    parent: str | None = None
    affiliation: str | None = None
    role: str | None = None
    gender: str | None = None
    aliases: tuple[str, ...] = ()
    generic: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Place:
    """A named place with coordinates.

    ``ambiguous`` means the bare name is a common word or shared with another
    place, so a matcher needs context (the parent named nearby, or a cue such
    as حي / بلدة / قرية / مدينة).  ``source`` is ``"curated"`` (places.yaml, overlays)
    or ``"gazetteer"`` (gazetteer.json, built from GeoNames).
    """

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    country: str | None
    name_en: str | None = None
    admin1: str | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    ambiguous: bool = False
    geonames_id: int | None = None
    population: int | None = None
    source: str = "curated"

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *self.aliases)
