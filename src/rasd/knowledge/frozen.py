"""How the frozen dataclasses of the knowledge (places, triggers, actor entries ...) are
pickled into the compiled knowledge (:mod:`rasd.knowledge.compiled`): by their field values,
unpickled by calling the class on them.

Pickle's own way sets the fields one by one after making an empty object. A frozen dataclass
refuses that once mypyc has compiled its module (the class then has no ``__dict__`` to fill),
and calling the class is the faster way in pure Python too."""

from __future__ import annotations

import dataclasses
from typing import Any


def by_fields(record: Any) -> tuple[type, tuple[object, ...]]:
    """What a frozen dataclass's ``__reduce__`` returns: its class and its field values."""
    names = (field.name for field in dataclasses.fields(record))
    return type(record), tuple(getattr(record, name) for name in names)
