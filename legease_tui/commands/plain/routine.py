"""`legease routine --plain [NAME]`: a routine as one line per moment, keys from the terminal.

The loop waits for the next cue (or a key) on the session's clock, so a test runs a 15-minute
routine in milliseconds with a fake clock and scripted keys. The outcome is kept in the log as the
app keeps it, also after `q` or Ctrl-C.
"""

from __future__ import annotations

from legease_tui.commands.plain import CuePlayer, KeySource, Say
from legease_tui.core.night import night_of, night_with_date
from legease_tui.core.routine.model import Routine
from legease_tui.core.routine.moments import MomentWords, summary_lines
from legease_tui.core.routine.opening import opening_lines
from legease_tui.core.routine.outcome import SessionOutcome
from legease_tui.core.routine.session import RoutineSession
from legease_tui.core.storage.store import StoreError
from legease_tui.core.tonight import last_check, routine_for_person
from legease_tui.services import Services

KEYS_LINE = "Keys: space or p pause, n next step, b back a step, q stop."
PAST_BOUNDARY = 0.002
"""Waits end a hair past a cue's moment, so the poll that follows finds it due."""
INTERRUPTED = 130


def follow(
    session: RoutineSession, keys: KeySource, say: Say, audio: CuePlayer | None = None
) -> SessionOutcome:
    """Run `session` to its end (or a stop), saying each moment and playing its cues."""
    words = MomentWords(session.routine)
    shown_step = -1
    while True:
        cues = session.poll()
        if cues:
            latest = cues[-1]  # late cues come in one batch: only the newest is said, as heard
            new_step = latest.starts_step or latest.step_index != shown_step
            for line in words.lines(latest, new_step):
                say(line)
            shown_step = latest.step_index
            if audio is not None:
                audio.play_cues(cues, session.routine)
        if session.outcome is not None:
            return session.outcome
        wait = session.seconds_to_next_cue()
        key = keys.wait(None if wait is None else wait + PAST_BOUNDARY)
        if key is not None:
            _press(key, session, words, say, audio)


def _press(
    key: str, session: RoutineSession, words: MomentWords, say: Say, audio: CuePlayer | None
) -> None:
    if key in (" ", "p"):
        session.toggle_pause()
        if session.paused:
            say("Paused. Press space or p to carry on.")
        else:
            say(f"Carrying on. {words.where(session.view())}")
    elif key == "n":
        session.next_step()
    elif key == "b":
        session.previous_step()
    elif key in ("q", "\x04", "\x03"):
        if audio is not None:
            audio.cancel_speech()
        session.stop()
        say("Stopped.")
    else:
        say(KEYS_LINE)


def run_plain(
    services: Services,
    routine: Routine,
    keys: KeySource,
    say: Say,
    audio: CuePlayer | None = None,
    interactive: bool = True,
) -> int:
    """Introduce `routine` with its opening lines, follow it, say how it went and keep it in the
    log; the exit code. The routine is fitted to the person the latest symptom check describes."""
    check = last_check(services.store, lambda: services.quiz_content)
    routine = routine_for_person(routine, check)
    words = MomentWords(routine)
    say(words.intro())
    for line in opening_lines(routine):
        say(line)
    if interactive:
        say(KEYS_LINE)
    session = RoutineSession(routine, services.clock)
    code = 0
    try:
        follow(session, keys, say, audio)
    except KeyboardInterrupt:
        session.stop()
        say("Stopped.")
        code = INTERRUPTED
    outcome = session.outcome
    assert outcome is not None
    for line in summary_lines(outcome):
        say(line)
    say(_record(services, outcome))
    return code


def _record(services: Services, outcome: SessionOutcome) -> str:
    """Keep the outcome in the log, as the app does; what became of it, in words."""
    log = services.log
    if log is None:
        return "Not saved: the log cannot be used (see the warning above)."
    try:
        log.record_session(outcome)
    except StoreError as error:
        return f"Not saved: {error}"
    named = night_with_date(night_of(outcome.started_at), services.clock.now())
    return f"Kept in the log for {named}. Lie down, let your legs feel heavy, and sleep well."
