"""The one-way dependency ui -> console: the core never imports Qt, the UI never builds SQL."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_console_never_imports_qt_or_ui() -> None:
    for path in (ROOT / "console").rglob("*.py"):
        bad = _imports(path) & {"PySide6", "shiboken6", "ui", "qt_material"}
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_ui_never_imports_sqlalchemy() -> None:
    for path in (ROOT / "ui").rglob("*.py"):
        bad = _imports(path) & {"sqlalchemy", "alembic", "psycopg"}
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_importing_every_console_module_loads_no_qt() -> None:
    modules = sorted(
        "console." + ".".join(p.relative_to(ROOT / "console").with_suffix("").parts)
        for p in (ROOT / "console").rglob("*.py")
        if "migrations" not in p.parts and p.name != "__init__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_server_never_imports_qt_or_ui_and_ui_never_imports_server() -> None:
    for path in (ROOT / "server").rglob("*.py"):
        bad = _imports(path) & {"PySide6", "shiboken6", "ui", "qt_material"}
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"
    for path in (ROOT / "ui").rglob("*.py"):
        assert "server" not in _imports(path), f"{path.relative_to(ROOT)} imports server"
    for path in (ROOT / "console").rglob("*.py"):
        assert "server" not in _imports(path), f"{path.relative_to(ROOT)} imports server"


def test_importing_the_server_loads_no_qt() -> None:
    code = (
        "import importlib, sys\n"
        "for m in ('server.cli', 'server.service', 'server.api.app', 'server.check', 'entry'):\n"
        "    importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
