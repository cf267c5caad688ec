"""Geometry: regions, nesting, enclosure gaps, openings and the access graph."""
