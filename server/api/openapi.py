"""Write the API's OpenAPI document: ``python -m server.api.openapi > docs/openapi.json``.

The document is generated from the application and committed, so that a change to the API shows
in review; tests/server/test_openapi.py fails when the committed copy is out of date.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from sqlalchemy.orm import sessionmaker

from server.api.app import create_app


def openapi_document() -> dict[str, Any]:
    return create_app(sessionmaker()).openapi()


def render() -> str:
    return json.dumps(openapi_document(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
