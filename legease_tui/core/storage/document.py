"""What the store and its TinyDB storage share: the error a person reads and the file's bytes.

Its own module so that `store` (which opens the file) and `json_storage` (which TinyDB calls)
both stand on it without importing each other.
"""

from __future__ import annotations

import json
from typing import Any


class StoreError(Exception):
    """The data file cannot be used; the message says why and what to do."""


class NewerSchemaError(StoreError):
    """The file was written by a newer LegEase; it is left exactly as it is."""


def dump_document(document: dict[str, Any]) -> bytes:
    """The file's bytes for `document` (compact JSON)."""
    return json.dumps(document, separators=(",", ":")).encode("utf-8")
