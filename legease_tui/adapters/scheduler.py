"""Adapter: fires the evening reminder with APScheduler — on Textual's loop, or in the foreground.

It only fires; `core/schedule.py` decides when. Imported lazily (after the app's first frame, or
by `legease remind`), so start-up never pays for APScheduler.

Why a trigger of our own and not `CronTrigger`: APScheduler 3.11's cron trigger, in a zone with
daylight saving, fires twice in the repeated hour when clocks fall back and an hour late when the
time is skipped in spring. `RuleTrigger` asks the core for each fire time instead, so the app and
`legease schedule` always agree.

Misfires: APScheduler's default grace is 1 second, so a laptop that wakes a minute late would
silently drop tonight's reminder. The grace here is the whole window up to the cut-off, and
`coalesce` makes several missed runs fire once; the core checks the cut-off again at fire time.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta, tzinfo
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.date import DateTrigger

from legease_tui.core.reminders.schedule import ReminderRule, next_reminders, window_length

EVENING_JOB = "evening-reminder"
SNOOZE_JOB = "snooze"
FireCallback = Callable[[], Awaitable[None]] | Callable[[], None]


class RuleTrigger(BaseTrigger):
    """A nightly trigger whose fire times come from `core.schedule.next_reminders`."""

    def __init__(self, rule: ReminderRule, zone: tzinfo) -> None:
        self.rule = rule
        self.zone = zone

    def get_next_fire_time(
        self, previous_fire_time: datetime | None, now: datetime
    ) -> datetime | None:
        start = now if previous_fire_time is None else previous_fire_time
        # next_reminders is strictly after its argument; a time equal to `now` still counts.
        after = start if previous_fire_time is not None else start - timedelta(microseconds=1)
        found = next_reminders(after, self.rule, self.zone, count=1)
        return found[0] if found else None

    def __str__(self) -> str:
        return f"legease nightly at {self.rule.at:%H:%M}"


def grace_seconds(rule: ReminderRule) -> int:
    """How late a reminder may still fire: up to the cut-off (and never less than a minute)."""
    return max(60, int(window_length(rule).total_seconds()) + 60)


class ReminderScheduler:
    """The nightly job and tonight's snooze on one APScheduler scheduler."""

    def __init__(self, scheduler: BaseScheduler, zone: tzinfo, on_fire: FireCallback) -> None:
        self.scheduler = scheduler
        self.zone = zone
        self.on_fire = on_fire

    @classmethod
    def on_running_loop(cls, zone: tzinfo, on_fire: Callable[[], None]) -> ReminderScheduler:
        """Started on the running asyncio loop (Textual's); `on_fire` runs on that loop."""

        async def fire() -> None:  # a coroutine, so the job runs on the loop, not in a thread
            on_fire()

        scheduler = cls(AsyncIOScheduler(timezone=zone), zone, fire)
        scheduler.scheduler.start()
        return scheduler

    @classmethod
    def blocking(cls, zone: tzinfo, on_fire: Callable[[], None]) -> ReminderScheduler:
        """For `legease remind`: `run()` blocks until ctrl+c."""
        return cls(BlockingScheduler(timezone=zone), zone, on_fire)

    def plan(self, rule: ReminderRule) -> None:
        """(Re)build the nightly job for `rule`; none when reminders are off."""
        self._remove(EVENING_JOB)
        if rule.enabled and rule.days:
            self._add(RuleTrigger(rule, self.zone), EVENING_JOB, grace_seconds(rule))

    def snooze_until(self, when: datetime, rule: ReminderRule) -> None:
        """Fire once more at `when` (tonight's snooze)."""
        self._remove(SNOOZE_JOB)
        self._add(DateTrigger(run_date=when), SNOOZE_JOB, grace_seconds(rule))

    def cancel_snooze(self) -> None:
        self._remove(SNOOZE_JOB)

    def every_minute(self, callback: Callable[[], None]) -> None:
        """Also run `callback` once a minute (the headless reminder re-reads its settings)."""
        self.scheduler.add_job(callback, "interval", minutes=1, id="every-minute", coalesce=True)

    def next_fire_time(self) -> datetime | None:
        """The earliest moment any reminder job will fire."""
        times = [job.next_run_time for job in self.scheduler.get_jobs() if job.next_run_time]
        return min(times) if times else None

    def wakeup(self) -> None:
        """Re-check due jobs now (after a suspend the loop's timers can run late)."""
        if self.scheduler.running:
            self.scheduler.wakeup()

    def run(self) -> None:
        """Block, firing jobs, until ctrl+c (blocking scheduler only)."""
        self.scheduler.start()

    def shutdown(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    def _add(self, trigger: BaseTrigger, job_id: str, grace: int) -> None:
        options: dict[str, Any] = {"misfire_grace_time": grace, "coalesce": True}
        self.scheduler.add_job(
            self.on_fire, trigger, id=job_id, replace_existing=True, max_instances=1, **options
        )

    def _remove(self, job_id: str) -> None:
        if self.scheduler.get_job(job_id) is not None:
            self.scheduler.remove_job(job_id)
