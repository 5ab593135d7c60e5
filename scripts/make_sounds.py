"""Synthesise the cue sounds into `legease_tui/sounds/` with the standard library only.

`make sounds` runs it; its output is committed, so nothing is downloaded and the wheel carries
the files. The output is deterministic (no randomness, fixed header), and a test checks that the
committed files are exactly what this script makes.

Every sound is soft: sine tones with a few quiet overtones, a slow raised-cosine attack (no click,
no harsh edge), an exponential fade, a peak well below full scale, and under a second long.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from collections.abc import Callable, Sequence
from pathlib import Path

from legease_tui.core.routine.cue_plan import CueSound

RATE = 22_050
PEAK = 0.28
"""Peak level (about -11 dBFS): quiet at a bedside; the volume setting scales it further."""
OUT_DIR = Path(__file__).resolve().parent.parent / "legease_tui" / "sounds"

Frequency = Callable[[float], float]
"""Frequency in Hz at a fraction 0..1 of the note's length (a glide for breath cues)."""


def _steady(hz: float) -> Frequency:
    return lambda _fraction: hz


def _glide(start_hz: float, end_hz: float) -> Frequency:
    # An eased glide sounds like a breath rather than a siren.
    return lambda f: start_hz + (end_hz - start_hz) * (1 - math.cos(math.pi * f)) / 2


def _note(
    frequency: Frequency, seconds: float, attack: float, decay: float, level: float = 1.0
) -> list[float]:
    """One soft note: a warm tone (fundamental plus quiet 2nd and 3rd harmonics)."""
    count = int(RATE * seconds)
    attack_count = max(int(RATE * attack), 1)
    release_count = int(RATE * 0.04)
    samples: list[float] = []
    phase = 0.0
    for index in range(count):
        fraction = index / count
        phase += 2 * math.pi * frequency(fraction) / RATE
        tone = math.sin(phase) + 0.18 * math.sin(2 * phase) + 0.06 * math.sin(3 * phase)
        envelope = math.exp(-decay * index / RATE)
        if index < attack_count:
            envelope *= (1 - math.cos(math.pi * index / attack_count)) / 2
        if index >= count - release_count:  # always end on silence: no click at the end
            envelope *= (count - index) / release_count
        samples.append(level * envelope * tone / 1.24)
    return samples


def _sequence(parts: Sequence[tuple[float, list[float]]], seconds: float) -> list[float]:
    """Mix notes that start at the given offsets (seconds) into one buffer."""
    mixed = [0.0] * int(RATE * seconds)
    for offset, samples in parts:
        start = int(RATE * offset)
        for index, value in enumerate(samples):
            if start + index < len(mixed):
                mixed[start + index] += value
    return mixed


def _designs() -> dict[CueSound, list[float]]:
    """Each cue's sound: distinct by pitch and shape, so they can be told apart eyes closed."""
    return {
        # A single mid chime: "hold now".
        CueSound.HOLD_START: _note(_steady(659.3), 0.55, 0.02, 5.0),
        # A lower, longer tone: "let go, rest".
        CueSound.HOLD_END: _note(_steady(392.0), 0.7, 0.03, 3.5),
        # Two light taps: "other side".
        CueSound.SWITCH_SIDES: _sequence(
            [(0.0, _note(_steady(587.3), 0.25, 0.015, 9.0)),
             (0.22, _note(_steady(587.3), 0.3, 0.015, 8.0))],
            0.55,
        ),
        # Three rising notes: "next stretch".
        CueSound.NEXT_STEP: _sequence(
            [(0.0, _note(_steady(523.3), 0.3, 0.02, 7.0, 0.8)),
             (0.16, _note(_steady(659.3), 0.3, 0.02, 7.0, 0.8)),
             (0.32, _note(_steady(784.0), 0.45, 0.02, 5.0, 0.8))],
            0.8,
        ),
        # A swell that rises: "breathe in".
        CueSound.BREATHE_IN: _note(_glide(330.0, 494.0), 0.9, 0.35, 0.8),
        # A still, quiet tone: "hold the breath".
        CueSound.BREATHE_HOLD: _note(_steady(440.0), 0.5, 0.08, 3.0, 0.7),
        # A tone that falls away: "breathe out".
        CueSound.BREATHE_OUT: _note(_glide(494.0, 330.0), 0.9, 0.12, 2.2),
        # Three falling notes that ring on: "all done".
        CueSound.FINISHED: _sequence(
            [(0.0, _note(_steady(784.0), 0.35, 0.02, 5.0, 0.7)),
             (0.18, _note(_steady(659.3), 0.35, 0.02, 5.0, 0.7)),
             (0.36, _note(_steady(523.3), 0.58, 0.02, 3.0, 0.8))],
            0.95,
        ),
    }  # fmt: skip


def wav_bytes(samples: Sequence[float]) -> bytes:
    """16-bit mono PCM frames at `RATE`, scaled so the loudest sample sits at `PEAK`."""
    loudest = max(abs(s) for s in samples) or 1.0
    scale = PEAK * 32767 / loudest
    return b"".join(struct.pack("<h", round(s * scale)) for s in samples)


def write_sounds(out_dir: Path = OUT_DIR) -> list[Path]:
    """Write every cue's WAV file into `out_dir`; returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for sound, samples in _designs().items():
        path = out_dir / f"{sound.value}.wav"
        with wave.open(str(path), "wb") as file:
            file.setnchannels(1)
            file.setsampwidth(2)
            file.setframerate(RATE)
            file.writeframes(wav_bytes(samples))
        written.append(path)
    return written


def main(argv: Sequence[str]) -> int:
    out_dir = Path(argv[0]) if argv else OUT_DIR
    for path in write_sounds(out_dir):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
