"""``python -m server``: the same as ``support-console server``."""

import sys

from server.cli import main

sys.exit(main(sys.argv[1:]))
