"""The saved symptom checks as stored records (the `checks` table), read without the quiz's
model: Home asks for the latest on every start, and most starts have none to read back."""

from __future__ import annotations

from typing import Any

from legease_tui.core.storage.store import Store, table_rows

TABLE = "checks"


def saved_checks(store: Store) -> list[dict[str, Any]]:
    """Every saved check record, oldest first."""
    with store.read() as db:
        rows = table_rows(db, TABLE)
    return sorted(rows, key=lambda row: (str(row.get("taken_at", "")), row["id"]))


def latest_check(store: Store) -> dict[str, Any] | None:
    """The most recent check record, or None."""
    rows = saved_checks(store)
    return rows[-1] if rows else None
