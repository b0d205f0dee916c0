"""The knowledge base: actors, places with coordinates, spelling variants, user overlays.

Importing this package loads nothing; :func:`load_kb` reads the data on first
use and caches it::

    from marsad.kb import load_kb
    kb = load_kb()                      # shipped data
    kb = load_kb([Path("extra.yaml")])  # plus a user overlay
    kb.get("sdf").aliases

Data (``kb/data``): ``actors.yaml`` and ``places.yaml`` (curated, layout in their
headers), ``gazetteer.json`` (GeoNames cities, built by
``python -m marsad.kb.build_gazetteer``), ``variants.yaml`` (spelling pairs applied
to every alias), ``countries.yaml`` (names and bounding boxes), ``admin1.yaml``.

An overlay (``marsad analyze --kb extra.yaml``) adds or updates entries by id;
an existing entry changes only in the fields given, ``aliases_add`` appends::

    actors:
      - id: sdf
        aliases_add: [قوات قسد]
      - {id: my_brigade, name: لواء ..., type: organization, category: rebel_group, country: SY}
    places:
      - {id: my_village, name: قرية ..., kind: village, lat: 36.1, lon: 38.2, country: SY,
         parent: raqqa_governorate, ambiguous: false}

A broken overlay raises ``MarsadError("E_USAGE")`` naming file, entry and field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from marsad.kb.base import KnowledgeBase
    from marsad.kb.loader import check_kb, load_kb
    from marsad.kb.model import Actor, Place

__all__ = ["Actor", "KnowledgeBase", "Place", "check_kb", "load_kb"]

_WHERE = {
    "KnowledgeBase": "base", "load_kb": "loader", "check_kb": "loader", "Actor": "model", "Place": "model",
}


def __getattr__(name: str) -> Any:
    """Import the public names lazily, so ``import marsad.kb`` stays cheap."""
    if name not in _WHERE:
        raise AttributeError(f"module 'marsad.kb' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"marsad.kb.{_WHERE[name]}"), name)
