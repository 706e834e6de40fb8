"""Renderers read a ``Report`` and never change it: one module per output format."""
