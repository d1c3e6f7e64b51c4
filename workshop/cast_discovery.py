"""Finding the cast in the text when no cast file is given (placeholder)."""
from __future__ import annotations
from dataclasses import dataclass, field
from workshop.cast import Character
from workshop.errors import Notice

@dataclass
class Discovery:
    characters: list[Character]
    notices: list[Notice] = field(default_factory=list)

def discover_cast(scene, spans) -> Discovery:
    return Discovery([])
