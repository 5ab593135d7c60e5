"""Personal trial: the report for the largest plan, 10 pairs of 7-night blocks (140 nights,
1,024 within-pair swaps), with its 95% interval by test inversion. Target: under 100 ms.

Measured: the analysis alone (nights in memory), then each form of the report as the command
makes it (the trial and 140 logged nights read from the data file, the result, then the text,
Markdown, JSON, or the doctor's Markdown section), and all the forms made from one reading.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from legease_tui.core.clock import FakeClock
from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.trial.adherence import arms_testing
from legease_tui.core.trial.analysis import NightRecord, analyse
from legease_tui.core.trial.design import TrialDesign
from legease_tui.core.trial.report import TrialReport, build_report
from legease_tui.core.trial.report_forms import report_document_json, report_markdown, report_text
from legease_tui.core.trial.summary import doctor_section
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
        trials, log, routines = services.trial, services.log, services.routines
        assert trials is not None and log is not None
        arms = arms_testing(design.arms, routines, "calf-hamstring")
        trial = trials.start(replace(design, arms=arms).chosen())
        log.put_many(NightEntry(n.night, cramps=_cramps(n.number, n.arm)) for n in design.nights())
        clock.advance(141 * 86400)

        def report() -> TrialReport:
            return build_report(trial, log, clock.now(), with_result=True, routines=routines)

        forms = {
            "text": lambda: report_text(report(), interim=False),
            "md": lambda: report_markdown(report(), interim=False),
            "json": lambda: report_document_json(report(), interim=False),
            "doctor's export section": lambda: doctor_section(log, routines),
        }
        timed = {name: _median_ms(make) for name, make in forms.items()}

        def every_form() -> None:
            made = report()
            report_text(made, interim=False)
            report_markdown(made, interim=False)
            report_document_json(made, interim=False)

        all_ms = _median_ms(every_form)
        result = report().result
    assert result is not None
    print(f"   analysis, 10 pairs x 7 nights (1,024 swaps + interval): {analysis_ms:.1f} ms")
    for name, report_ms in timed.items():
        verdict = "ok" if report_ms < TARGET_MS else "OVER TARGET"
        print(f"   report as {name}, from the data file: {report_ms:.1f} ms {verdict}")
    print(
        f"   one reading, all forms (text, md, json): {all_ms:.1f} ms (target < "
        f"{TARGET_MS:.0f} ms) {'ok' if all_ms < TARGET_MS else 'OVER TARGET'}"
    )
    shown = tuple(None if v is None else round(v, 2) for v in result.interval or ())
    print(f"   (p = {result.primary.p_value:.4g}, interval {shown}, {result.verdict})")


if __name__ == "__main__":
    main()
