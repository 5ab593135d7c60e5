"""Text in, text out: control characters refused at every way in and neutralised on the way
out; CSV cells guarded against formulas and given back exactly; Markdown escaped."""

from __future__ import annotations

import json
import re
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legease_tui.cli import main
from legease_tui.core.clock import FakeClock
from legease_tui.core.log.diary.entry import EntryInvalid, NightEntry, parse_entry
from legease_tui.core.log.export import (
    doctor_summary,
    export_csv,
    export_json,
    guard_cell,
    markdown_text,
    unguard_cell,
)
from legease_tui.core.log.importing import read_import
from legease_tui.core.log.repository import LoggedNight, LogRepository
from legease_tui.core.routine.files import RoutineFileError, load_routine_file
from legease_tui.core.text import TextRefused, check_text, json_safe, terminal_safe
from legease_tui.services import build_services
from legease_tui.settings.paths import Paths
from legease_tui.settings.settings import parse_settings

NIGHT = date(2026, 11, 20)
CONTROLS = [chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x0D), *range(0x0E, 0x20)]]
CONTROLS += [chr(c) for c in range(0x7F, 0xA0)]
"""Every C0 character but tab, line feed and carriage return; DEL; every C1 character."""

printable = st.text(
    st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from("\n\t\r\n"),
    max_size=300,
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- the check on the way in ---------------------------------------------------------------


@pytest.mark.parametrize("char", CONTROLS)
def test_every_control_character_is_refused_naming_the_field(char: str) -> None:
    with pytest.raises(EntryInvalid) as refused:
        parse_entry({"night": "2026-11-20", "note": f"calf{char}ok"})
    assert refused.value.problems[0].field == "note"
    assert f"U+{ord(char):04X}" in str(refused.value) and "character 5" in str(refused.value)


def test_line_breaks_are_stored_as_one_line_feed() -> None:
    entry = parse_entry({"night": "2026-11-20", "note": "one\r\ntwo\rthree\n\tfour"})
    assert entry.note == "one\ntwo\nthree\n\tfour"


def test_the_note_limit_counts_the_text_after_trimming() -> None:
    assert len(parse_entry({"night": "2026-11-20", "note": " " * 50 + "x" * 2000}).note) == 2000
    with pytest.raises(EntryInvalid, match="got 2001 characters"):
        parse_entry({"night": "2026-11-20", "note": "x" * 2001})


def test_a_tag_with_a_control_character_is_refused_not_folded_into_a_space() -> None:
    with pytest.raises(EntryInvalid, match=r"tag 'heat\\x1fmassage' holds U\+001F"):
        parse_entry({"night": "2026-11-20", "tags": ["heat\x1fmassage"]})


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("heat\rmassage", "U+000D (carriage return) at character 5"),
        ("heat\r\nmassage", "U+000D (carriage return) at character 5"),
        ("heat\nmassage", "U+000A (line break) at character 5"),
    ],
)
def test_a_line_break_in_a_tag_is_named_as_the_character_typed(typed: str, said: str) -> None:
    with pytest.raises(EntryInvalid, match=re.escape(said)):
        parse_entry({"night": "2026-11-20", "tags": [typed]})


def test_log_add_names_a_carriage_return_in_a_tag(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "--home", str(tmp_path / "h"), "log", "add", "--tag", "a\rb")
    assert code == 2
    assert err == (
        "legease log add: --tag: tag 'a\\rb' holds U+000D (carriage return) at character 2; "
        "only text on one line can be used\n"
    )


def test_a_refused_character_is_placed_as_typed_after_windows_line_breaks() -> None:
    with pytest.raises(TextRefused, match="U\\+001B \\(escape\\) at character 7"):
        check_text("a\r\nb\r\n\x1b", "--note")  # the 7th character typed, the 5th once stored


def test_a_lone_surrogate_is_refused_as_not_utf8() -> None:
    with pytest.raises(TextRefused, match=r"a byte that is not UTF-8 \(\\xff\)"):
        check_text("bad \udcff byte", "--note")


def test_a_stored_night_with_a_control_character_is_still_shown() -> None:
    entry = parse_entry({"night": "2026-11-20", "note": "a\x1b[2Jb"}, stored=True)
    assert entry.note == "a\x1b[2Jb"


@settings(max_examples=200)
@given(st.text(max_size=40), st.sampled_from(CONTROLS), st.text(max_size=40))
def test_any_control_character_anywhere_is_refused(before: str, char: str, after: str) -> None:
    with pytest.raises(EntryInvalid):
        parse_entry({"night": "2026-11-20", "note": before + char + after})


@given(st.text())
def test_terminal_safe_leaves_no_control_character_and_keeps_printable_text(text: str) -> None:
    safe = terminal_safe(text)
    assert not any(c in safe for c in [*CONTROLS, "\r"])
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in safe)
    if not any(c in text for c in [*CONTROLS, "\r"]) and text.isprintable():
        assert safe == text


# --- every way in: command line, import, config, routine files ----------------------------


