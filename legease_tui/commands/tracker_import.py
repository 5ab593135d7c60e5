"""`legease import --from sleep-as-android|fitbit|apple-health FILE`: a sleep tracker's export
becomes device figures beside the diary (never in it). Every record is read and checked first;
one bad record is named and nothing is imported. Then all periods are merged in one write."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from legease_tui.adapters.trackers.common import TrackerInvalid
from legease_tui.adapters.trackers.progress import ProgressBar
from legease_tui.adapters.trackers.reading import read_tracker
from legease_tui.commands import USAGE_ERROR, load_services
from legease_tui.core.storage.atomic import NotARegularFile
from legease_tui.core.storage.store import StoreError
from legease_tui.core.text import terminal_safe

FAILED = 1
TRACKERS = ("sleep-as-android", "fitbit", "apple-health")


def run_tracker_import(args: argparse.Namespace) -> int:
    source = Path(args.file)
    if not source.exists():
        print(f"legease import: {source} does not exist.", file=sys.stderr)
        return FAILED
    log = load_services(args.home).log
    if log is None:
        return FAILED
    bar = ProgressBar(f"Reading {source.name}")
    try:
        periods = read_tracker(args.source, source, bar)
    except TrackerInvalid as error:
        bar.finish()
        message = terminal_safe(str(error))  # it may quote the file's own text
        print(f"legease import: {message}. Nothing was imported.", file=sys.stderr)
        return USAGE_ERROR
    except NotARegularFile as error:  # a named pipe, a device: as plain `legease import` says
        bar.finish()
        print(
            f"legease import: {terminal_safe(str(error))}. Nothing was imported.", file=sys.stderr
        )
        return FAILED
    except OSError as error:
        bar.finish()
        named = terminal_safe(str(error.filename or source))  # a file in the folder, perhaps
        print(
            f"legease import: cannot read {named}: {error.strerror}. Nothing was imported.",
            file=sys.stderr,
        )
        return FAILED
    bar.finish()
    try:
        counts = log.devices.merge(periods)
    except StoreError as error:
        print(f"legease: {error}", file=sys.stderr)
        return FAILED
    print(
        f"Imported {terminal_safe(str(source))} ({args.source}): {counts.summary()}. "
        "The sleep diary was not changed."
    )
    return 0
