"""Whole screens: the main reader and the views pushed over it, each imported on first use."""
