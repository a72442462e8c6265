"""The data file: its format and its safety (atomic writes, the lock, backups, restore), the glance beside it.

Nothing here knows the repositories or the import formats: they are built on it.
"""
