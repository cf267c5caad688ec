"""Boundaries of the code: who may import ezdxf and matplotlib, who may print and exit."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "osmark_plan"


def modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(PACKAGE).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def imported(tree, top_level_only=False):
    nodes = tree.body if top_level_only else ast.walk(tree)
    for node in nodes:
        if isinstance(node, ast.Import):
            yield from (a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module.split(".")[0]


def test_only_the_reader_imports_ezdxf():
    offenders = [name for name, tree in modules()
                 if "ezdxf" in set(imported(tree)) and not name.startswith("reader/")]
    assert offenders == []


def test_matplotlib_only_inside_functions():
    offenders = [name for name, tree in modules() if "matplotlib" in set(imported(tree, top_level_only=True))]
    assert offenders == []


def test_rules_never_touch_reader_or_reporters():
    offenders = []
    for name, tree in modules():
        if not name.startswith("rules/"):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level >= 1:
                if node.module.split(".")[0] in ("reader", "report", "cli"):
                    offenders.append(name)
    assert offenders == []


def test_only_the_cli_prints_or_exits():
    offenders = []
    for name, tree in modules():
        if name.startswith("cli") or name == "__main__.py":
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("print", "exit"):
                offenders.append(f"{name}:{node.lineno}")
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "exit" and getattr(node.func.value, "id", "") == "sys"):
                offenders.append(f"{name}:{node.lineno}")
    assert offenders == []


def test_rules_command_starts_without_heavy_imports():
    import subprocess
    import sys

    code = ("import sys; from osmark_plan.cli import cli; "
            "print('matplotlib' in sys.modules, 'ezdxf' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
