"""Format readers: bytes in, a Briefing and its Problems out; no I/O, no UI."""
