"""The cue WAV files: soft, short, distinct, and exactly what scripts/make_sounds.py makes."""

from __future__ import annotations

import array
import importlib.util
import sys
import wave
from pathlib import Path

import pytest

from legease_tui.adapters.audio_programs import sound_file
from legease_tui.core.routine.cue_plan import CueSound

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "make_sounds.py"


def frames(path: Path) -> tuple[wave._wave_params, list[int]]:
    with wave.open(str(path), "rb") as file:
        params = file.getparams()
        data = array.array("h", file.readframes(params.nframes))
    if sys.byteorder == "big":
        data.byteswap()
    return params, list(data)


@pytest.mark.parametrize("sound", list(CueSound))
def test_cue_is_short_quiet_mono_and_starts_and_ends_softly(sound: CueSound) -> None:
    params, samples = frames(sound_file(sound))
    assert (params.nchannels, params.sampwidth) == (1, 2)
    assert 0.2 < params.nframes / params.framerate < 1.0
    peak = max(abs(s) for s in samples)
    assert 0.2 * 32767 < peak < 0.35 * 32767  # quiet, but not silent
    first_ms = params.framerate // 1000
    assert max(abs(s) for s in samples[: 3 * first_ms]) < peak * 0.2  # no hard attack
    assert max(abs(s) for s in samples[-first_ms:]) < peak * 0.1  # no click at the end


def test_cues_differ_from_each_other() -> None:
    contents = {sound_file(sound).read_bytes() for sound in CueSound}
    assert len(contents) == len(CueSound)


def test_committed_files_are_what_the_script_makes(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_sounds", SCRIPT)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    written = script.write_sounds(tmp_path)
    assert sorted(path.stem for path in written) == sorted(s.value for s in CueSound)
    for path in written:
        made, committed = frames(path)[1], frames(sound_file(CueSound(path.stem)))[1]
        assert len(made) == len(committed)
        # Within one step: the floating-point maths of another platform may round differently.
        assert max(abs(a - b) for a, b in zip(made, committed, strict=True)) <= 1, path.stem
