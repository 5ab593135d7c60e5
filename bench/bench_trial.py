"""Personal trial: the report for the largest plan, 10 pairs of 7-night blocks (140 nights,
1,024 within-pair swaps), with its 95% interval by test inversion. Target: under 100 ms.

Measured twice: the analysis alone (nights in memory), and the whole report as the command
makes it (the trial and 140 logged nights read from the data file, the result, the JSON).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path

from legease_tui.core.clock import FakeClock
from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.trial.analysis import NightRecord, analyse
from legease_tui.core.trial.design import TrialDesign
from legease_tui.core.trial.report import build_report, report_json
from legease_tui.services import build_services
from legease_tui.settings.paths import Paths

RUNS = 21
TARGET_MS = 100.0


def _cramps(number: int, arm: int) -> int:
    return (number * 7) % 4 + (0 if arm == 0 else 1)  # noisy, with a difference


def _median_ms(action: object) -> float:
    assert callable(action)
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    start = datetime(2026, 1, 5, 21, 0).astimezone()
    design = TrialDesign(start.date(), 12345, block=7, pairs=10, washout=1)
    records = [
        NightRecord(n.pair, n.arm, n.counted, float(_cramps(n.number, n.arm)))
        for n in design.nights()
    ]
    analysis_ms = _median_ms(lambda: analyse(records, design.pairs, design.measure.better))
    with tempfile.TemporaryDirectory() as folder:
        clock = FakeClock(start)
        services = build_services(Paths(data_dir=Path(folder), config_dir=Path(folder)), clock)
        trials, log = services.trial, services.log
        assert trials is not None and log is not None
        trial = trials.start(design)
        log.put_many(NightEntry(n.night, cramps=_cramps(n.number, n.arm)) for n in design.nights())
        clock.advance(141 * 86400)
        report_ms = _median_ms(
            lambda: report_json(build_report(trial, log, clock.now(), with_result=True))
        )
        result = build_report(trial, log, clock.now(), with_result=True).result
    assert result is not None
    print(f"   analysis, 10 pairs x 7 nights (1,024 swaps + interval): {analysis_ms:.1f} ms")
    print(
        f"   whole report from the data file: {report_ms:.1f} ms (target < {TARGET_MS:.0f} ms) "
        f"{'ok' if report_ms < TARGET_MS else 'OVER TARGET'}"
    )
    shown = tuple(None if v is None else round(v, 2) for v in result.interval or ())
    print(f"   (p = {result.primary.p_value:.4g}, interval {shown}, {result.verdict})")


if __name__ == "__main__":
    main()
