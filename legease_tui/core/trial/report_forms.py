"""The trial's report in its forms: the same sections, in the same order, as text, Markdown
(the doctor's summary and `trial report --format md`) and JSON (everything needed to recompute
the result). The sentences come from `words.py` and `enough_words.py`."""

from __future__ import annotations

from typing import Any

from legease_tui.core.log.export import markdown_text
from legease_tui.core.trial.document import (
    TIMELINE_KEY,
    ReportDocument,
    adherence_line,
    block_line,
    build_document,
    harms_line,
    means_line,
)
from legease_tui.core.trial.enough_words import BAR_NAMES, enough_json, enough_lines
from legease_tui.core.trial.report import TrialReport, report_json
from legease_tui.core.trial.words import (
    CANNOT_TELL,
    NOT_A_CLINICIAN,
    plan_in_words,
    progress_words,
    result_lines,
)

TIMELINE_INDENT = "  "


def report_sections(report: TrialReport, *, interim: bool) -> list[tuple[str, list[str]]]:
    """The report as (heading, lines) in order, the same for every form: design, routine
    tested, result, means, blocks, adherence, harms, timeline, scope and limits. Before the
    plan ends (and no interim look was asked for) no means are shown: no running result."""
    return _sections(report, build_document(report), interim=interim)


def _sections(
    report: TrialReport, document: ReportDocument, *, interim: bool
) -> list[tuple[str, list[str]]]:
    arms = report.trial.design.arms
    sections = [("Design", document.design), ("The routine", document.routines)]
    if report.result is None:
        sections.append(
            (
                "Result",
                [
                    "The result is shown when the plan ends (the morning after its last "
                    "night); `legease trial report --interim` shows it now, with a warning."
                ],
            )
        )
    else:
        sections += [
            ("Result", result_lines(report, interim=interim)),
            ("Will it help me enough?", enough_lines(report, interim=interim)),
            ("Each block", [means_line(document), *map(block_line, document.blocks)]),
        ]
    sections += [
        ("Adherence", [adherence_line(document, arms)]),
        ("Harms", [harms_line(summary) for summary in document.arms]),
        ("Timeline", [TIMELINE_KEY, *document.timeline]),
        ("Scope and limits", [document.scope, CANNOT_TELL, NOT_A_CLINICIAN]),
    ]
    return sections


def report_document_json(report: TrialReport, *, interim: bool) -> dict[str, Any]:
    """The JSON form: everything needed to recompute the result (`report_json`), the report's
    figures per arm and per block, the timeline, and every section's words."""
    document = build_document(report)
    return {
        **report_json(report),
        "interim": interim,
        "arms": [
            {
                "label": arm.label,
                "mean": arm.mean if report.result is not None else None,
                "nights": arm.nights,
                "followed": arm.followed,
                "past_nights": arm.past,
                "went_wrong": arm.harms,
                "went_wrong_answered": arm.answered,
            }
            for arm in document.arms
        ],
        "block_rows": [
            {
                "pair": row.pair,
                "arm": row.arm,
                "first_night": row.first_night.isoformat(),
                "counted": row.counted,
                "mean": row.mean if report.result is not None else None,
            }
            for row in document.blocks
        ],
        "timeline": document.timeline,
        "enough": enough_json(report),
        "scope": document.scope,
        "limits": [CANNOT_TELL, NOT_A_CLINICIAN],
        "sections": dict(_sections(report, document, interim=interim)),
    }


def report_text(report: TrialReport, *, interim: bool) -> str:
    lines = [plan_in_words(report.trial.design)[0], progress_words(report) + "."]
    for heading, section in report_sections(report, interim=interim):
        lines += ["", heading if heading.endswith("?") else f"{heading}:"]
        if heading == "Timeline":
            lines += [section[0], *(TIMELINE_INDENT + row if row else "" for row in section[1:])]
        else:
            lines += section
    return "\n".join(lines) + "\n"


def report_markdown(report: TrialReport, *, interim: bool, heading: str = "#") -> str:
    """The trial's section of the doctor summary (and `trial report --format md`)."""
    design = report.trial.design
    lines = [
        f"{heading} Personal trial: {markdown_text(design.arms[0].label)} vs "
        f"{markdown_text(design.arms[1].label)}",
        "",
        f"**Status:** {report.state} · {markdown_text(progress_words(report))}",
    ]
    for title, section in report_sections(report, interim=interim):
        lines += ["", f"{heading}# {title}", ""]
        if title == "Timeline":  # a fixed-width drawing: letters and figures only
            lines += [markdown_text(section[0]), "", "```", *section[1:], "```"]
        else:
            lines += _markdown_items(section)
    return "\n".join(lines) + "\n"


def _markdown_items(section: list[str]) -> list[str]:
    """A section's lines as list items; the bar drawing, in order, as a fixed-width block."""
    items: list[str] = []
    for line in section:
        drawn = line.startswith(BAR_NAMES)
        if drawn and items[-1:] == ["```"]:  # the drawing goes on: inside the block
            items[-1:] = [line, "```"]
        elif drawn:
            items += ["", "```", line, "```"]
        else:
            items += ([""] if items[-1:] == ["```"] else []) + [f"- {markdown_text(line)}"]
    return items
