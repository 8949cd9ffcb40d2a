"""Workshops for many participants that keep nothing personal."""
