"""RoutineSession: runs a routine on a Clock, and hands out its cues as their moments pass.

The session keeps one number, the position on the routine's timeline, as an anchor (position and
monotonic time when it was last set). Everything else — step, side, rep, time left — is computed
from it, so nothing is counted down by ticks and nothing drifts. Pausing freezes the position;
resuming sets a new anchor. `poll()` returns the cues whose moments have passed since the last
call (hold starts, switch sides, breathe in ...), for the screen, the bell and the audio adapter.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from enum import StrEnum

from legease_tui.core.clock import Clock
from legease_tui.core.routine.breathing import BreathState, breath_at
from legease_tui.core.routine.cues import Cue, routine_cues
from legease_tui.core.routine.model import Phase, Routine, Segment, Step
from legease_tui.core.routine.outcome import SessionOutcome


class SessionState(StrEnum):
    """Where a session is: running, paused, or ended (run to the end, or stopped)."""

    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"


@dataclass(frozen=True)
class SessionView:
    """Everything a screen shows at one moment, computed once."""

    state: SessionState
    step_index: int
    step: Step
    segment: Segment
    segment_left: float
    step_left: float
    routine_left: float
    position: float
    breath: BreathState | None


class RoutineSession:
    """A routine being followed, driven by `clock`."""

    def __init__(self, routine: Routine, clock: Clock) -> None:
        if not routine.steps:
            raise ValueError(f"routine '{routine.name}' has no steps")
        self.routine = routine
        self.clock = clock
        self.timeline = routine.timeline()
        self.total = self.timeline[-1].end
        self.cues = routine_cues(routine)
        self._cue_times = [cue.at for cue in self.cues]
        self._segment_starts = [segment.start for segment in self.timeline]
        self._step_bounds = self._bounds_of_steps()
        self._anchor_position = 0.0
        self._anchor_time = clock.monotonic()
        self._started_mono = self._anchor_time
        self.started_at = clock.now()
        self._paused = False
        self._ended: SessionState | None = None
        self._active_seconds = 0.0
        self._skipped: set[int] = set()
        self._next_cue = 0
        self._outcome: SessionOutcome | None = None

    def _bounds_of_steps(self) -> list[tuple[float, float]]:
        bounds: dict[int, tuple[float, float]] = {}
        for segment in self.timeline:
            start, _ = bounds.get(segment.step_index, (segment.start, segment.end))
            bounds[segment.step_index] = (start, segment.end)
        return [bounds[i] for i in range(len(self.routine.steps))]

    # --- reading the state -------------------------------------------------------------------

    @property
    def position(self) -> float:
        """Seconds into the routine's timeline (frozen while paused or ended)."""
        if self._paused or self._ended:
            return min(self._anchor_position, self.total)
        moving = self._anchor_position + (self.clock.monotonic() - self._anchor_time)
        return min(moving, self.total)

    @property
    def state(self) -> SessionState:
        if self._ended:
            return self._ended
        if self.position >= self.total:
            return SessionState.FINISHED
        return SessionState.PAUSED if self._paused else SessionState.RUNNING

    @property
    def started_monotonic(self) -> float:
        """The monotonic time the timeline began (due time of a cue = this + cue.at, if never
        paused or skipped)."""
        return self._started_mono

    @property
    def paused(self) -> bool:
        return self._paused and not self._ended

    def segment_index_at(self, position: float) -> int:
        index = bisect.bisect_right(self._segment_starts, position) - 1
        return min(max(index, 0), len(self.timeline) - 1)

    def view(self) -> SessionView:
        """A consistent picture of this moment for a screen."""
        position = self.position
        segment = self.timeline[self.segment_index_at(position)]
        step = self.routine.steps[segment.step_index]
        breath = None
        if segment.phase is Phase.BREATHE and step.pattern is not None:
            breath = breath_at(step.pattern, min(position - segment.start, segment.seconds - 1e-9))
        return SessionView(
            state=self.state,
            step_index=segment.step_index,
            step=step,
            segment=segment,
            segment_left=max(segment.end - position, 0.0),
            step_left=max(self._step_bounds[segment.step_index][1] - position, 0.0),
            routine_left=max(self.total - position, 0.0),
            position=position,
            breath=breath,
        )

    def seconds_to_next_cue(self) -> float | None:
        """How long until the next cue is due (None when paused or ended): for precise timers."""
        if self._paused or self._ended or self._next_cue >= len(self.cues):
            return None
        return max(self.cues[self._next_cue].at - self.position, 0.0)

    def seconds_until_change(self, frame_seconds: float) -> float | None:
        """How long until what a screen shows next changes: the countdown's next whole second,
        the next cue, or (while breathing) the next `frame_seconds` frame. None while paused or
        ended: nothing moves. A hair is added so a timer lands just past the boundary."""
        view = self.view()
        if view.state is not SessionState.RUNNING:
            return None
        waits = [view.segment_left - (math.ceil(view.segment_left - 1e-9) - 1)]
        to_cue = self.seconds_to_next_cue()
        if to_cue is not None:
            waits.append(to_cue)
        if view.breath is not None:
            waits.append(frame_seconds)
        return max(min(waits), 0.0) + 0.002

    # --- moving on ---------------------------------------------------------------------------

    def begin(self) -> None:
        """Make now the routine's time zero. The screen calls this on its first frame: building
        and showing it takes 10-170 ms, which the first step (and its cue) would otherwise lose.
        Does nothing once the session has moved: a cue handed out, a pause, a skip, its end."""
        if self._next_cue or self._paused or self._ended or self._anchor_position:
            return
        self._anchor_time = self._started_mono = self.clock.monotonic()
        self.started_at = self.clock.now()

    def poll(self) -> list[Cue]:
        """The cues whose moment has come since the last poll, in order. Ends the session at the
        end of the timeline."""
        position = self.position
        first = self._next_cue
        while self._next_cue < len(self.cues) and self.cues[self._next_cue].at <= position + 1e-9:
            self._next_cue += 1
        if position >= self.total and not self._ended:
            self._end(SessionState.FINISHED)
        return self.cues[first : self._next_cue]

    def pause(self) -> None:
        if self._ended or self._paused:
            return
        self._freeze()
        self._paused = True

    def resume(self) -> None:
        if self._ended or not self._paused:
            return
        self._anchor_time = self.clock.monotonic()
        self._paused = False

    def toggle_pause(self) -> None:
        if self._paused:
            self.resume()
        else:
            self.pause()

    def next_step(self) -> None:
        """Skip to the start of the next step (the last step skips to the end)."""
        if self._ended:
            return
        current = self.view().step_index
        self._skipped.add(current)
        target = self._step_bounds[current][1]
        self._jump(target)

    def previous_step(self) -> None:
        """Go back to the start of the previous step (on the first step, restart it)."""
        if self._ended:
            return
        current = self.view().step_index
        target_step = max(current - 1, 0)
        for index in range(target_step, current + 1):
            self._skipped.discard(index)
        self._jump(self._step_bounds[target_step][0])

    def stop(self) -> SessionOutcome:
        """End the session early; returns its outcome."""
        if not self._ended:
            self._end(SessionState.STOPPED)
        assert self._outcome is not None
        return self._outcome

    @property
    def outcome(self) -> SessionOutcome | None:
        """Set once the session has finished or been stopped."""
        return self._outcome

    # --- internals ---------------------------------------------------------------------------

    def _freeze(self) -> None:
        """Fix the anchor at the current position (on pause, jump and end)."""
        now = self.clock.monotonic()
        if not self._paused:
            # Running time counts only up to the end of the timeline.
            self._active_seconds += min(now - self._anchor_time, self.total - self._anchor_position)
        self._anchor_position = self.position
        self._anchor_time = now

    def _jump(self, target: float) -> None:
        self._freeze()
        self._anchor_position = min(target, self.total)
        # The cue at the target fires on the next poll (a skip is announced like any step start).
        self._next_cue = bisect.bisect_left(self._cue_times, self._anchor_position - 1e-9)
        if self._anchor_position >= self.total:
            # Ended now, but the final cue is left for the next poll, so it is still heard.
            self._end(SessionState.FINISHED)

    def _end(self, state: SessionState) -> None:
        position = self.position
        ended_at = self.clock.monotonic()
        if state is SessionState.FINISHED and not self._paused:
            ended_at = self._anchor_time + (self.total - self._anchor_position)
        self._freeze()
        self._ended = state
        done = sum(
            1
            for index, (_, end) in enumerate(self._step_bounds)
            if end <= position + 1e-9 and index not in self._skipped
        )
        self._outcome = SessionOutcome(
            routine_key=self.routine.key,
            routine_name=self.routine.name,
            started_at=self.started_at,
            duration_seconds=ended_at - self._started_mono,
            active_seconds=self._active_seconds,
            steps_done=done,
            steps_total=len(self.routine.steps),
            completed=state is SessionState.FINISHED and done == len(self.routine.steps),
            reached_end=state is SessionState.FINISHED,
        )
