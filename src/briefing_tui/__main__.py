"""Allow `python -m briefing_tui` to behave exactly like the `briefing` command."""

import sys

from briefing_tui.cli import main

sys.exit(main())
