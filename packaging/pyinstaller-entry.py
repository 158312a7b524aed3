"""Entry point of the packaged build (build.spec): the same as the ``support-console`` command."""

import sys

from ui.main import main

if __name__ == "__main__":
    sys.exit(main())
