"""Dialogs the pages open: one module each."""
