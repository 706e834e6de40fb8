"""A real ``coopcheck serve`` process for the tests: a free loopback port, started and always stopped."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

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
