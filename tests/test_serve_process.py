"""``coopcheck serve`` as a real uvicorn process on a free loopback port, started and stopped here.

What only a real server shows: it binds 127.0.0.1 by default, answers the CLI's bytes over a real
socket, runs several worker processes, and on SIGTERM finishes the request in flight before it exits.
"""

from __future__ import annotations

import signal
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from coopcheck.cli import main

from .serve_server import server, stopped

ROOT = Path(__file__).resolve().parent.parent
RABAT = ROOT / "fixtures" / "agreements" / "ma" / "rabat-bamako-2018.yaml"


def test_real_server_answers_the_clis_bytes_on_loopback() -> None:
    expected = CliRunner().invoke(main, ["check", str(RABAT), "--format", "json", "--lang", "ar"]).stdout_bytes
    with server() as (proc, base):
        response = httpx.post(base + "/v1/check?lang=ar", content=RABAT.read_bytes(), timeout=30)
        assert response.status_code == 200
        assert response.content == expected
        assert "server" not in response.headers   # no uvicorn banner
        rebound = httpx.get(base + "/healthz", headers={"host": "attacker.example"}, timeout=10)
        assert rebound.status_code == 400         # loopback: only loopback names (DNS rebinding)
        proc.send_signal(signal.SIGTERM)
        log = stopped(proc)
    assert "127.0.0.1" in log and "0.0.0.0" not in log


def test_sigterm_finishes_the_request_in_flight() -> None:
    body = RABAT.read_bytes()
    with server() as (proc, base):
        port = int(base.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
            head = (f"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\n"
                    f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode()
            conn.sendall(head + body[:100])   # the request is in flight: half its body sent
            time.sleep(0.5)
            proc.send_signal(signal.SIGTERM)
            time.sleep(0.5)
            assert proc.poll() is None, "the server quit with a request in flight"
            conn.sendall(body[100:])
            answer = b""
            while chunk := conn.recv(65536):
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 200"), answer[:200]
        assert b'"schema": "coopcheck/report/v1"' in answer
        stopped(proc)
        with pytest.raises(httpx.HTTPError):   # and it no longer accepts connections
            httpx.get(base + "/healthz", timeout=2)


def test_two_workers_answer_concurrent_requests() -> None:
    with server("--workers", "2") as (proc, base):
        results: list[int] = []

        def client() -> None:
            with httpx.Client(timeout=60) as c:
                results.extend(c.post(base + "/v1/check", content=RABAT.read_bytes()).status_code for _ in range(10))

        threads = [threading.Thread(target=client) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert results == [200] * 40
        proc.send_signal(signal.SIGTERM)
        stopped(proc)
