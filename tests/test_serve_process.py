"""``coopcheck serve`` as a real uvicorn process on a free loopback port, started and stopped here.

What only a real server shows: it binds 127.0.0.1 by default, answers the CLI's bytes over a real
socket, runs several worker processes, and on SIGTERM finishes the request in flight before it exits.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from coopcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
RABAT = ROOT / "fixtures" / "agreements" / "ma" / "rabat-bamako-2018.yaml"
COOPCHECK = str(Path(sys.executable).with_name("coopcheck"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def server(*args: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """A ``coopcheck serve`` process; yields it and its base URL once /healthz answers; always stopped."""
    port = free_port()
    proc = subprocess.Popen([COOPCHECK, "serve", "--port", str(port), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env={**os.environ, "COOPCHECK_DEBUG": ""})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"coopcheck serve exited: {proc.stdout.read() if proc.stdout else ''}")
            try:
                if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("coopcheck serve did not answer within 60 s")
            time.sleep(0.2)
        yield proc, base
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)
        if proc.stdout:
            proc.stdout.close()


def stopped(proc: subprocess.Popen[str]) -> str:
    """Wait for a SIGTERMed server; its log. uvicorn shuts down gracefully, then re-raises the signal
    so that its parent sees it (exit status -15), or exits 0 (a supervisor of workers)."""
    assert proc.wait(30) in (0, -signal.SIGTERM)
    log = proc.stdout.read() if proc.stdout else ""
    assert "Finished server process" in log or "Stopping parent process" in log, log
    return log


def test_real_server_answers_the_clis_bytes_on_loopback() -> None:
    expected = CliRunner().invoke(main, ["check", str(RABAT), "--format", "json", "--lang", "ar"]).stdout_bytes
    with server() as (proc, base):
        response = httpx.post(base + "/v1/check?lang=ar", content=RABAT.read_bytes(), timeout=30)
        assert response.status_code == 200
        assert response.content == expected
        assert "server" not in response.headers   # no uvicorn banner
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
