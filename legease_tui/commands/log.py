"""`legease log` (open the log), `log add`, `log list` — headless, through the same
`LogRepository` and the same checks as the app (`export` and `import` are in `files.py`).

Exit codes: 0 done, 1 could not be done (data file, existing night, file exists), 2 bad input
(the message names the option and the allowed range; nothing is written).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from legease_tui.commands import USAGE_ERROR, Subparsers, add_command, load_services, open_app
from legease_tui.core.durations import minutes_text
from legease_tui.core.log.diary.entry import SPECS, EntryInvalid, NightEntry, parse_entry, read_date
from legease_tui.core.log.diary.fields import COMMON_TAGS
from legease_tui.core.log.repository import (
    LogRepository,
    NightExists,
    NightQuery,
    UnreadableNight,
    unreadable_notice,
)
from legease_tui.core.log.tracker.store import UnreadablePeriod, unreadable_periods_notice
from legease_tui.core.night import night_of, night_with_date
from legease_tui.core.storage.store import StoreError
from legease_tui.core.text import json_text, terminal_safe

FAILED = 1
ENTRY_OPTIONS = [name for name in SPECS if name not in ("night", "tags")]


def _date(text: str) -> date:
    try:
        return read_date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def register(subparsers: Subparsers) -> None:
    log = add_command(subparsers, "log", help="open the nightly log, or add / list nights")
    log.set_defaults(func=run_open_log)
    actions = log.add_subparsers(title="log commands", metavar="ACTION")
    add = add_command(
        actions, "add", help="log a night (the current one: last night before noon; or --date)"
    )
    add.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="the night's date, named by its evening (default: last night before noon, "
        "tonight from noon)",
    )
    for name in ENTRY_OPTIONS:
        spec = SPECS[name]
        add.add_argument(
            spec.option, dest=name, metavar="VALUE", help=f"{spec.label}: {spec.allowed()}"
        )
    add.add_argument(
        "--tag",
        dest="tags",
        action="append",
        metavar="TAG",
        help=f"what you did, as the form's ticks name it: {', '.join(COMMON_TAGS)} (stretch, "
        "walk ... are read as these); any other word is a tag of its own. Repeat for more; "
        "with --update, added to the night's tags",
    )
    add.add_argument("--update", action="store_true", help="change a night already logged")
    add.add_argument(
        "--replace-tags",
        action="store_true",
        help="with --update: the --tag words replace the night's tags (none given: clears them)",
    )
    add.set_defaults(func=run_add)
    listing = add_command(actions, "list", help="list nights, newest first")
    range_options(listing)
    listing.add_argument("--tag", help="only nights with this tag")
    listing.add_argument("--cramps", action="store_true", help="only nights with cramps")
    listing.add_argument("--format", choices=("table", "json"), default="table")
    listing.set_defaults(func=run_list)


def range_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="start",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the first night (default: the first logged)",
    )
    parser.add_argument(
        "--to",
        dest="end",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the last night, included (default: the last logged)",
    )


def reversed_range(args: argparse.Namespace, command: str) -> bool:
    """Say so when --from comes after --to (nothing could match): the person swapped them."""
    if args.start is None or args.end is None or args.start <= args.end:
        return False
    print(
        f"legease {command}: --from {args.start} is after --to {args.end}: the range is "
        "reversed (the earlier night goes with --from).",
        file=sys.stderr,
    )
    return True


def log_repository(home: str | None) -> LogRepository | None:
    return load_services(home).log


def run_open_log(args: argparse.Namespace) -> int:
    return open_app(args.home, start="log")


def _explain(error: EntryInvalid) -> str:
    lines = []
    for problem in error.problems:
        option = "--date" if problem.field == "night" else SPECS[problem.field].option
        option = "--tag" if problem.field == "tags" else option
        lines.append(f"legease log add: {option}: {problem.message}")
    return "\n".join(lines)


def run_add(args: argparse.Namespace) -> int:
    repository = log_repository(args.home)
    if repository is None:
        return FAILED
    given: dict[str, object] = {name: getattr(args, name) for name in ENTRY_OPTIONS}
    given = {name: value for name, value in given.items() if value is not None}
    if args.tags and not args.update:
        given["tags"] = args.tags
    if args.replace_tags:
        given["tags"] = args.tags or []
    now = repository.clock.now()
    tonight = night_of(now)
    # `--date ""` is a slip, not "tonight": only a missing --date means the current night.
    night = tonight.isoformat() if args.date is None else args.date
    raw: dict[str, object] = {**given, "night": night}
    try:
        entry = parse_entry(raw, tonight=tonight, now=now)
        refusal = _add_refusal(args, given)  # after the values: a bad --date is named first
        if refusal is not None:
            print(f"legease log add: {refusal}", file=sys.stderr)
            return USAGE_ERROR
        if args.update:
            added = [] if args.replace_tags else args.tags or []
            updated, entry = repository.update(entry.night, given, add_tags=added)
            change = updated.value
        else:
            repository.add(entry)
            change = "added"
    except EntryInvalid as error:
        print(_explain(error), file=sys.stderr)
        return USAGE_ERROR
    except NightExists as error:
        print(f"legease log add: {error}; add --update to change it.", file=sys.stderr)
        return FAILED
    except StoreError as error:
        print(f"legease: {error}", file=sys.stderr)
        return FAILED
    print(f"Night {change}: {entry.summary(night_with_date(entry.night, now))}")
    if args.update and (args.tags or args.replace_tags):
        how = "replaced" if args.replace_tags else "added (--replace-tags replaces them)"
        print(f"Tags {how}; the night's tags now: {', '.join(entry.tags) or 'none'}")
    return 0


def _add_refusal(args: argparse.Namespace, given: dict[str, object]) -> str | None:
    """Why `log add` will not go on: nothing to log (an empty night would block the next add),
    or --replace-tags without --update."""
    if args.replace_tags and not args.update:
        return "--replace-tags goes with --update (a new night's tags are its --tag words)."
    if not given and not args.tags and not args.replace_tags:
        return (
            "nothing to log: give at least one value, for example --tension 4, --cramps 0 "
            "or --tag stretched (legease log add --help lists them)."
        )
    return None


def _table(entries: list[NightEntry]) -> str:
    head = f"{'night':<10}  {'tension':>7}  {'cramps':>6}  {'sleep':>11}  tags"
    lines = [head]
    for entry in entries:
        asleep = minutes_text(entry.sleep.minutes_asleep)
        tension = "–" if entry.tension is None else str(entry.tension)
        cramps = "–" if entry.cramps is None else str(entry.cramps)
        lines.append(
            f"{entry.night.isoformat():<10}  {tension:>7}  {cramps:>6}  {asleep:>11}  "
            + ", ".join(entry.tags)
        )
    return "\n".join(lines)


def run_list(args: argparse.Namespace) -> int:
    if reversed_range(args, "log list"):
        return USAGE_ERROR
    repository = log_repository(args.home)
    if repository is None:
        return FAILED
    query = NightQuery(args.start, args.end, args.tag, args.cramps)
    entries = repository.entries(query)
    unreadable = repository.unreadable(query)
    name_unreadable(unreadable)
    if args.format == "json":
        values = [entry.as_values() for entry in entries]
        print(json_text(values))
    elif entries:
        print(terminal_safe(_table(entries)))
    elif not unreadable and not repository.entries():
        print("No nights logged yet: add one with legease log add.")
    else:
        print("No nights match.")
    return 0


def name_unreadable_periods(unreadable: list[UnreadablePeriod]) -> None:
    notice = unreadable_periods_notice(unreadable)
    if notice is not None:
        print(f"legease: {terminal_safe(notice)}", file=sys.stderr)


def name_unreadable(unreadable: list[UnreadableNight]) -> None:
    """Nights that could not be read are said, on stderr, never silently left out."""
    notice = unreadable_notice(unreadable)
    if notice is not None:
        print(f"legease: {terminal_safe(notice)}", file=sys.stderr)
