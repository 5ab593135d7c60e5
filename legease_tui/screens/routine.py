"""Routine: follow a routine step by step. Renders `RoutineSession.view()`, forwards keys.

Timers are one-shot and aimed at the next thing that changes on screen (the next cue, the next
whole second of the countdown, or the next frame of the breathing orb), so an idle moment costs
nothing and a cue lands on its boundary instead of on the next tick of a fixed interval.
"""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Digits, Footer, Header, ProgressBar, Static

from legease_tui.core.evidence import source_label
from legease_tui.core.routine.breathing import BreathAction
from legease_tui.core.routine.model import (
    PHASE_WORDS,
    TAKE_YOUR_TIME,
    Phase,
    Side,
    StepKind,
    format_clock,
)
from legease_tui.core.routine.opening import safety_lines
from legease_tui.core.routine.outcome import is_pacer
from legease_tui.core.routine.session import RoutineSession, SessionView
from legease_tui.messages import CuesDue, RoutineEnded
from legease_tui.screens.dialogs import ConfirmDialog
from legease_tui.screens.keys import HELP_BINDING, help_key, with_keys
from legease_tui.widgets.pacer import BreathingPacer
from legease_tui.widgets.step_list import StepList
from legease_tui.widgets.user_text import plain

PAUSED = "Paused — press {routine.pause} to carry on"
"""The banner while paused (`{routine.pause}`: the key in force)."""
BREATH_FRAME_SECONDS = 1 / 10
"""How often the breathing orb may change: smooth to the eye, cheap for the CPU."""


def step_heading(view: SessionView) -> str:
    """ "Left calf stretch — hold 2 of 3", "Slow breathing — cycle 3 of 11"."""
    step, segment = view.step, view.segment
    title = step.title_for(segment.side)
    if segment.phase is Phase.HOLD and step.reps > 1:
        return f"{title} — hold {segment.rep} of {step.reps}"
    if segment.phase is Phase.REST and segment.rep:
        return f"{title} — rest after hold {segment.rep} of {step.reps}"
    if view.breath is not None:
        return f"{title} — cycle {view.breath.cycle} of {step.cycles}"
    return title


def phase_line(view: SessionView, new_position: bool = False) -> str:
    """What to do right now, in a few words (a set-up into a new position says to go slowly)."""
    if view.breath is not None:
        return f"{view.breath.phase.label} · {math.ceil(view.breath.seconds_left - 1e-9)}"
    if view.segment.phase is Phase.PREPARE and new_position:
        return TAKE_YOUR_TIME
    words = PHASE_WORDS[view.segment.phase]
    if view.segment.phase is Phase.SWITCH:
        other = "right" if view.segment.side is Side.RIGHT else "left"
        return f"{words} — get ready on the {other} side"
    return words


def next_line(session: RoutineSession, view: SessionView) -> str:
    index = view.step_index + 1
    if index >= len(session.routine.steps):
        return "Next: done — time to sleep"
    return f"Next: {session.routine.steps[index].title}"


PACER_HELP = (
    "Breathe with the orb: in as it grows, out as it shrinks, and hold while it stays. "
    "Pausing keeps the exact time left."
)


