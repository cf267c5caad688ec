"""The error of a wrong configuration file or option (exit code 2), in a module of its own so
that the modules config.py uses (sheet regions, user patterns) can raise it without importing
config.py back."""

from __future__ import annotations


class ConfigError(ValueError):
    """A configuration file or option is wrong (exit code 2); the message names the file or
    key. A ValueError, so API users may catch either."""
