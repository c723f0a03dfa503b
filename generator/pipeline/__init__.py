"""The spine: each command as a short list of named stages, with the reason for their order.
May import every layer below it (web, archive, documents, sources, pdf, rules); only cli imports it.

Each command's module is imported when the command is first used (PEP 562), so `make meeting`
does not load what `make justera` or `make webb` needs (start-up, docs/benchmark.md)."""
from __future__ import annotations

import importlib

_WHERE = {"anslag": "arkiv", "epost": "arkiv", "importera": "arkiv", "justera": "arkiv", "rattelse": "arkiv",
          "signera": "arkiv", "skicka": "arkiv", "verify": "arkiv", "build_meeting": "kallelse",
          "copy_templates": "mallar", "ny": "ny", "protokollutkast": "ny", "build_protokoll": "protokoll",
          "check": "protokoll", "Project": "stages", "Result": "stages", "build_site": "webb"}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module 'generator.pipeline' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"generator.pipeline.{_WHERE[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))