class RoutineScreen(Screen[None]):
    """A routine in progress."""

    BINDINGS = [
        Binding("space", "toggle_pause", "Pause/resume", id="routine.pause"),
        Binding("right,n", "next_step", "Next", key_display="→/n", id="routine.next"),
        Binding("left,p", "previous_step", "Previous", key_display="←/p", id="routine.previous"),
        Binding("escape", "stop", "Stop", id="routine.stop"),
        HELP_BINDING,
    ]
    HELP = (
        "Follow the big countdown. Hold each stretch gently; relax in the rests. "
        "Pausing keeps the exact time left."
    )

    def __init__(self, session: RoutineSession) -> None:
        super().__init__()
        self.session = session
        self.pacer = is_pacer(session.routine.key)
        """The breathing pacer: a breathing exercise, with no steps to move between."""
        self._timer: Timer | None = None
        self._shown_step = -1
        self._shown: dict[str, str] = {}
        self._paused_by_cover = False
        self._sound_problem = ""

    def compose(self) -> ComposeResult:
        routine = self.session.routine
        yield Header()
        with Horizontal(id="routine-layout"):
            with Vertical(id="routine-main"):
                yield Static(id="routine-name", classes="dim")
                yield Static(id="step-title")
                yield Static(id="paused-banner")
                yield Digits(id="countdown")
                yield BreathingPacer(id="pacer")
                yield Static(id="phase")
                yield Static(id="cue", classes="cue")
                with Horizontal(id="progress-row"):
                    yield ProgressBar(
                        total=routine.total_seconds,
                        show_eta=False,
                        show_percentage=False,
                        id="progress",
                    )
                    yield Static(id="time-left")
                yield Static(id="next", classes="dim")
            with Vertical(id="routine-side"):
                yield StepList(routine, id="step-list")
                # Shown for the whole routine, beside the countdown and the step, never over them;
                # each thing changed for the person on a line of its own.
                opening = "\n".join([" ".join(safety_lines(routine)), *routine.person_notes])
                yield Static(plain(opening), id="routine-opening")
                yield Static(id="step-source", classes="dim")
                yield Static(id="routine-sound")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The pacer has one exercise: no next or previous step (nor their keys in the footer)."""
        return not (self.pacer and action in ("next_step", "previous_step"))

    def on_mount(self) -> None:
        self.query_one("#paused-banner").display = False
        self._show_sound_line()
        self._render_view(self.session.view())  # the first frame shows step 1, no cue yet
        self.call_after_refresh(self._first_frame)

    def _first_frame(self) -> None:
        """The screen is on show: time zero is now, and the first cue is due at once."""
        self.session.begin()
        self.advance()

    def on_unmount(self) -> None:
        self._cancel_timer()

    def show_sound_problem(self, short: str) -> None:
        """'Sound: No audio player found', on a line of its own beside the step (a notice over
        the screen covered the time left while the person got into position)."""
        self._sound_problem = short
        if self.is_mounted:
            self._show_sound_line()

    def _show_sound_line(self) -> None:
        line = self.query_one("#routine-sound", Static)
        key = help_key(self.app)
        line.update(plain(f"{self._sound_problem}. Press {key} for details."))
        line.display = bool(self._sound_problem)

    # --- the clockwork -----------------------------------------------------------------------

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def advance(self) -> None:
        """Take the cues that are due, redraw what changed, and aim the next timer."""
        self._cancel_timer()
        cues = self.session.poll()
        if cues:
            self.app.post_message(CuesDue(cues, self.session))
        if self.session.outcome is not None:
            self._finish()
            return
        view = self.session.view()
        self._render_view(view)
        delay = self.session.seconds_until_change(BREATH_FRAME_SECONDS)
        if delay is not None:  # None while paused: nothing moves, nothing is redrawn
            self._timer = self.set_timer(delay, self.advance, name="routine-tick")

    def _set(self, widget_id: str, text: str) -> None:
        """Update a Static only when its text changes (no needless redraws)."""
        if self._shown.get(widget_id) != text:
            self._shown[widget_id] = text
            self.query_one(f"#{widget_id}", Static).update(plain(text))  # names, cues: text

    def _render_view(self, view: SessionView) -> None:
        routine = self.session.routine
        count = len(routine.steps)
        if self.pacer:
            self._set("routine-name", f"Breathing exercise · {routine.name}")
        else:
            self._set("routine-name", f"{routine.name} · step {view.step_index + 1} of {count}")
        heading = step_heading(view)
        room = self.query_one("#step-title", Static).content_size.width
        if room and len(heading) > room:  # "... rest after hold 1 of" and a lone "3" before
            heading = heading.replace(" — ", "\n", 1)
        self._set("step-title", heading)
        self._set("phase", phase_line(view, routine.changes_position(view.step_index)))
        breathing = view.breath is not None
        countdown = self.query_one("#countdown", Digits)
        pacer = self.query_one("#pacer", BreathingPacer)
        countdown.display = not breathing
        pacer.display = breathing
        if breathing:
            pacer.show(view.breath)
            inhaling = view.breath is not None and view.breath.phase.action is BreathAction.INHALE
            self.set_class(inhaling, "inhaling")
        else:
            countdown.update(format_clock(view.segment_left))
        if view.step_index != self._shown_step:
            self._shown_step = view.step_index
            self._set("cue", view.step.cue)
            source = source_label(view.step.source, view.step.evidence)
            self._set("step-source", f"Source: {source}" if view.step.source else "")
            self._set("next", next_line(self.session, view))
            self.query_one(StepList).mark(view.step_index)
        self.set_class(view.segment.phase is Phase.HOLD, "holding")
        self.query_one("#progress", ProgressBar).update(progress=math.floor(view.position))
        self._set("time-left", f"{format_clock(view.routine_left)} left")

    def _finish(self) -> None:
        outcome = self.session.outcome
        assert outcome is not None
        app = self.app
        while app.screen is not self and len(app.screen_stack) > 1:
            app.pop_screen()
        app.pop_screen()
        app.post_message(RoutineEnded(outcome))

    # --- keys --------------------------------------------------------------------------------

    def action_toggle_pause(self) -> None:
        self.session.toggle_pause()
        paused = self.session.paused
        banner = self.query_one("#paused-banner", Static)
        banner.update(with_keys(self.app, PAUSED, self.BINDINGS))
        banner.display = paused
        self.set_class(paused, "paused")
        self.advance()

    def action_next_step(self) -> None:
        self.session.next_step()
        self.advance()

    def action_previous_step(self) -> None:
        self.session.previous_step()
        self.advance()

    def on_screen_suspend(self) -> None:
        """A dialog or help covers the routine: hold the time until the person is back."""
        if self.session.outcome is None and not self.session.paused:
            self._paused_by_cover = True
            self.action_toggle_pause()

    def on_screen_resume(self) -> None:
        if self._paused_by_cover and self.session.outcome is None:
            self._paused_by_cover = False
            self.action_toggle_pause()

    def action_stop(self) -> None:
        def answered(stop: bool | None) -> None:
            if stop:
                self._paused_by_cover = False
                self.session.stop()
                self._finish()

        steps = self.session.routine.steps
        breathing = all(step.kind is StepKind.BREATHING for step in steps)
        what = "the breathing exercise" if breathing else "the routine"  # a pacer is no routine
        self.app.push_screen(
            ConfirmDialog(f"Stop {what}? Your progress so far is kept.", "Stop", "Carry on"),
            answered,
        )


class PacerScreen(RoutineScreen):
    """The breathing pacer (`b` on Home): the routine screen, in a breathing exercise's words."""

    HELP = PACER_HELP


def screen_for(session: RoutineSession) -> RoutineScreen:
    """The pacer's screen for a breathing exercise, the routine screen for a routine."""
    return PacerScreen(session) if is_pacer(session.routine.key) else RoutineScreen(session)
