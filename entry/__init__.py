"""The ``support-console`` command, for the console script and the frozen build alike.

``support-console server …`` runs the office server (no Qt is imported), ``support-console admin …``
sets up the shared PostgreSQL server (console.admin_cli); anything else is the app.
Each side is imported only when chosen, so the server never loads PySide6 and the app never loads
the server.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["server"]:
        from server.cli import main as server_main

        return server_main(args[1:])
    if args[:1] == ["admin"]:
        from console.admin_cli import main as admin_main

        return admin_main(args[1:])
    from ui.main import main as app_main

    return app_main(args)
