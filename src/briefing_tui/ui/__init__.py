"""The Textual front end: the only part of briefing that imports textual.

Everything here treats document text as untrusted: it reaches widgets only as
`rich.text.Text` or `textual.content.Content` objects, never as markup strings.
"""
