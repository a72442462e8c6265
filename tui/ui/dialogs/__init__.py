"""Dialogs shared by the app and its tabs: confirm, validated form, settings, import, help, palette."""
