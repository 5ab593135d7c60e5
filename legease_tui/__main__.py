"""`python -m legease_tui` runs the same command line as `legease`."""

from legease_tui.cli import main

raise SystemExit(main())
