"""The house rules that keep the apps' arrows pointing one way (docs/architecture.md). The layers themselves
are checked by import-linter in `make lint`; what it cannot see is an import hidden inside a function."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_PARTY = ("config", "core", "home", "blog", "comments", "demo", "wordpress_import")


def imports_inside_functions(path):
    """(function name, imported module) for every first-party import inside a function of `path`."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.ImportFrom):
                module = "." * node.level + (node.module or "")
                if node.level or module.split(".")[0] in FIRST_PARTY:
                    yield function.name, module
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] in FIRST_PARTY:
                        yield function.name, alias.name


def test_no_first_party_import_hides_inside_a_function():
    """Only AppConfig.ready() may import late, as Django intends: that is where apps plug into each
    other once every model is loaded."""
    found = [
        f"{path.relative_to(ROOT)}: {function} imports {module}"
        for package in FIRST_PARTY
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts  # data migrations import what they need inside their function
        for function, module in imports_inside_functions(path)
        if not (path.name == "apps.py" and function == "ready")
    ]
    assert found == []
