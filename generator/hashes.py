"""Content identity: SHA-256 of files and of values. Used by every layer that compares content
(bilagor in validation, kallelse snapshots, manifests, the archive), so it sits at the bottom."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path


def digest(value) -> str:
    """SHA-256 of bytes, or of any value by its canonical JSON (repr for the rest)."""
    data = value if isinstance(value, bytes) else json.dumps(value, sort_keys=True, default=repr,
                                                             ensure_ascii=False).encode()
    return hashlib.sha256(data).hexdigest()


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
