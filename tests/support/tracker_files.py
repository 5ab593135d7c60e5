"""Tracker export files written from the public descriptions of their formats (the sleepdiary
project's notes on Sleep as Android; Fitbit's and Apple Health's export fields)."""

from __future__ import annotations

import json
import zipfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

SAA_HEADER = (
    "Id,Tz,From,To,Sched,Hours,Rating,Comment,Framerate,Snore,Noise,Cycles,DeepSleep,LenAdjust,Geo"
)


def saa_record(
    local: datetime,
    hours: float,
    zone: str = "Europe/London",
    adjust: str = "-30",
    comment: str = "",
    samples: int = 2,
) -> str:
    """A header line and a record line of `sleep-export.csv`, `samples` actigraphy columns."""
    start = local.replace(tzinfo=ZoneInfo(zone))
    millis = int(start.timestamp() * 1000)
    times = [f'"{(start.hour + i) % 24}:{start.minute:02d}"' for i in range(samples)]
    header = ",".join([SAA_HEADER, *times, '"Event"'])
    shown = f"{start:%d. %m. %Y} {start.hour}:{start:%M}"
    values = [
        str(millis),
        zone,
        shown,
        shown,
        shown,
        f"{hours:.3f}",
        "3.5",
        comment,
        "10000",
        "-1",
        "-1.0",
        "4",
        "0.3",
        adjust,
        "abc123",
        *(f"{0.1 * i:.2f}" for i in range(samples)),
        f"DEEP_START-{millis}",
    ]
    return header + "\n" + ",".join(f'"{value}"' for value in values) + "\n"


def fitbit_log(log_id: int, start: str, end: str, **extra: object) -> dict[str, object]:
    """One Fitbit sleep log (the fields a Takeout export has)."""
    length = int((datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds())
    log: dict[str, object] = {
        "logId": log_id,
        "dateOfSleep": end[:10],
        "startTime": start + ":00.000",
        "endTime": end + ":00.000",
        "duration": length * 1000,
        "minutesToFallAsleep": 5,
        "minutesAsleep": length // 60 - 35,
        "minutesAwake": 30,
        "minutesAfterWakeup": 0,
        "timeInBed": length // 60,
        "efficiency": 92,
        "type": "stages",
        "infoCode": 0,
        "isMainSleep": True,
    }
    log.update(extra)
    return log


def write_fitbit(folder: Path, day: str, logs: list[dict[str, object]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"sleep-{day}.json"
    path.write_text(json.dumps(logs))
    return path


def apple_record(start: str, end: str, value: str, source: str = "Watch") -> str:
    return (
        f'  <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="{source}" '
        f'sourceVersion="9.1" creationDate="{end}" startDate="{start}" endDate="{end}" '
        f'value="HKCategoryValueSleepAnalysis{value}">\n'
        '   <MetadataEntry key="HKTimeZone" value="Europe/London"/>\n'
        "  </Record>\n"
    )


APPLE_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    "<!DOCTYPE HealthData [\n<!ELEMENT HealthData (ExportDate,Me,(Record)*)>\n"
    "<!ATTLIST HealthData locale CDATA #REQUIRED>\n]>\n"
    '<HealthData locale="en_GB">\n <ExportDate value="2026-03-10 08:00:00 +0000"/>\n'
    ' <Me HKCharacteristicTypeIdentifierDateOfBirth=""/>\n'
)


def apple_export(records: list[str]) -> str:
    steps = (
        ' <Record type="HKQuantityTypeIdentifierStepCount" sourceName="Phone" unit="count" '
        'startDate="2026-03-02 10:00:00 +0000" endDate="2026-03-02 10:05:00 +0000" value="420"/>\n'
    )
    return APPLE_HEAD + steps + "".join(records) + "</HealthData>\n"


# --- hostile files: each must end in a one-line message, never a traceback --------------------


def write_zip(path: Path, member: str, data: bytes, method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        archive.writestr(member, data)
    return path


def _patch(path: Path, signature: bytes, offset: int, value: bytes) -> None:
    """Write `value` at `offset` into every zip header that starts with `signature`."""
    data = bytearray(path.read_bytes())
    at = data.find(signature)
    while at != -1:
        data[at + offset : at + offset + len(value)] = value
        at = data.find(signature, at + 1)
    path.write_bytes(bytes(data))


def damaged_zip(path: Path, member: str, data: bytes, damage: str) -> Path:
    """A zip holding `member` with one fault: "crc" (a byte of the stored data changed),
    "encrypted" (the flag set), "deflate" (the compressed stream broken), "method" (an unknown
    compression method) or "cut" (the file cut in half: no table of contents)."""
    stored = damage == "crc"
    write_zip(path, member, data, zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    if damage == "crc":
        raw = bytearray(path.read_bytes())
        at = raw.find(data[:40]) + 20
        raw[at] ^= 0x01
        path.write_bytes(bytes(raw))
    elif damage == "encrypted":
        _patch(path, b"PK\x03\x04", 6, b"\x01\x00")
        _patch(path, b"PK\x01\x02", 8, b"\x01\x00")
    elif damage == "deflate":
        raw = bytearray(path.read_bytes())
        start = 30 + len(member.encode())  # the local header, then the deflate stream
        raw[start] = 0xFF  # block type 3: reserved, never valid
        path.write_bytes(bytes(raw))
    elif damage == "method":
        _patch(path, b"PK\x03\x04", 8, b"\x63\x00")
        _patch(path, b"PK\x01\x02", 10, b"\x63\x00")
    elif damage == "cut":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    return path


def zip_of_repeats(path: Path, member: str, head: bytes, repeated: bytes, mebibytes: int) -> Path:
    """A zip whose `member` is `head` then `repeated` for `mebibytes` MiB, written a MiB at a
    time: a small file that unpacks to a large one."""
    block = repeated * (1024**2 // len(repeated))
    archive = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
    with archive, archive.open(member, "w", force_zip64=True) as out:
        out.write(head)
        for _ in range(mebibytes):
            out.write(block)
    return path


def said_to_unpack_to(path: Path, size: int) -> Path:
    """The zip at `path` with its (single) member said to unpack to `size` bytes."""
    _patch(path, b"PK\x01\x02", 24, size.to_bytes(4, "little"))
    return path
