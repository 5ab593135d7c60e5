"""The plain mode's keys: one read is one key, and the terminal is always put back."""

from __future__ import annotations

import os
import pty
import termios

import pytest

from legease_tui.adapters.keyboard import END_OF_INPUT, decode_key, terminal_keys


def test_arrows_mean_next_and_back_and_other_keys_their_first_character() -> None:
    assert decode_key(b"\x1b[C") == "n"
    assert decode_key(b"\x1b[D") == "b"
    assert decode_key(b" ") == " "
    assert decode_key(b"qq") == "q"
    assert decode_key(b"") == END_OF_INPUT  # a hung-up terminal stops the routine


def test_keys_are_read_one_at_a_time_and_the_terminal_restored_after_ctrl_c() -> None:
    leader, follower = pty.openpty()
    try:
        before = termios.tcgetattr(follower)
        with pytest.raises(KeyboardInterrupt), terminal_keys(follower) as keys:
            during = termios.tcgetattr(follower)
            assert not during[3] & (termios.ICANON | termios.ECHO)  # no line buffer, no echo
            assert keys.wait(0) is None
            os.write(leader, b"p")
            assert keys.wait(1.0) == "p"  # returns as soon as the key is there
            raise KeyboardInterrupt
        assert termios.tcgetattr(follower) == before
    finally:
        os.close(leader)
        os.close(follower)
