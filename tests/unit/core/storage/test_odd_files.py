"""Odd files get a clear message naming them: never a hang, a traceback or a silent loss.

FIFOs, folders and devices where a file belongs; symlinked and dangling data files; JSON and
TOML nested 100,000 deep; damaged records in the data file.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from support.app_builder import AppMaker
from support.notices import Notices

from legease_tui.cli import main
from legease_tui.core.clock import FakeClock
from legease_tui.core.log.repository import LogRepository
from legease_tui.core.storage import store as store_module
from legease_tui.core.storage.store import Store, StoreError
from legease_tui.services import build_services
from legease_tui.settings.paths import Paths

DEEP = 100_000
NIGHT = {"night": "2026-11-24", "tension": 3, "at": "2026-11-25T07:00:00", "summary": "x"}


pytestmark = pytest.mark.usefixtures("no_hang")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir(mode=0o700)
    return folder


def run(capsys: pytest.CaptureFixture[str], home: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--home", str(home), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def write_data(home: Path, document: object) -> Path:
    path = home / "legease.json"
    path.write_text(json.dumps(document))
    return path


def ours(**tables: dict[str, object]) -> dict[str, object]:
    return {"meta": {"1": {"app": "legease", "schema": 1}}, **tables}


# --- not a regular file ----------------------------------------------------------------------


def _odd(path: Path, kind: str) -> None:
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to("/dev/null")


ODD = [("fifo", "named pipe"), ("folder", "folder"), ("device", "device")]


@pytest.mark.parametrize(("kind", "said"), ODD)
def test_odd_data_file_is_refused_at_once_naming_it(
    capsys: pytest.CaptureFixture[str], home: Path, kind: str, said: str
) -> None:
    _odd(home / "legease.json", kind)
    code, _, err = run(capsys, home, "log", "list")
    assert code == 1
    assert f"{home / 'legease.json'}" in err and said in err and "not a regular file" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(("kind", "said"), ODD)
def test_odd_config_file_is_a_notice_and_defaults_apply(home: Path, kind: str, said: str) -> None:
    _odd(home / "config.toml", kind)
    services = build_services(Paths(home, home), FakeClock())
    notice = next(n for n in services.notices if "config.toml" in n)
    assert said in notice and "not a regular file" in notice
    assert services.settings.routine == "calf-hamstring"


@pytest.mark.parametrize(("kind", "said"), ODD)
def test_odd_routine_file_is_left_out_naming_it(home: Path, kind: str, said: str) -> None:
    (home / "routines").mkdir()
    _odd(home / "routines" / "evening.toml", kind)
    services = build_services(Paths(home, home), FakeClock())
    notice = next(n for n in services.notices if "evening.toml" in n)
    assert said in notice and "left out" in notice


@pytest.mark.parametrize(("kind", "said"), ODD)
def test_odd_import_file_is_refused_naming_it(
    capsys: pytest.CaptureFixture[str], home: Path, kind: str, said: str
) -> None:
    source = home / "nights.json"
    _odd(source, kind)
    code, _, err = run(capsys, home, "import", str(source))
    assert code == 1 and str(source) in err and said in err


# --- symlinks --------------------------------------------------------------------------------


def test_symlinked_data_file_is_written_through_and_stays_a_link(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    synced = tmp_path / "synced"
    synced.mkdir()
    target = write_data(synced, ours(nights={"739944": NIGHT}))
    target.rename(synced / "log.json")
    target = synced / "log.json"
    (home / "legease.json").symlink_to(target)
    code, _, err = run(capsys, home, "log", "add", "--date", "2026-11-25", "--tension", "5")
    assert code == 0, err
    assert (home / "legease.json").is_symlink()
    nights = json.loads(target.read_text())["nights"]
    assert sorted(record["night"] for record in nights.values()) == ["2026-11-24", "2026-11-25"]
    assert oct(target.stat().st_mode & 0o777) == oct(0o600)


def test_dangling_link_is_refused_naming_link_and_target(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    target = tmp_path / "not-mounted" / "legease.json"
    link = home / "legease.json"
    link.symlink_to(target)
    code, _, err = run(capsys, home, "log", "add", "--tension", "5")
    assert code == 1
    assert str(link) in err and str(target) in err and "does not exist" in err
    assert link.is_symlink() and not target.exists() and not target.parent.exists()
    with pytest.raises(StoreError, match="not mounted"):
        Store.open(link)


def test_no_lock_file_is_made_beside_a_link_target_that_is_refused(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    pipe = elsewhere / "pipe"
    os.mkfifo(pipe)
    (home / "legease.json").symlink_to(pipe)
    code, _, err = run(capsys, home, "log", "list")
    assert code == 1 and "named pipe" in err
    assert sorted(p.name for p in elsewhere.iterdir()) == ["pipe"]  # no pipe.lock


def test_a_link_to_a_device_is_refused_before_its_lock_is_made(
    monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    made: list[Path] = []
    monkeypatch.setattr(store_module, "create_user_only", made.append)
    (home / "legease.json").symlink_to("/dev/null")
    with pytest.raises(StoreError, match=r"a link to /dev/null\) is a device"):
        Store.open(home / "legease.json")
    assert made == []  # /dev/null.lock was made here before


LOOP_COMMANDS = [
    ["log", "list"],
    ["log", "add", "--tension", "3"],
    ["export", "--format", "json"],
    ["import", "nights.json"],
    ["trial", "start"],
    ["trial", "show"],
    ["trial", "stop", "--yes"],
    ["quiz", "--last"],
    ["schedule"],
    ["routine", "--list"],
]


@pytest.mark.parametrize("argv", LOOP_COMMANDS, ids=" ".join)
def test_a_data_file_linked_to_itself_is_named_by_every_command(
    capsys: pytest.CaptureFixture[str], home: Path, argv: list[str]
) -> None:
    (home / "legease.json").symlink_to("legease.json")
    (home / "nights.json").write_text('{"kind": "legease-nights", "version": 1, "nights": []}')
    argv = [str(home / a) if a == "nights.json" else a for a in argv]
    code, _, err = run(capsys, home, *argv)
    assert "Traceback" not in err
    assert f"{home / 'legease.json'} is a link that leads back to itself (a loop of links)" in err
    if argv[0] in ("log", "export", "import", "trial"):
        assert code == 1
    assert (home / "legease.json").is_symlink()
    assert sorted(p.name for p in home.iterdir()) == ["legease.json", "nights.json"]


async def test_the_app_names_a_data_file_linked_to_itself(home: Path, make_app: AppMaker) -> None:
    (home / "legease.json").symlink_to("legease.json")
    app = make_app(with_services=build_services(Paths(home, home), FakeClock()))
    notices = Notices()
    async with app.run_test(size=(100, 32), message_hook=notices) as pilot:
        await pilot.pause()
        await pilot.press("l")  # the log says it is not there, and where to read why
        await pilot.pause()
        said_on_l = notices.messages()[-1]
        listed = " ".join(app.problems_found())  # what Help lists
    assert "is a link that leads back to itself (a loop of links)" in listed
    assert said_on_l == "The log is not available. Press ? to see why."


def test_saving_settings_writes_through_a_linked_config_and_never_over_a_pipe(
    home: Path, tmp_path: Path
) -> None:
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    (dotfiles / "legease.toml").write_text('theme = "nord"\n')
    (home / "config.toml").symlink_to(dotfiles / "legease.toml")
    services = build_services(Paths(home, home), FakeClock())
    assert services.change_settings({"theme": "gruvbox"}) is None
    assert (home / "config.toml").is_symlink()  # was replaced by a regular file
    assert 'theme = "gruvbox"' in (dotfiles / "legease.toml").read_text()
    (home / "config.toml").unlink()
    os.mkfifo(dotfiles / "pipe")
    (home / "config.toml").symlink_to(dotfiles / "pipe")
    problem = services.change_settings({"theme": "nord"})
    assert problem == (
        f"Cannot write {home / 'config.toml'}: it is a link to {dotfiles / 'pipe'}, which is a "
        "named pipe (FIFO), not a regular file."
    )
    assert stat.S_ISFIFO(os.stat(dotfiles / "pipe").st_mode)
    assert sorted(p.name for p in dotfiles.iterdir()) == ["legease.toml", "pipe"]


# --- nested too deep -------------------------------------------------------------------------


def test_json_nested_100000_deep_is_moved_aside_and_the_app_starts(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    (home / "legease.json").write_text("[" * DEEP + "]" * DEEP)
    code, out, err = run(capsys, home, "log", "list")
    assert code == 0 and "No nights logged yet" in out
    assert "nested too deeply" in err and "legease.json.corrupt-" in err
    aside = next(home.glob("legease.json.corrupt-*"))
    assert aside.read_text() == "[" * DEEP + "]" * DEEP


def test_toml_nested_100000_deep_config_and_routine_are_notices(home: Path) -> None:
    deep = "a = " + "[" * DEEP + "]" * DEEP + "\n"
    (home / "config.toml").write_text(deep)
    (home / "routines").mkdir()
    (home / "routines" / "deep.toml").write_text(deep)
    services = build_services(Paths(home, home), FakeClock())
    assert any("config.toml" in n and "nested too deeply" in n for n in services.notices)
    assert any("deep.toml" in n and "nested too deeply" in n for n in services.notices)


def test_json_import_nested_100000_deep_names_the_file(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    source = home / "deep.json"
    source.write_text('{"nights": ' + "[" * DEEP + "]" * DEEP + "}")
    code, _, err = run(capsys, home, "import", str(source))
    assert code == 2 and str(source) in err and "nested too deeply" in err
    assert "Traceback" not in err


def test_csv_import_with_a_huge_field_names_the_file(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    source = home / "nights.csv"
    source.write_text("x" * 200_000 + "\n")
    code, _, err = run(capsys, home, "import", str(source))
    assert code == 2 and str(source) in err and "Traceback" not in err


# --- damaged records -------------------------------------------------------------------------


@pytest.mark.parametrize("schema", [0, -1])
def test_meta_schema_that_no_legease_wrote_is_moved_aside(home: Path, schema: int) -> None:
    write_data(home, {"meta": {"1": {"app": "legease", "schema": schema}}, "nights": {}})
    services = build_services(Paths(home, home), FakeClock())
    assert services.store is not None
    notice = next(n for n in services.notices if "legease.json" in n)
    assert f"data version {schema}" in notice and "corrupt-" in notice


def test_record_ids_and_records_that_are_not_usable_are_kept_aside_the_rest_still_works(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    write_data(
        home,
        ours(
            nights={"739944": NIGHT, "abc": NIGHT},
            sessions={"1": [1, 2], "2": {"night": "2026-11-24", "completed": True}},
        ),
    )
    code, out, err = run(capsys, home, "log", "list")
    assert code == 0 and "2026-11-24" in out
    assert "nights 'abc' (its id is not a number)" in err
    assert "sessions '1' (not a record)" in err
    aside = next(home.glob("legease.json.corrupt-*"))
    assert '"abc"' in aside.read_text() and str(aside) in err
    code, out, err = run(capsys, home, "log", "add", "--date", "2026-11-25", "--cramps", "1")
    assert code == 0 and err == ""
    repository = LogRepository(Store.open(home / "legease.json"), FakeClock())
    assert len(repository.entries()) == 2 and len(repository.routine_nights()) == 1


# --- config.toml -----------------------------------------------------------------------------


def test_config_with_a_byte_order_mark_is_read(home: Path) -> None:
    (home / "config.toml").write_bytes(b'\xef\xbb\xbfroutine = "full-unwind"\n')
    services = build_services(Paths(home, home), FakeClock())
    assert services.settings.routine == "full-unwind"
    assert not [n for n in services.notices if "config.toml" in n]


def test_200000_unknown_keys_give_one_summarised_notice(home: Path) -> None:
    keys = "".join(f"k{number} = 1\n" for number in range(200_000))
    (home / "config.toml").write_text(keys + "[sound]\nodd = 2\n")
    services = build_services(Paths(home, home), FakeClock())
    about_config = [n for n in services.notices if "config.toml" in n]
    assert len(about_config) == 1
    assert "200,001 unknown keys (ignored), first: k0, k1, k2" in about_config[0]


def test_a_few_unknown_keys_are_each_named(home: Path) -> None:
    (home / "config.toml").write_text("colour = 1\n[sound]\nodd = 2\n")
    services = build_services(Paths(home, home), FakeClock())
    about_config = [n for n in services.notices if "config.toml" in n]
    assert len(about_config) == 2 and "unknown key 'sound.odd'" in about_config[1]
