"""The version of osmark-plan (kept apart so reporters need not import the API)."""

__version__ = "0.1.0"
