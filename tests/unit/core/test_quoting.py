"""How a message quotes a value: whole when short, its start, "…" and its length when long."""

from __future__ import annotations

from legease_tui.core.quoting import QUOTED_LIMIT, quoted


def test_a_short_value_is_quoted_whole() -> None:
    assert quoted("21:3O") == "'21:3O'"
    assert quoted("x" * QUOTED_LIMIT) == repr("x" * QUOTED_LIMIT)
    assert quoted(42) == "42" and quoted(["mon"]) == "['mon']"


def test_a_long_value_is_cut_with_an_ellipsis_and_its_length() -> None:
    assert quoted("ab" * 50_000) == f"{'ab' * 20!r}… (100,000 characters)"
    assert quoted(list(range(30))) == f"{str(list(range(30)))[:40]}… (110 characters)"


def test_a_control_character_is_shown_as_its_escape() -> None:
    assert quoted("calf\x1b[2J") == "'calf\\x1b[2J'"
