import socket

import pytest


def test_network_sockets_are_blocked_in_the_suite() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(OSError, match="blocked"):
        sock.connect(("127.0.0.1", 9))
