"""The portal's HTTP API (FastAPI): routers per resource, one dependency for the token."""
