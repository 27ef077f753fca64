"""The registry of identifier types, discovered from the modules in `types/`.

Adding a type is adding `types/<name>.py` with a module-level `TYPE`; nothing else is edited.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from types import MappingProxyType

from netwarden.core.identifiers import types as _types_package
from netwarden.core.identifiers.model import IdentifierType


def _discover() -> dict[str, IdentifierType]:
    found: dict[str, IdentifierType] = {}
    for module_info in sorted(pkgutil.iter_modules(_types_package.__path__), key=lambda info: info.name):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{_types_package.__name__}.{module_info.name}")
        identifier_type = module.TYPE
        if not isinstance(identifier_type, IdentifierType) or identifier_type.name != module_info.name:
            raise TypeError(f"types/{module_info.name}.py must define TYPE named {module_info.name!r}")
        found[identifier_type.name] = identifier_type
    return found


REGISTRY: Mapping[str, IdentifierType] = MappingProxyType(_discover())


def get_type(name: str) -> IdentifierType:
    """The registered type called `name`; KeyError with the known names otherwise."""
    try:
        return REGISTRY[name]
    except KeyError:
        raise KeyError(f"unknown identifier type {name!r}; known: {', '.join(REGISTRY)}") from None
