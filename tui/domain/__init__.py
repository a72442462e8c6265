"""Pure renewal logic: no Textual, no files, no clock. "Today" is always passed in."""
