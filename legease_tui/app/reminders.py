"""The app's side of the evening reminder: asks the core whether one is due, shows the dialog,
records the answer and keeps the scheduler in step with the settings.

It works through a small host (`host.RoutineHost`): the app is one, a test passes a recording
fake. APScheduler is imported when the scheduler is first needed, after the first frame.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.screen import ModalScreen

from legease_tui import core
from legease_tui.app import screen_table as screens
from legease_tui.app.host import RoutineHost
from legease_tui.core.durations import seconds_text
from legease_tui.core.night import night_of
from legease_tui.core.reminders.events import (
    SKIP_REASONS,
    ReminderEvent,
    ReminderLog,
    shown_event,
    skip_event,
    snooze_event,
    start_event,
    state_from_records,
)
from legease_tui.core.reminders.schedule import (
    Due,
    NightState,
    ReminderRule,
    due_tonight,
    plan_snooze,
)
from legease_tui.core.reminders.words import home_line
from legease_tui.core.routine.model import Routine
from legease_tui.core.safety import IN_PAIN_ADVICE
from legease_tui.core.storage.store import StoreError
from legease_tui.core.text import terminal_safe
from legease_tui.core.tonight import no_routine_tonight, routine_for_reminder
from legease_tui.services import Services

if TYPE_CHECKING:
    from legease_tui.adapters.scheduler import ReminderScheduler


class ReminderController:
    """Decides with `core.schedule`, fires through `reminders.ReminderScheduler`."""

    def __init__(self, host: RoutineHost, services: Services) -> None:
        self.app = host
        self.services = services
        self.log = ReminderLog(services.store) if services.store else None
        self.scheduler: ReminderScheduler | None = None
        self._unsaved: list[ReminderEvent] = []
        """Answers kept in memory when the data file cannot be written (so the rules hold)."""
        self._message = ""
        self._started = False
        self._held = False
        """A reminder came due behind a routine or a dialog: offer it when that closes."""

    # --- state -------------------------------------------------------------------------------

    def rule(self) -> ReminderRule:
        return ReminderRule.of(self.services.settings.reminders)

    def routine(self) -> Routine:
        """The routine the reminder offers: its own setting, else tonight's routine."""
        settings = self.services.settings
        return routine_for_reminder(
            self.services.routines, settings.reminders.routine, settings.routine
        )

    def tonights_state(self) -> NightState:
        """Tonight's answers so far (stored ones, plus any the data file could not take)."""
        return self.night_state(night_of(self.services.clock.now().astimezone(self.services.zone)))

    def night_state(self, night: date) -> NightState:
        rows = [e.to_record() for e in self._unsaved if e.to_record()["night"] == str(night)]
        if self.log is not None:
            try:
                return self.log.night_state(night, rows)
            except StoreError:
                pass  # reported when the file was written or opened; rules use what we know
        return state_from_records(rows, routine_done=False)

    def next_line(self) -> str:
        """Home's line: 'Next routine: tonight 21:30 (in 2 h 10 min)' or 'Reminders off'."""
        rule = self.rule()
        if not rule.enabled:  # no need to read the data file
            return "Reminders off"
        now = self.services.clock.now()
        return home_line(now, rule, self.services.zone, self.tonights_state())

    # --- scheduling ---------------------------------------------------------------------------

    def start(self) -> None:
        """Plan the nightly job (loading APScheduler only if reminders are on), and offer
        tonight's reminder if it was missed. Called once the first frame is on screen."""
        self._started = True
        self.settings_changed()
        self.app.refresh_home()
        self.check_missed()

    def _ensure_scheduler(self) -> None:
        if self.scheduler is None and self._started and self.rule().enabled:
            # Seam (the scheduler): APScheduler and its adapter load only when reminders are on,
            # 0.2 s after the first frame; 26 ms with `python -X importtime` once the app is in.
            from legease_tui.adapters.scheduler import ReminderScheduler

            self.scheduler = ReminderScheduler.on_running_loop(self.services.zone, self.fire)

    def settings_changed(self) -> None:
        """Rebuild the jobs from the current settings and tonight's snooze. Home is refreshed
        by whoever changed them (a screen that closes refreshes what it uncovers)."""
        self._ensure_scheduler()
        if self.scheduler is not None:
            rule = self.rule()
            self.scheduler.plan(rule)
            state = self.tonights_state()
            if state.snoozed_until and not state.answered and rule.enabled:
                self.scheduler.snooze_until(state.snoozed_until, rule)
            else:
                self.scheduler.cancel_snooze()

    def stop(self) -> None:
        if self.scheduler is not None:
            self.scheduler.shutdown()
            self.scheduler = None

    def wakeup(self) -> None:
        if self.scheduler is not None:
            self.scheduler.wakeup()

    # --- firing -------------------------------------------------------------------------------

    def fire(self) -> None:
        """A job fired: offer the reminder if the core says it is due and not shown yet."""
        self._offer(repeat_shown=False)

    def screen_closed(self) -> None:
        """A screen closed: a reminder held back by a routine, breathing or a dialog is
        offered now (unless that routine was tonight's, or something else still blocks)."""
        if self._held:
            self._offer(repeat_shown=False)

    def check_missed(self) -> None:
        """On launch: tonight's reminder time passed with no answer -> offer it now."""
        self._offer(repeat_shown=True)

    def _offer(self, repeat_shown: bool) -> None:
        now = self.services.clock.now()
        due = due_tonight(
            now, self.rule(), self.services.zone, self.night_state, repeat_shown=repeat_shown
        )
        if due is None or self._dialog_open():
            self._held = False  # nothing due, or its own dialog is already in front
            return
        if self._routine_running() or self._other_dialog_open():  # never interrupt these:
            if not self._held and self._routine_running():  # offered when they end
                self.app.notify("Your evening reminder is here — it waits until you finish.")
            self._held = True
            return
        self._held = False
        routine = self.routine()
        self._record(shown_event(now, due.due_at, routine.key))
        if no_routine_tonight(self.services.trial):  # a control night: say so, offer nothing
            self.app.notify(core.NO_ROUTINE_REMINDER, title="LegEase", timeout=15, markup=False)
            self.app.refresh_home()
            return
        self._message = self._text(due, routine)
        if self.services.settings.sound.enabled:
            self.app.bell()
        # A routine's name is text, never markup.
        self.app.notify(terminal_safe(self._message), title="LegEase", timeout=10, markup=False)
        self._show_dialog()
        self.app.refresh_home()

    def _show_dialog(self) -> None:
        rule = self.rule()
        now = self.services.clock.now()
        plan = plan_snooze(now, rule, self.services.zone, self.tonights_state())
        label = f"Snooze {rule.snooze_minutes} min"
        dialog = screens.ReminderDialog(self._message, label, plan.refusal)
        self.app.push_screen(dialog, self.answered)

    @staticmethod
    def _text(due: Due, routine: Routine) -> str:
        length = seconds_text(routine.total_seconds)
        if due.late:
            return (
                f"Your evening routine was due at {due.due_at:%H:%M} — "
                f"{routine.name}, {length}. Do it now?"
            )
        return f"Time for your evening routine — {routine.name}, {length}"

    def _dialog_open(self) -> bool:
        dialogs = screens.ReminderDialog | screens.SkipReasonDialog
        return any(isinstance(screen, dialogs) for screen in self.app.screen_stack)

    def _other_dialog_open(self) -> bool:
        """Any other dialog (a question, help, the palette) is in front of the screens."""
        return any(isinstance(screen, ModalScreen) for screen in self.app.screen_stack)

    def _routine_running(self) -> bool:
        """A routine or a breathing session (both run on the routine screen) is under way; the
        breathing chooser left under its summary is not one."""
        return any(isinstance(screen, screens.RoutineScreen) for screen in self.app.screen_stack)

    # --- answers ------------------------------------------------------------------------------

    def answered(self, choice: str | None) -> None:
        """The dialog's answer: start, snooze, skip (asks why), or None (later)."""
        now = self.services.clock.now()
        routine = self.routine()
        if choice == screens.START:
            self._record(start_event(now, routine.key, routine.name))
            self.settings_changed()
            self.app.start_routine(routine)
        elif choice == screens.SNOOZE:
            rule = self.rule()
            plan = plan_snooze(now, rule, self.services.zone, self.tonights_state())
            if plan.until is None:
                self.app.notify(plan.refusal)
                return
            self._record(snooze_event(now, plan.until, routine.key, rule.snooze_minutes))
            self.settings_changed()
            self.app.notify(f"Snoozed until {plan.until:%H:%M}.", timeout=4)
        elif choice == screens.SKIP:
            self.app.push_screen(screens.SkipReasonDialog(SKIP_REASONS), self._skipped)

    def _skipped(self, reason: str | None) -> None:
        if reason is None:  # went back: the reminder is still open
            self._show_dialog()
            return
        self._record(skip_event(self.services.clock.now(), reason, self.routine().key))
        self.settings_changed()
        if reason == "in pain":
            self.app.notify(IN_PAIN_ADVICE, title="Go gently", severity="warning", timeout=15)
        else:
            self.app.notify("Skipped tonight. See you tomorrow evening.", timeout=4)

    def _record(self, event: ReminderEvent) -> None:
        if self.log is not None:
            try:
                self.log.record(event)
                return
            except StoreError as error:
                self.app.notify(str(error), title="Not saved", severity="error", timeout=10)
        self._unsaved.append(event)
