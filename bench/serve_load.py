"""Load benchmark of ``coopcheck serve`` (not a test): N concurrent clients against a real uvicorn on loopback.

    .venv/bin/python bench/serve_load.py [--clients 4,16] [--requests 2000] [--seconds 60] [--workers 2]
                                         [--rounds 3] [--write]

Starts ``coopcheck serve --workers W`` on a free 127.0.0.1 port, then, in each round, sends the
fixture agreements (fixtures/agreements, round-robin) as ``POST /v1/check`` from N client threads
with keep-alive connections, until ``--requests`` are answered or ``--seconds`` pass (bounded both
ways), and measures throughput, latency p50/p99 and the error count (any status but 200, or a
transport error). Each round is paired with the CLI on the same agreements, run the same way a user
would: ``coopcheck check DIR --summary jsonl --jobs W`` over copies of the same fixtures (A B A B …);
the figures are medians over the rounds, with min and max. With ``--write`` the results replace the
section between the ``serve-bench`` markers of bench/results.md (the rest of the file is another
benchmark's and is left alone).
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
COOPCHECK = str(Path(sys.executable).with_name("coopcheck"))
START, END = "<!-- serve-bench:start -->", "<!-- serve-bench:end -->"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen([COOPCHECK, "serve", "--port", str(port), "--workers", str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                # every worker loads the rulebook on its first check: warm them all before measuring
                with httpx.Client(timeout=60) as c:
                    for _ in range(4 * workers):
                        c.post(base + "/v1/check", content=b"id: [")
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("coopcheck serve did not start")


def load_round(base: str, bodies: list[bytes], clients: int, requests: int, seconds: float) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(requests))
    stop_at = time.monotonic() + seconds

    host, port = base.removeprefix("http://").rsplit(":", 1)

    def client() -> None:
        # http.client, not httpx: a few tens of microseconds of client CPU per request, so that on a
        # machine of two cores the load generator takes as little as possible from the server
        nonlocal errors
        conn = http.client.HTTPConnection(host, int(port), timeout=30)
        try:
            while time.monotonic() < stop_at:
                with lock:
                    n = next(counter, None)
                if n is None:
                    return
                body = bodies[n % len(bodies)]
                t0 = time.perf_counter()
                try:
                    conn.request("POST", "/v1/check", body=body, headers={"content-type": "application/yaml"})
                    response = conn.getresponse()
                    response.read()
                    ok = response.status == 200
                except (OSError, http.client.HTTPException):
                    ok = False
                    conn.close()
                    conn = http.client.HTTPConnection(host, int(port), timeout=30)
                elapsed = time.perf_counter() - t0
                with lock:
                    latencies.append(elapsed)
                    errors += 0 if ok else 1
        finally:
            conn.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return {"done": len(ordered), "wall": wall, "rate": len(ordered) / wall, "errors": errors,
            "p50": ordered[len(ordered) // 2] * 1000, "p99": p99 * 1000}


def cli_round(folder: Path, count: int, workers: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    subprocess.run([COOPCHECK, "check", str(folder), "--summary", "jsonl", "--jobs", str(workers)],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                   env={**os.environ, "CI": "1"})
    wall = time.perf_counter() - t0
    return {"done": count, "wall": wall, "rate": count / wall}


def in_process(bodies: list[tuple[bytes, str]], rounds: int) -> tuple[list[float], list[float]]:
    """One check in this process (no HTTP): ms per check, and the share of it spent loading the YAML."""
    sys.path.insert(0, str(ROOT / "src"))
    from coopcheck import application

    options = application.Options()
    for data, name in bodies:   # warm: rulebook, engine
        application.check_document(data, name, options)
    per_check, load_share = [], []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for data, name in bodies:
            application.load_document(data, name)
        t1 = time.perf_counter()
        for data, name in bodies:
            application.check_document(data, name, options)
        t2 = time.perf_counter()
        per_check.append((t2 - t1) / len(bodies) * 1000)
        load_share.append((t1 - t0) / (t2 - t1))
    return per_check, load_share


def spread(values: list[float], fmt: str = "{:.0f}") -> str:
    return f"{fmt.format(statistics.median(values))} ({fmt.format(min(values))}–{fmt.format(max(values))})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", default="4,16", help="client counts, comma-separated (one table row each)")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    counts = [int(c) for c in str(args.clients).split(",") if c.strip()]
    fixtures = sorted((ROOT / "fixtures" / "agreements").rglob("*.yaml"))
    bodies = [p.read_bytes() for p in fixtures]
    copies = max(1, args.requests // len(fixtures) // 2)   # the CLI's portfolio: about half as many checks
    folder = Path(tempfile.mkdtemp(prefix="coopcheck-bench-serve-"))
    for k in range(copies):
        for p in fixtures:
            shutil.copy(p, folder / f"{k:03d}-{p.parent.name}-{p.name}")
    cli_count = copies * len(fixtures)
    proc, base = start_server(args.workers)
    by_count: dict[int, list[dict[str, Any]]] = {n: [] for n in counts}
    cli_rounds: list[dict[str, Any]] = []
    try:
        for r in range(args.rounds):   # A B A B ...
            for n in counts:
                got = load_round(base, bodies, n, args.requests, args.seconds)
                by_count[n].append(got)
                print(f"round {r + 1}, {n} clients: serve {got['rate']:.0f}/s p50 {got['p50']:.1f} ms "
                      f"p99 {got['p99']:.1f} ms errors {got['errors']}", flush=True)
            cli_rounds.append(cli_round(folder, cli_count, args.workers))
            print(f"round {r + 1}: CLI --jobs {args.workers} {cli_rounds[-1]['rate']:.0f}/s", flush=True)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(folder, ignore_errors=True)
    ratios = [s["rate"] / c["rate"] for s, c in zip(by_count[max(counts)], cli_rounds, strict=True)]
    per_check, load_share = in_process([(p.read_bytes(), p.name) for p in fixtures], args.rounds)
    load = os.getloadavg()
    lines = [
        START,
        "## coopcheck serve under load (bench/serve_load.py)",
        "",
        f"`python bench/serve_load.py --clients {args.clients} --requests {args.requests} --workers {args.workers} "
        f"--rounds {args.rounds}`: a real uvicorn (`coopcheck serve --workers {args.workers}`) on 127.0.0.1, "
        f"{' or '.join(map(str, counts))} client threads with keep-alive posting the {len(fixtures)} fixture "
        f"agreements round-robin "
        f"to `POST /v1/check` (JSON report), {args.requests} requests a round (or {args.seconds:g} s); each round "
        f"paired with the CLI on copies of the same fixtures (`coopcheck check DIR --summary jsonl --jobs "
        f"{args.workers}`, {cli_count} files, start-up included). Medians over {args.rounds} rounds (min–max). "
        f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores shared with the "
        f"clients and other work (load average {load[0]:.1f} at the end).",
        "",
        "| | checks/s | p50 ms | p99 ms | errors |",
        "|---|---|---|---|---|",
        *(f"| serve, {args.workers} workers, {n} clients | {spread([s['rate'] for s in rounds])} | "
          f"{spread([s['p50'] for s in rounds], '{:.1f}')} | {spread([s['p99'] for s in rounds], '{:.1f}')} "
          f"| {sum(s['errors'] for s in rounds)} of {sum(s['done'] for s in rounds)} |"
          for n, rounds in by_count.items()),
        f"| CLI portfolio, --jobs {args.workers} | {spread([c['rate'] for c in cli_rounds])} | | | |",
        "",
        f"serve ({max(counts)} clients) / CLI throughput, paired per round: {spread(ratios, '{:.2f}')}. "
        "In this process, without HTTP, "
        f"one check (`application.check_document`, JSON report) takes {spread(per_check, '{:.1f}')} ms, of which "
        f"loading the agreement (libyaml reading path, validation) is "
        f"{spread([100 * x for x in load_share])} %: the ceiling of {args.workers} workers is about "
        f"{args.workers * 1000 / statistics.median(per_check):.0f} checks/s on {args.workers} free cores.",
        END,
    ]
    section = "\n".join(lines) + "\n"
    print(section)
    if args.write:
        results = ROOT / "bench" / "results.md"
        text = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
        if START in text and END in text:
            head, rest = text.split(START, 1)
            text = head + section.rstrip("\n") + rest.split(END, 1)[1]
        else:
            text = text.rstrip("\n") + "\n\n" + section
        results.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
