"""Persistence: one TinyDB JSON file made crash-safe and multi-process safe. No Textual here."""
