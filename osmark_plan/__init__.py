"""osmark-plan: check office floor drawings against the Office Security Mark layout rules."""

__version__ = "0.1.0"

from .api import build, check, check_plan, diff, load  # noqa: E402

__all__ = ["__version__", "build", "check", "check_plan", "diff", "load"]
