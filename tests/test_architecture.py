"""Boundaries of the code: who may import ezdxf and matplotlib, who may print and exit."""

import ast
from pathlib import Path

import pytest

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


#: the only packages that import ezdxf: the reader (DXF -> plan model) and the markup writer
#: (findings written into a copy of the drawing). Everything else works on the plan model and
#: the report document, so no other code depends on the CAD library.
EZDXF_PACKAGES = ("reader/", "markup/")


def test_only_the_reader_and_the_markup_writer_import_ezdxf():
    offenders = [name for name, tree in modules()
                 if "ezdxf" in set(imported(tree)) and not name.startswith(EZDXF_PACKAGES)]
    assert offenders == []
    users = {name for name, tree in modules() if "ezdxf" in set(imported(tree))}
    assert any(n.startswith("reader/") for n in users) and any(n.startswith("markup/") for n in users)


def relative_imports(name, tree):
    """Modules of the package a module imports with ``from .x import y`` (resolved)."""
    parts = name[:-3].split("/")
    package = parts[:-1] if parts[-1] != "__init__" else parts[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level >= 1:
            base = package[: len(package) - (node.level - 1)]
            yield "/".join(base + (node.module.split(".") if node.module else []))


def test_markup_is_reached_only_from_the_api_and_the_cli():
    """Nothing else (rules, reporters, engine) depends on the package that writes DXF."""
    offenders = []
    for name, tree in modules():
        if name.startswith(("markup/", "cli")) or name == "api.py":
            continue
        if any(target.startswith("markup") for target in relative_imports(name, tree)):
            offenders.append(name)
    assert offenders == []


def import_graph():
    """module -> the package modules it imports anywhere (also inside functions), skipping
    ``if TYPE_CHECKING:`` blocks (never run)."""
    import networkx as nx

    names = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("").parts
        names[".".join(rel[:-1] if rel[-1] == "__init__" else rel)] = path
    graph = nx.DiGraph()
    for module, path in names.items():
        graph.add_node(module)
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                and "TYPE_CHECKING" in ast.unparse(node.test) for n in ast.walk(node)}
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            targets = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - (node.level - 1)]
                    source = ".".join(base + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                subs = [f"{source}.{a.name}" for a in node.names if f"{source}.{a.name}" in names]
                targets = subs if len(subs) == len(node.names) else [source, *subs]
            graph.add_edges_from((module, t) for t in targets if t in names and t != module)
    return graph


def test_import_graph_has_no_cycles():
    import networkx as nx

    graph = import_graph()
    assert graph.number_of_edges() > 50  # the scan sees the package's imports
    assert list(nx.simple_cycles(graph)) == []


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


#: what commands that compute nothing must not import: each costs 0.1-0.3 s of start-up
HEAVY = ("numpy", "shapely", "networkx", "ezdxf", "matplotlib", "jinja2", "regex", "rich")
#: what ``osmark check`` imports only when an option asks for it
CHECK_EXTRAS = ("matplotlib", "jinja2", "rich", "osmark_plan.report.html", "osmark_plan.report.sarif",
                "osmark_plan.report.junit", "osmark_plan.report.image", "osmark_plan.markup",
                "osmark_plan.diff", "osmark_plan.batch")


def modules_after(args, tmp_path):
    """Run ``osmark ARGS`` in a fresh interpreter (through the console script's ``main``):
    its exit code and the names of all modules imported by the end."""
    import json
    import subprocess
    import sys

    listing = tmp_path / "modules.json"
    code = ("import json, sys\n"
            "from osmark_plan.cli import main\n"
            "rc = main(sys.argv[2:])\n"
            "open(sys.argv[1], 'w').write(json.dumps(sorted(sys.modules)))\n"
            "sys.exit(rc)\n")
    done = subprocess.run([sys.executable, "-c", code, str(listing), *args], capture_output=True,
                          text=True, cwd=tmp_path, env={**__import__("os").environ, "LANG": "C.UTF-8"})
    return done.returncode, set(json.loads(listing.read_text()))


@pytest.mark.parametrize("args", [
    ["--version"], ["--help"], ["rules"], ["rules", "--lang", "en", "--format", "json"],
    ["rules", "ACC001", "--lang", "ja"], ["rules", "NOPE999"],
    ["check", "--help"], ["layers", "--help"], ["batch", "--help"], ["diff", "--help"],
], ids=" ".join)
def test_commands_that_compute_nothing_start_without_heavy_imports(args, tmp_path):
    """The rule registry (codes, names, clauses, severities, options, documentation) and the
    command line load without the geometry, CAD, drawing and template libraries."""
    code, loaded = modules_after(args, tmp_path)
    assert code == (2 if "NOPE999" in args else 0)
    assert [m for m in HEAVY if m in loaded] == []
    if args[0] == "rules":
        assert "osmark_plan.rules.access" in loaded  # the probe sees the registry loaded


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_check_imports_only_what_checking_needs(fmt, tmp_path):
    """``osmark check`` loads the reader and geometry, and the one reporter asked for; no
    image, HTML, SARIF/JUnit, DXF markup or terminal-colour machinery unless asked."""
    sample = PACKAGE.parent / "samples" / "dxf" / "acc001.dxf"
    code, loaded = modules_after(["check", "--format", fmt, str(sample)], tmp_path)
    assert code == 1  # the sample has an error finding: the check ran to its end
    assert {"ezdxf", "shapely", "networkx", "osmark_plan.rules.access"} <= loaded
    assert [m for m in CHECK_EXTRAS if m in loaded] == []
    other = {"json": "osmark_plan.report.text", "text": "osmark_plan.report.json_report"}[fmt]
    assert other not in loaded


def test_check_imports_the_extras_its_options_ask_for(tmp_path):
    """The converse, so that the test above cannot pass by a probe that sees nothing."""
    sample = PACKAGE.parent / "samples" / "dxf" / "acc001.dxf"
    code, loaded = modules_after(["check", "--format", "sarif", "--dxf", str(tmp_path / "marked.dxf"),
                                  str(sample)], tmp_path)
    assert code == 1
    assert {"osmark_plan.report.sarif", "osmark_plan.markup"} <= loaded
    assert "matplotlib" not in loaded


def test_the_forked_scan_starts_before_any_heavy_library():
    """What ``osmark check`` forks to scan the drawing while the libraries import
    (reader/prescan.py, with the layer patterns it needs) loads none of them itself."""
    import json
    import subprocess
    import sys

    code = ("import json, sys\n"
            "import osmark_plan.reader.prescan, osmark_plan.reader.layers, osmark_plan.config\n"
            "print(json.dumps(sorted(sys.modules)))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(done.stdout))
    assert [m for m in HEAVY if m in loaded and m != "regex"] == []  # regex: the user's patterns
    assert "osmark_plan.reader.plan" not in loaded


def _module_imports() -> dict[str, set[str]]:
    """Each package module and the package modules it imports (anywhere in it, also inside
    functions and under TYPE_CHECKING): relative imports resolved to dotted names."""
    graph: dict[str, set[str]] = {}
    names = {name[:-3].replace("/", ".").removesuffix(".__init__") for name, _ in modules()}
    for name, tree in modules():
        mod = name[:-3].replace("/", ".").removesuffix(".__init__")
        package = mod if name.endswith("__init__.py") else mod.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level >= 1:
                base = package.split(".") if package else []
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                target = ".".join(base + ([node.module] if node.module else []))
                for alias in node.names:
                    full = f"{target}.{alias.name}" if target else alias.name
                    found.add(full if full in names else target)
        graph[mod] = {t for t in found if t in names and t != mod}
    return graph


def test_no_import_cycles():
    """No module imports (directly or round a loop) a module that imports it back."""
    graph = _module_imports()
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt):] + [nxt] if nxt in path else [node, nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for mod in sorted(graph):
        if mod not in state:
            visit(mod, [mod])
    # a package's __init__ may gather its own modules; a cycle through one is not a real loop
    real = [c for c in cycles if not any(c[i + 1].startswith(c[i] + ".") or c[i].startswith(c[i + 1] + ".")
                                         for i in range(len(c) - 1))]
    assert real == [], real
