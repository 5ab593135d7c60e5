"""One night as the person's sleep diary keeps it: its fields, how each value is read, the
order of its times, the Consensus Sleep Diary's figures and the checked `NightEntry`."""
