"""The four panes of a briefing: Overview, Participants, Topics, Outcomes."""
