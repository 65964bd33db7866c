"""Loads bench_long's stall probe into the `briefing` process it runs, and nowhere else.

Python imports `sitecustomize` at start-up from the first folder on its path that has one.
bench_long puts this folder on PYTHONPATH, and sets LONGBENCH_PROBE_OUT, only for the
`briefing` it starts in tmux; without that variable this file does nothing.  The product
holds no hook for it: a normal run never has this folder on its path.
"""

import os

if os.environ.get("LONGBENCH_PROBE_OUT"):
    import stall_probe

    stall_probe.install(os.environ["LONGBENCH_PROBE_OUT"])
