"""The service under test: through Starlette's test client, and as a real uvicorn server on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
import time

import pytest

pytest.importorskip("starlette", reason="appcheck[serve] is not installed")

from starlette.testclient import TestClient  # noqa: E402

from appcheck.serve import ServeLimits, create_app  # noqa: E402

from ..conftest import EXAMPLES  # noqa: E402

VALID = EXAMPLES / "gd-2022" / "training" / "valid.json"
INVALID = EXAMPLES / "gd-2022" / "training" / "GD22-TRN-COUNTRIES.json"
YAML = EXAMPLES / "gd-2022" / "training" / "valid-yaml-draft.yaml"


def client(limits: ServeLimits = ServeLimits()) -> TestClient:
    return TestClient(create_app(limits), base_url="http://127.0.0.1", raise_server_exceptions=False)


@pytest.fixture(scope="module")
def api() -> TestClient:
    with client() as test_client:
        yield test_client


class Server:
    """uvicorn serving the application on a free port of 127.0.0.1, in a thread."""

    def __init__(self, limits: ServeLimits = ServeLimits()) -> None:
        import uvicorn

        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(limits), log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.socket]}, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.socket.close()


@pytest.fixture(scope="module")
def loopback():
    """Connections to 127.0.0.1 allowed (the suite blocks every other network socket)."""
    from .. import conftest

    blocked = socket.socket.connect

    def connect(self, address, *args, **kwargs):
        if self.family == socket.AF_INET and address[0] == "127.0.0.1":
            return conftest._connect(self, address, *args, **kwargs)
        return blocked(self, address, *args, **kwargs)

    socket.socket.connect = connect
    try:
        yield
    finally:
        socket.socket.connect = blocked


@pytest.fixture(scope="module")
def server(loopback):
    with Server(ServeLimits(max_bytes=64 * 1024, max_concurrent=1)) as running:
        yield running
