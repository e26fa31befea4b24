"""Bare programs the app is compared with: the least any PySide6 / SQLModel / reportlab app pays."""
