"""``coopcheck serve``: the checks as an HTTP API and a web form (FastAPI on uvicorn)."""
