"""The navigator needs only a small host (`NavigationHost`), not the app: a recording host stands
in. It opens each screen with the services it needs, says why when the log cannot be used, starts
a routine fitted to the person (asking first on a trial's no-routine night), keeps a routine's
outcome and goes Home after the summary's entry is saved."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from support.quiz_helpers import with_answers
from support.shell_fakes import RecordingHost
from support.trials import start_trial

from legease_tui.app.navigation import ASK_ON_CONTROL, Navigator
from legease_tui.core.clock import FakeClock
from legease_tui.core.quiz.scoring import score_answers
from legease_tui.core.routine.outcome import SessionOutcome
from legease_tui.core.trial.repository import ROUTINE_ON_CONTROL
from legease_tui.screens.dialogs import ConfirmDialog
from legease_tui.screens.entry import EntryScreen
from legease_tui.screens.home import HomeScreen
from legease_tui.screens.log import LogScreen
from legease_tui.screens.quiz_result import QuizResultScreen
from legease_tui.screens.routine import RoutineScreen
from legease_tui.screens.settings import SettingsScreen
from legease_tui.screens.summary import SummaryScreen
from legease_tui.screens.trial import TrialScreen
from legease_tui.services import Services, build_services
from legease_tui.settings.paths import Paths


def on_home(services: Services) -> tuple[RecordingHost, Navigator]:
    host = RecordingHost(bottom=HomeScreen(services, lambda: ""))
    return host, Navigator(host, services)


def test_the_log_opens_with_the_services_log_and_not_twice(services: Services) -> None:
    host, navigator = on_home(services)
    navigator.open_log()
    navigator.open_log()
    screens = host.screen_stack[1:]
    assert [type(screen) for screen in screens] == [LogScreen]
    assert screens[0].repository is services.log


def test_without_a_data_file_the_log_says_why_and_opens_nothing(tmp_path: Path) -> None:
    blocked = tmp_path / "data"
    blocked.write_text("a file where the data folder should be")
    services = build_services(Paths(blocked, tmp_path / "config"), FakeClock())
    host, navigator = on_home(services)
    navigator.open_log()
    navigator.open_entry()
    navigator.open_trial()
    assert len(host.screen_stack) == 1
    said = "The log is not available. Press ? to see why."
    assert host.said and all(line == said for line in host.said)
    assert any(str(blocked) in problem for problem in services.notices)  # Help lists them


def test_a_saved_entry_from_the_summary_goes_home(services: Services, clock: FakeClock) -> None:
    host, navigator = on_home(services)
    outcome = SessionOutcome("calf", "Calf & hamstring", clock.now(), 341, 341, 3, 3, True)
    navigator.keep_session(outcome)
    assert services.log is not None and services.log.routine_nights() == {clock.now().date()}
    navigator.open_entry(home_after_save=True)
    assert [type(screen) for screen in host.screen_stack] == [
        HomeScreen,
        SummaryScreen,
        EntryScreen,
    ]
    host.screen_stack.pop()  # the form closes on save, then answers
    host.answer(True)
    assert [type(screen) for screen in host.screen_stack] == [HomeScreen]


def test_an_entry_left_unsaved_goes_back_to_the_summary(
    services: Services, clock: FakeClock
) -> None:
    host, navigator = on_home(services)
    outcome = SessionOutcome("calf", "Calf & hamstring", clock.now(), 60, 341, 1, 3, False)
    navigator.keep_session(outcome)
    navigator.open_entry(home_after_save=True)
    host.screen_stack.pop()
    host.answer(None)
    assert [type(screen) for screen in host.screen_stack] == [HomeScreen, SummaryScreen]


def test_a_routine_starts_fitted_to_the_latest_check_with_its_sound_ready(
    services: Services,
) -> None:
    assert services.checks is not None
    heart = score_answers(services.quiz_content, with_answers(conditions=("heart-failure",)))
    services.checks.save(heart)
    host, navigator = on_home(services)
    navigator.open_at_start("routine", "full-unwind")
    routine_screen = host.screen
    assert isinstance(routine_screen, RoutineScreen)
    steps = [step.title for step in routine_screen.session.routine.steps]
    assert "Legs up the wall" not in steps and routine_screen.session.routine.key == "full-unwind"
    assert host.sound_prepared == 1


def test_on_a_no_routine_night_it_asks_and_a_yes_is_a_deviation(services: Services) -> None:
    start_trial(services, routine_tonight=False)
    host, navigator = on_home(services)
    navigator.start_routine(navigator.tonights_routine())
    dialog = host.screen
    assert isinstance(dialog, ConfirmDialog) and dialog.question == ASK_ON_CONTROL
    host.screen_stack.pop()
    host.answer(False)
    assert len(host.screen_stack) == 1
    navigator.start_routine(navigator.tonights_routine())
    host.screen_stack.pop()
    host.answer(True)
    assert isinstance(host.screen, RoutineScreen)
    assert services.trial is not None
    trial = services.trial.running()
    assert trial is not None and list(trial.deviations.values()) == [(ROUTINE_ON_CONTROL,)]


def test_the_trial_offers_tonights_routine_first(services: Services) -> None:
    assert services.change_settings({"routine": "quick-reset"}) is None
    host, navigator = on_home(services)
    navigator.open_trial()
    trial = host.screen
    assert isinstance(trial, TrialScreen)
    assert trial.routine_keys[0] == "quick-reset"
    assert sorted(trial.routine_keys) == sorted(services.routines.routines)


def test_settings_offer_the_hosts_themes_sorted(services: Services) -> None:
    host, navigator = on_home(services)
    navigator.open_settings()
    navigator.open_settings()
    settings = host.screen
    assert isinstance(settings, SettingsScreen) and len(host.screen_stack) == 2
    assert list(settings.themes) == ["legease-night", "nord", "textual-light"]


def test_a_finished_check_is_saved_and_shown_in_place_of_the_questions(
    services: Services,
) -> None:
    host, navigator = on_home(services)
    host.push_screen("the questions")
    navigator.show_check(score_answers(services.quiz_content, with_answers()))
    assert [type(screen) for screen in host.screen_stack] == [HomeScreen, QuizResultScreen]
    assert services.checks is not None and services.checks.last() is not None


def test_a_routine_outcome_that_cannot_be_kept_is_said_not_raised(
    services: Services, clock: FakeClock
) -> None:
    host, navigator = on_home(services)
    assert services.store is not None
    services.store.path.unlink()
    services.store.path.mkdir()  # a folder where the data file was: it cannot be written
    outcome = SessionOutcome("calf", "Calf & hamstring", datetime.now(), 60, 341, 1, 3, False)
    navigator.keep_session(outcome)
    assert isinstance(host.screen, SummaryScreen)
    assert len(host.said) == 1
