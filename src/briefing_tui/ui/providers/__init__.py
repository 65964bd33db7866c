"""Command palette (ctrl+p) providers."""
