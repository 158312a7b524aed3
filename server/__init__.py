"""The office server: one headless process beside PostgreSQL (no Qt, no ui)."""
