"""The person's local time zone as a real zone (with its daylight-saving rules).

`datetime.now().astimezone()` gives only today's fixed offset, which would put a reminder an hour
off after a clock change; reminders need the zone itself. Order: `TZ`, then /etc/localtime, then
the fixed offset as a last resort.
"""

from __future__ import annotations

import os
from datetime import datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

LOCALTIME = Path("/etc/localtime")


def local_zone() -> tzinfo:
    """The local zone; never raises."""
    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    try:
        target = LOCALTIME.resolve()
        if "zoneinfo" in target.parts:
            key = "/".join(target.parts[target.parts.index("zoneinfo") + 1 :])
            return ZoneInfo(key)
        with LOCALTIME.open("rb") as handle:
            return ZoneInfo.from_file(handle, key="localtime")
    except (OSError, ValueError, ZoneInfoNotFoundError):
        pass
    fixed = datetime.now().astimezone().tzinfo
    assert fixed is not None
    return fixed


def zone_name(zone: tzinfo) -> str:
    """A readable name: 'Europe/London', else the abbreviation now."""
    key = getattr(zone, "key", None)
    return str(key) if key and key != "localtime" else str(datetime.now(zone).tzname())
