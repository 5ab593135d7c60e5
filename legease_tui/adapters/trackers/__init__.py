"""Readers of sleep trackers' export files, on this machine only: each turns a file (or a folder
or zip holding it) into plain `SleepPeriod`s, all checked before the caller stores any.

A reader raises `TrackerInvalid` naming the file and the line or record that cannot be read, so
an import is all or nothing.
"""
