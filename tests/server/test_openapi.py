"""The committed OpenAPI document is the one the application serves."""

from __future__ import annotations

import json
from pathlib import Path

from server.api.openapi import openapi_document, render

DOC = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"


def test_committed_openapi_document_matches_the_app() -> None:
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/openapi.json is out of date: python -m server.api.openapi > docs/openapi.json"
    )


def test_every_endpoint_but_health_needs_a_token_and_documents_problem_json() -> None:
    doc = openapi_document()
    for path, methods in doc["paths"].items():
        for method, op in methods.items():
            if path == "/api/v1/health":
                continue
            assert op.get("security"), f"{method} {path} has no security"
            for status in ("401", "422", "429"):
                assert "application/problem+json" in op["responses"][status]["content"], (
                    method,
                    path,
                    status,
                )
    assert json.loads(DOC.read_text(encoding="utf-8"))["info"]["title"] == "Support Console office API"
