"""Subcommands of `briefing`: each module offers `register(subparsers)` and a `run(args)`.

They share the core with the TUI but never import textual, so scripts start fast.
"""
