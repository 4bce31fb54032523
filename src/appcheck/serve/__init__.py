"""``appcheck serve``: the checks over HTTP, for portals not written in Python, and a page for applicants.

An ASGI application on Starlette, served by uvicorn (both from the optional extra ``appcheck[serve]``),
bound to 127.0.0.1 unless told otherwise. :func:`create_app` builds the application; :func:`run` serves
it. See :mod:`appcheck.serve.app` for the endpoints.
"""

from __future__ import annotations

from .app import ServeLimits, create_app

__all__ = ["ServeLimits", "create_app", "run"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def run(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, limits: ServeLimits = ServeLimits(), settings=None) -> None:
    """Serve the application with uvicorn until interrupted (uvicorn logs requests to standard error).

    ``settings``: call settings for every check (a request's query parameters override them one by one).
    """
    import uvicorn

    uvicorn.run(create_app(limits, host=host, settings=settings), host=host, port=port, log_level="info", server_header=False,
                limit_concurrency=None, timeout_graceful_shutdown=5)
