"""Saved symptom checks (the `checks` table) and the note a check can leave in tonight's log.

Every read and write goes through `Store`. A record keeps the answers, so a check can always be
scored again; it also keeps the warning signs, the ranking and a one-line `summary` so the log's
night timeline can show it without knowing the quiz. Checks saved before the urgency levels
(`"urgent": true/false` and `"warnings"`) still read: their signs are placed at today's levels.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from legease_tui.core.clock import Clock
from legease_tui.core.night import night_of
from legease_tui.core.quiz.model import NO_ROUTINE, Answer, QuizContent
from legease_tui.core.quiz.saved import TABLE, latest_check, saved_checks
from legease_tui.core.quiz.scoring import CauseScore, CheckResult, compare_checks, levels_of
from legease_tui.core.storage.store import Store

NOTE_TAG = "symptom-check"
LEGACY_URGENT_SIGN = "clot"
"""What `"urgent": true` meant in a check saved before the urgency levels: one leg painful,
swollen, warm, red or darker."""


def likely_causes(result: CheckResult, content: QuizContent) -> list[str]:
    """Short names of the causes that clearly lead ("water", "sitting and exercise"); none on a
    tie of weak scores (see `scoring.CLEAR`)."""
    return [content.causes[item.cause].short for item in result.leading()]


def check_summary(result: CheckResult, content: QuizContent) -> str:
    """One short line for the log's timeline (and the note `n` leaves): under a "see a
    clinician first" sign it names the most urgent level and says so, never a routine."""
    parts = []
    if not result.stopped:
        likely = likely_causes(result, content)
        parts.append(f"most likely {', then '.join(likely)}" if likely else "no clear cause")
        if result.rls_matches:
            parts.append("restless-legs pattern")
        elif result.rls_partial:
            parts.append("some answers like restless legs")
    barred = [level for level in result.levels if level in NO_ROUTINE]
    if barred:
        parts.append(content.levels[barred[0]].short)
        return "Symptom check: " + "; ".join(parts) + ". " + content.no_routine
    if result.signs:
        count = len(result.signs)
        parts.append(f"{count} warning sign{'s' if count != 1 else ''}")
    return "Symptom check: " + "; ".join(parts)


def result_to_record(
    result: CheckResult, content: QuizContent, taken_at: str, night: date
) -> dict[str, Any]:
    """The stored form of a check (plain JSON)."""
    return {
        "taken_at": taken_at,
        "night": night.isoformat(),
        "answers": {
            key: value if isinstance(value, str) else list(value)
            for key, value in result.answers.items()
        },
        "ranked": [
            {"cause": item.cause, "score": item.score, "reasons": list(item.reasons)}
            for item in result.ranked
        ],
        "signs": list(result.signs),
        "levels": list(result.levels),
        "rls_criteria": list(result.rls_criteria),
        "routine": result.routine,
        "routine_why": result.routine_why,
        "summary": check_summary(result, content),
    }


def _answer(value: Any) -> Answer:
    return value if isinstance(value, str) else tuple(str(key) for key in value)


def record_to_result(record: dict[str, Any], content: QuizContent) -> CheckResult:
    """A stored check back as a `CheckResult` (missing fields read as empty). The levels come
    from the signs and today's content; a check saved before the levels keeps its meaning:
    `"urgent": true` was the one-leg sign, its "warnings" are signs. No routine is read back
    where a sign now says "see a clinician first"."""
    ranked = tuple(
        CauseScore(str(item["cause"]), int(item["score"]), tuple(item.get("reasons", ())))
        for item in record.get("ranked", [])
    )
    if "signs" in record:
        signs = tuple(str(key) for key in record["signs"])
    else:
        legacy = [LEGACY_URGENT_SIGN] if record.get("urgent") is True else []
        signs = tuple(dict.fromkeys([*legacy, *map(str, record.get("warnings", ()))]))
    levels = levels_of(content, signs)
    barred = bool(NO_ROUTINE & set(levels))
    return CheckResult(
        answers={str(key): _answer(value) for key, value in record.get("answers", {}).items()},
        signs=signs,
        levels=levels,
        ranked=ranked,
        rls_criteria=tuple(record.get("rls_criteria", ())),
        routine="" if barred else str(record.get("routine", "")),
        routine_why="" if barred else str(record.get("routine_why", "")),
    )


class CheckRepository:
    """Save and find symptom checks; leave a note in tonight's night record."""

    def __init__(self, store: Store, clock: Clock, content: QuizContent) -> None:
        self.store = store
        self.clock = clock
        self.content = content

    def save(self, result: CheckResult) -> dict[str, Any]:
        """Store `result` as taken now; returns the record with its "id"."""
        now = self.clock.now()
        record = result_to_record(result, self.content, now.isoformat(), night_of(now))
        with self.store.transaction() as db:
            doc_id = db.table(TABLE, cache_size=0).insert(record)
        return {**record, "id": doc_id}

    def _all(self) -> list[dict[str, Any]]:
        return saved_checks(self.store)

    def last(self) -> dict[str, Any] | None:
        """The most recent check, or None."""
        return latest_check(self.store)

    def previous(self, record_id: int) -> dict[str, Any] | None:
        """The check taken just before the one with `record_id`, or None."""
        rows = self._all()
        index = next((n for n, row in enumerate(rows) if row["id"] == record_id), None)
        if index is None or index == 0:
            return None
        return rows[index - 1]

    def note_for(self, result: CheckResult) -> tuple[str, list[str]]:
        """The note and tags `n` on the result screen leaves in tonight's log."""
        when = self.clock.now().strftime("%H:%M")
        note = f"{when} {check_summary(result, self.content).rstrip('.')}."
        tags = [NOTE_TAG, *(item.cause for item in result.leading())]
        return note, tags

    def save_and_compare(self, result: CheckResult) -> tuple[dict[str, Any], str]:
        """Save `result`; return its record and a line comparing it with the check before."""
        record = self.save(result)
        return record, self.comparison_for(record)

    def comparison_for(self, record: dict[str, Any]) -> str:
        """ "stress: high both times; water: better" against the check before (or "")."""
        before = self.previous(record["id"])
        if before is None:
            return ""
        earlier, now = (
            record_to_result(before, self.content),
            record_to_result(record, self.content),
        )
        return compare_checks(self.content, earlier, now)
