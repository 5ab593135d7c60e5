"""Pilot: a person's text is shown as written — never as markup, never as terminal control."""

from __future__ import annotations

from datetime import date

import pytest
from support.app_builder import AppMaker
from support.screen_text import screen_text
from textual.widgets import DataTable, Static

from legease_tui.app.main import LegEaseApp
from legease_tui.core.clock import FakeClock
from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.log.repository import LogRepository
from legease_tui.core.tonight import routine_for_tonight
from legease_tui.screens.home import HomeScreen
from legease_tui.screens.log import LogScreen
from legease_tui.services import Services, build_services
from legease_tui.settings.paths import Paths

TONIGHT = date(2026, 11, 24)  # the FakeClock's evening

MARKUP_NOTES = [
    "calf [L] [/] R",
    "[/b]",
    "[link=file:///etc/passwd]x[/link]",
    "meds: [ibuprofen]",
    "[@click=app.quit]Q[/]",
]
OSC_52 = "clip \x1b]52;c;aGVsbG8=\x07 title \x1b]2;PWNED\x07 clear \x1b[2J end"


def _log(services: Services) -> LogRepository:
    assert services.log is not None
    return services.log


def _store_raw_note(services: Services, note: str) -> None:
    """A night saved before control characters were refused (written straight to the file)."""
    assert services.store is not None
    with services.store.transaction() as db:
        from tinydb.table import Document

        record = {"night": TONIGHT.isoformat(), "note": note, "summary": "x", "at": "2026-11-24"}
        db.table("nights", cache_size=0).insert(Document(record, doc_id=TONIGHT.toordinal()))


def _screen_text(app: LegEaseApp) -> str:
    """Every character the screen draws, row by row, as Textual exports the frame: what the
    terminal would be sent apart from Textual's own style codes."""
    return screen_text(app)


@pytest.mark.parametrize("note", MARKUP_NOTES)
async def test_a_note_that_looks_like_markup_is_shown_as_written(
    services: Services, note: str, make_app: AppMaker
) -> None:
    _log(services).add(NightEntry(TONIGHT, tension=4, note=note))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LogScreen)
        timeline = app.screen.query_one("#timeline", Static)
        assert f"note: {note}" in str(timeline.render())
        assert note in _screen_text(app)
        await pilot.click("#timeline")  # a [@click=app.quit] note must not be a link that quits
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, LogScreen)


async def test_a_stored_terminal_control_never_reaches_the_terminal(
    services: Services, make_app: AppMaker
) -> None:
    _store_raw_note(services, OSC_52)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LogScreen)
        assert app.screen.query_one("#night-table", DataTable).row_count == 1
        drawn = _screen_text(app)
        assert "\x1b" not in drawn and "\x07" not in drawn
        assert "clip \\x1b]52;c;aGVsbG8=\\x07" in drawn


def _write_routine(paths: Paths, name: str, description: str, cue: str) -> None:
    folder = paths.routines_dir
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    paths.config_dir.chmod(0o700)
    (folder / "mine.toml").write_text(
        f"name = {name!r}\ndescription = {description!r}\n"
        f'[[steps]]\ntitle = "Wall [calf] stretch"\ncue = {cue!r}\nhold = 20\n',
        encoding="utf-8",
    )
    (paths.config_file).write_text('routine = "mine"\n', encoding="utf-8")


async def test_a_custom_routine_named_like_markup_shows_on_home(
    home: Paths, clock: FakeClock, make_app: AppMaker
) -> None:
    name = "Calves [L] and [R] [/b]"
    _write_routine(home, name, "Gently [/] [link=x]then[/link]", "Lean [i]in[/i] [/]")
    services = build_services(home, clock)
    assert routine_for_tonight(services.routines, services.settings.routine).name == name
    assert not [notice for notice in services.notices if "mine.toml" in notice]
    app = make_app(with_services=services)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        drawn = _screen_text(app)
        assert name in drawn
        assert "Gently [/] [link=x]then[/link]" in drawn
        await pilot.press("r")
        await pilot.pause()
        drawn = _screen_text(app)
        assert "Wall [calf] stretch" in drawn and "Lean [i]in[/i] [/]" in drawn
