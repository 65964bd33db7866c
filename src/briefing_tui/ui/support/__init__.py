"""Small shared pieces of presentation: acronyms, markings, row formats, themes."""