def test_log_add_refuses_a_control_character_and_a_byte_that_is_not_utf8(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = str(tmp_path / "h")
    code, _, err = run(capsys, "--home", home, "log", "add", "--note", "x\x1b]52;c;aGk=\x07")
    assert code == 2 and "--note holds U+001B (escape) at character 2" in err
    code, _, err = run(capsys, "--home", home, "log", "add", "--note", "bad \udcff")
    assert code == 2 and "--note holds a byte that is not UTF-8 (\\xff)" in err
    code, _, err = run(capsys, "--home", home, "log", "add", "--tag", "heat\udcff")
    assert code == 2 and "--tag holds a byte" in err
    code, out, _ = run(capsys, "--home", home, "log", "list")
    assert out.startswith("No nights logged yet")


def test_import_refuses_a_control_character_naming_the_night() -> None:
    night = {"night": "2026-11-20", "note": "ok\x9bno"}
    document = {"kind": "legease-nights", "version": 1, "nights": [night]}
    with pytest.raises(ValueError, match=r"night 1: Note \(note\): holds U\+009B"):
        read_import(json.dumps(document))


def test_config_text_with_a_control_character_falls_back_to_the_default() -> None:
    loaded = parse_settings('[sound]\nplayer = "paplay\\u001b]2;x"\n')
    assert loaded.settings.sound.player == ""
    assert "'sound.player'" in loaded.problems[0] and "U+001B (escape)" in loaded.problems[0]


def test_a_routine_file_with_a_control_character_names_file_line_and_field(
    tmp_path: Path,
) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('name = "Mine"\n[[steps]]\ntitle = "a\\u001bb"\nhold = 9\n', "utf-8")
    with pytest.raises(RoutineFileError, match=r"mine.toml, line 3: steps\[1\].title: holds U"):
        load_routine_file(path)
    path.write_text('name = "Calves [L] and [R] [/b]"\n[[steps]]\ntitle = "t"\n', "utf-8")
    assert load_routine_file(path).name == "Calves [L] and [R] [/b]"


# --- the way out: terminal, CSV, Markdown, JSON -------------------------------------------


@pytest.mark.parametrize(
    ("cell", "guarded"),
    [
        ("=1+1", "'=1+1"),
        ("+41 79", "'+41 79"),
        ("-5 after stretch", "'-5 after stretch"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("'=x", "''=x"),
        ("''x", "'''x"),
        ("'quoted'", "'quoted'"),
        ("calf", "calf"),
    ],
)
def test_a_csv_cell_a_spreadsheet_would_run_is_guarded_and_given_back(
    cell: str, guarded: str
) -> None:
    assert guard_cell(cell) == guarded
    assert unguard_cell(guarded) == cell


def test_the_markdown_summary_escapes_note_text_and_html() -> None:
    note = "!see *this* [link](http://x) <script>alert(1)</script> a_b `c` \x1b[2J"
    entry = NightEntry(NIGHT, note=note)
    text = doctor_summary([LoggedNight(entry, False)], None, None)
    line = next(line for line in text.splitlines() if line.startswith("- **2026-11-20:**"))
    assert "<script>" not in line and "\x1b" not in line
    assert line.endswith(
        r"see \*this\* \[link\](http://x) \<script\>alert(1)\</script\> a\_b \`c\` \\x1b\[2J"
    )
    assert markdown_text("a & b | c") == r"a \& b \| c"


def test_json_export_writes_c1_and_lone_surrogates_as_escapes() -> None:
    entries = [NightEntry(NIGHT, note="a\x9bb\udcffc\x1bd")]
    text = export_json(entries)
    text.encode("utf-8")  # a lone surrogate would make this fail
    assert "\x9b" not in text and "\x1b" not in text and "\\u009b" in text
    assert json.loads(text)["nights"][0]["note"] == "a\x9bb\udcffc\x1bd"
    assert json_safe('"\x7f"') == '"\\u007f"'


def _legacy_home(tmp_path: Path) -> str:
    """A data file holding a note with terminal controls, saved before they were refused."""
    home = tmp_path / "legacy"
    store = build_services(Paths(data_dir=home, config_dir=home), FakeClock()).store
    assert store is not None
    with store.transaction() as db:
        from tinydb.table import Document

        record = {"night": "2026-11-20", "note": "x\x1b]52;c;aGk=\x07 \x9b2J", "tags": ["heat"]}
        db.table("nights", cache_size=0).insert(Document(record, doc_id=NIGHT.toordinal()))
    return str(home)


@pytest.mark.parametrize(
    "argv",
    [
        ("export", "--format", "csv"),
        ("export", "--format", "md"),
        ("export", "--format", "json"),
        ("log", "list"),
        ("log", "list", "--format", "json"),
    ],
)
def test_nothing_stored_reaches_the_terminal_raw(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: tuple[str, ...]
) -> None:
    home = _legacy_home(tmp_path)
    code, out, _ = run(capsys, "--home", home, *argv)
    assert code == 0 and "2026-11-20" in out
    assert not any(char in out for char in CONTROLS)


def test_a_stored_night_with_a_control_character_still_exports_to_a_file_exactly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = _legacy_home(tmp_path)
    target = tmp_path / "out.json"
    assert run(capsys, "--home", home, "export", "--format", "json", "-o", str(target))[0] == 0
    assert (
        json.loads(target.read_text("utf-8"))["nights"][0]["note"] == "x\x1b]52;c;aGk=\x07 \x9b2J"
    )


# --- round trip ----------------------------------------------------------------------------


def _log(folder: Path) -> LogRepository:
    log = build_services(Paths(data_dir=folder, config_dir=folder), FakeClock()).log
    assert log is not None
    return log


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(printable, st.sampled_from(["csv", "json"]))
def test_any_printable_note_round_trips_add_list_export_import(text: str, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        log = _log(Path(folder) / "a")
        try:
            entry = parse_entry({"night": NIGHT.isoformat(), "note": text, "tension": 3})
        except EntryInvalid:
            assert len(text.replace("\r\n", "\n").strip()) > 2000
            return
        assert entry.note == text.replace("\r\n", "\n").replace("\r", "\n").strip()
        log.add(entry)
        listed = log.entries()
        assert listed == [entry]
        exported = export_csv(listed) if fmt == "csv" else export_json(listed)
        again = read_import(exported)
        assert again == [entry]
        other = _log(Path(folder) / "b")
        other.put_many(again)
        assert other.get(NIGHT) == entry
