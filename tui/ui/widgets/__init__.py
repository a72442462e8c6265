"""Widgets shared by the app and its tabs: footer, tab bar, virtual table, layout, screens, suggest."""
