"""Entry point of the packaged build (build.spec): the same as the ``support-console`` command.

``entry.main`` runs the office server for ``support-console server …`` and the app otherwise.
"""

import sys

from entry import main

if __name__ == "__main__":
    sys.exit(main())
