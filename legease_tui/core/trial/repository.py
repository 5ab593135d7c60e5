"""TrialRepository: the one trial at a time, kept in the `trials` table of the data file.

A record holds the design (enough to draw the plan again), its status and the deviations per
night. Every change is one transaction (read, check, write). A second start while one runs is
refused; stopping keeps the data and marks the trial stopped early.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from legease_tui.core.clock import Clock
from legease_tui.core.night import NIGHT_STARTS, night_of, night_words
from legease_tui.core.storage.store import Store, table_rows
from legease_tui.core.trial.design import Arm, PlannedNight, TrialDesign

TRIALS = "trials"
RECORD_VERSION = 1
RUNNING, STOPPED = "running", "stopped early"
ROUTINE_ON_CONTROL = "routine done on a no-routine night"
"""The deviation the app records when a routine is started anyway on a no-routine night."""
NO_ROUTINE_REMINDER = (
    "Trial: tonight is a no-routine night — no routine tonight; just log how your legs are "
    "in the morning."
)
"""What the evening reminder says instead on a no-routine night (the app and `legease remind`)."""


class TrialError(Exception):
    """A trial action that cannot be done (one already runs, none runs, a newer record)."""


@dataclass(frozen=True)
class Trial:
    """A stored trial: its design, status and recorded deviations (night -> what happened)."""

    id: int
    design: TrialDesign
    status: str
    started_at: str
    stopped_at: str | None = None
    deviations: dict[date, tuple[str, ...]] = field(default_factory=dict)

    def finished(self, now_date: date) -> bool:
        """The plan has ended: it is the day after its last night (that night can be logged)."""
        return now_date > self.design.last_night

    def running(self, now_date: date) -> bool:
        return self.status == RUNNING and not self.finished(now_date)

    def state(self, now_date: date) -> str:
        """ "running", "stopped early" or "finished"."""
        if self.status == STOPPED:
            return STOPPED
        return "finished" if self.finished(now_date) else RUNNING


def design_record(design: TrialDesign) -> dict[str, Any]:
    return {
        "start": design.start.isoformat(),
        "seed": design.seed,
        "outcome": design.outcome,
        "block": design.block,
        "pairs": design.pairs,
        "washout": design.washout,
        "worthwhile": design.worthwhile,
        "arms": [
            {
                "label": arm.label,
                "routine": arm.routine,
                "does_routine": arm.does_routine,
                "name": arm.name,
                "steps": list(arm.steps),
                "stretches": list(arm.stretches),
            }
            for arm in design.arms
        ],
    }


def design_from(record: dict[str, Any]) -> TrialDesign:
    arms = tuple(
        Arm(
            str(arm["label"]),
            arm.get("routine"),
            bool(arm["does_routine"]),
            str(arm.get("name", "")),
            tuple(str(step) for step in arm.get("steps", ())),
            tuple(str(step) for step in arm.get("stretches", ())),
        )
        for arm in record["arms"]
    )
    if len(arms) != 2:
        raise ValueError("a trial has two arms")
    return TrialDesign(
        start=date.fromisoformat(record["start"]),
        seed=int(record["seed"]),
        outcome=str(record["outcome"]),
        block=int(record["block"]),
        pairs=int(record["pairs"]),
        washout=int(record["washout"]),
        arms=(arms[0], arms[1]),
        worthwhile=None if record.get("worthwhile") is None else float(record["worthwhile"]),
    )


def trial_from(row: dict[str, Any]) -> Trial:
    """A stored row as a `Trial`; raises TrialError for a record it cannot read."""
    if row.get("version", 0) > RECORD_VERSION:
        raise TrialError("the trial was saved by a newer LegEase; update LegEase to use it")
    try:
        deviations = {
            date.fromisoformat(night): tuple(str(item) for item in items)
            for night, items in dict(row.get("deviations", {})).items()
        }
        return Trial(
            id=int(row["id"]),
            design=design_from(row["design"]),
            status=str(row["status"]),
            started_at=str(row["started_at"]),
            stopped_at=row.get("stopped_at"),
            deviations=deviations,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise TrialError(f"the stored trial cannot be read ({error})") from None


@dataclass(frozen=True)
class TonightInTrial:
    """What tonight is in the running trial, for Home and the reminder."""

    night: PlannedNight
    total: int
    arm: Arm

    def line(self, words: str = "tonight") -> str:
        """ "Trial night 8 of 36 · tonight: routine" (or what a no-routine night asks)."""
        head = f"Trial night {self.night.number} of {self.total} · {words}: {self.arm.label}"
        if not self.arm.does_routine:
            return head + " — just log how your legs are in the morning"
        return head


def home_line(trial: Trial | None, now: datetime) -> str:
    """Home's trial line. Before noon the night just gone and the coming one are different
    nights, so each is named ("last night" was night 2, "this evening" is night 3); from noon,
    tonight alone. Once the plan has ended (or was stopped), that it has and where the result
    is; "" when there has never been a trial."""
    if trial is None:
        return ""
    design = trial.design
    if not trial.running(now.date()):
        ended = "was stopped early" if trial.status == STOPPED else "has ended"
        return (
            f"Your trial {ended}: press t for its result (or run legease trial report). "
            "Plan a new one there when you like."
        )
    current = night_of(now)
    coming = current if now.time() >= NIGHT_STARTS else current + timedelta(days=1)
    planned = design.night(max(coming, design.start))
    if planned is None:  # unreachable while the plan runs; nothing better to say
        return ""
    tonight = TonightInTrial(planned, design.total_nights, design.arms[planned.arm])
    line = tonight.line(night_words(planned.night, now))
    gone = design.night(current) if coming != current else None
    if gone is None:
        return line
    return (
        f"Trial: {night_words(gone.night, now)} was night {gone.number} of "
        f"{design.total_nights} ({design.arms[gone.arm].label})\n{line}"
    )


class TrialRepository:
    """Start, read, stop the trial and record deviations; say what tonight is."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock

    def _rows(self) -> list[dict[str, Any]]:
        with self.store.read() as db:
            return sorted(table_rows(db, TRIALS), key=lambda row: row["id"])

    def latest(self) -> Trial | None:
        """The most recent trial (running, finished or stopped), or None."""
        rows = self._rows()
        return trial_from(rows[-1]) if rows else None

    def running(self) -> Trial | None:
        """The trial whose plan is under way, or None."""
        trial = self.latest()
        return trial if trial is not None and trial.running(self.clock.now().date()) else None

    def start(self, design: TrialDesign) -> Trial:
        """Store a new trial; refused (TrialError) while another one runs."""
        today = self.clock.now().date()
        with self.store.transaction() as db:
            table = db.table(TRIALS, cache_size=0)
            for row in table_rows(db, TRIALS):
                if trial_from(row).running(today):
                    raise TrialError(
                        "a trial is already running (legease trial show); one trial at a time "
                        "— stop it first with legease trial stop"
                    )
            record = {
                "version": RECORD_VERSION,
                "design": design_record(design),
                "status": RUNNING,
                "started_at": self.clock.now().isoformat(timespec="seconds"),
                "stopped_at": None,
                "deviations": {},
            }
            doc_id = table.insert(record)
        return trial_from({**record, "id": doc_id})

    def stop(self) -> Trial:
        """Mark the running trial stopped early (its nights and deviations are kept)."""
        return self._change_running(
            lambda record: record.update(
                status=STOPPED, stopped_at=self.clock.now().isoformat(timespec="seconds")
            )
        )

    def record_deviation(self, night: date, what: str) -> Trial:
        """Note that the plan was not followed on `night` (e.g. `ROUTINE_ON_CONTROL`)."""

        def add(record: dict[str, Any]) -> None:
            deviations = dict(record.get("deviations", {}))
            items = list(deviations.get(night.isoformat(), []))
            if what not in items:
                items.append(what)
            deviations[night.isoformat()] = items
            record["deviations"] = deviations

        return self._change_running(add)

    def _change_running(self, change: Any) -> Trial:
        today = self.clock.now().date()
        with self.store.transaction() as db:
            table = db.table(TRIALS, cache_size=0)
            rows = [row for row in table_rows(db, TRIALS) if trial_from(row).running(today)]
            if not rows:
                raise TrialError("no trial is running (start one with legease trial start)")
            row = rows[-1]
            record = {key: value for key, value in row.items() if key != "id"}
            change(record)
            table.update(record, doc_ids=[row["id"]])
        return trial_from({**record, "id": row["id"]})

    def home_line(self) -> str:
        """Home's trial line for now (see `home_line`)."""
        return home_line(self.latest(), self.clock.now())

    def tonight_in_trial(self) -> TonightInTrial | None:
        """Tonight's place in the running trial (None: no trial, or tonight is outside it)."""
        trial = self.running()
        if trial is None:
            return None
        # Started in the morning, the plan's first night is this evening, not the night just
        # gone that the app's night rule names before noon.
        planned = trial.design.night(max(night_of(self.clock.now()), trial.design.start))
        if planned is None:
            return None
        return TonightInTrial(planned, trial.design.total_nights, trial.design.arms[planned.arm])

    def is_no_routine_night(self, night: date | None = None) -> bool:
        """True when the running trial asks for no routine on `night` (default: tonight)."""
        trial = self.running()
        if trial is None:
            return False
        planned = trial.design.night(night or night_of(self.clock.now()))
        return planned is not None and not trial.design.arms[planned.arm].does_routine
