"""Widgets that draw long document text and long lists line by line."""
