"""`[keys]` read from config.toml: each choice with its line, whatever TOML form names it."""

from __future__ import annotations

from legease_tui.settings.keys import KeyChoice
from legease_tui.settings.settings import parse_settings


def test_each_choice_knows_its_line_in_every_toml_form() -> None:
    text = "\n".join(
        [
            'theme = "nord"',
            "[keys]",
            'home.routine = "g"',
            '"routine.next" = "right,l"',
            "",
            "[keys.log]  # the log's own",
            'delete = "x"',
            "[sound]",
            "volume = 40",
        ]
    )
    loaded = parse_settings(text, "c.toml")
    assert loaded.problems == ()
    assert loaded.settings.keys == (
        KeyChoice("home.routine", "g", 3),
        KeyChoice("routine.next", "right,l", 4),
        KeyChoice("log.delete", "x", 7),
    )
    assert loaded.settings.sound.volume == 40


def test_a_value_that_is_not_text_is_named_with_its_line() -> None:
    loaded = parse_settings('[keys]\nhome.log = "l"\nhelp = 3\nhome.quit = "\\u001b"\n', "c.toml")
    assert [c.binding_id for c in loaded.settings.keys] == ["home.log"]
    assert sorted(p.split(":")[0] for p in loaded.problems) == ["c.toml, line 3", "c.toml, line 4"]


def test_keys_must_be_a_table() -> None:
    loaded = parse_settings('keys = "g"\n', "c.toml")
    assert loaded.settings.keys == ()
    assert loaded.problems == ("c.toml: 'keys' must be a table ([keys]). Using the usual keys.",)
