"""Capacity planning against forecast intake, and the personal forecast."""
