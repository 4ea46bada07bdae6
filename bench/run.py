"""`make bench`: the production-like server under load, against the static-file ceiling.

1. Starts `bin/serve` (gunicorn, DEBUG off, PostgreSQL if DATABASE_URL is set, else SQLite)
   once to measure the pages' sizes, writes a static file of about the median page size, and
   starts it again so that file is served by the same server (whitenoise).
2. Drives it with wrk, from a second process on loopback, for a fixed number of requests at
   1, 8 and 32 concurrent connections per address, and prints requests per second, p50, p95
   and p99, and each page's throughput as a ratio of the static file's.
3. Runs the scale run (bench/scale.py): 50,000 synthetic indicators, search p95 and queries
   per page.

Targets on a 2-core machine: every cached page at least 0.7 of the static file's throughput,
and p95 at most 25 ms, at 32 connections; search p95 at most 20 ms at 50,000 indicators.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "home": "/",
    "need table": "/thresholds/coventry/table/",
    "level page": "/thresholds/coventry/levels/2/",
    "indicator page": "/thresholds/coventry/indicators/cov-dev-3-self-harm-suicidal/",
    "search": "/search/?q=self+harm",
    "questionnaire result": "/which-level/coventry/result/?i=cov-dev-2-school-absences&i=cov-dev-2-substance-misuse&i=cov-fam-2-low-income",
    "contacts directory": "/contacts/",
}
CEILING = "/static/bench-ceiling.html"
CONNECTIONS = [(1, 1, 1500), (8, 2, 6000), (32, 2, 12000)]  # connections, wrk threads, requests
TARGET_RATIO, TARGET_P95_MS = 0.7, 25.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_wrk() -> str:
    if not shutil.which("wrk"):
        if os.geteuid() != 0:
            sys.exit("The benchmark needs wrk: apt-get install -y wrk")
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, stdout=subprocess.DEVNULL)
    return shutil.which("wrk")


class Server:
    def __init__(self, port: int):
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        env = os.environ | {"PORT": str(port), "ACCESS_LOG": "/dev/null"}
        self.process = subprocess.Popen([str(ROOT / "bin" / "serve")], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.time() + 180
        while time.time() < deadline:
            if self.process.poll() is not None:
                sys.exit("bin/serve stopped: " + self.process.stderr.read().decode()[-2000:])
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        self.stop()
        sys.exit("bin/serve did not answer /healthz within 180 seconds")

    def get(self, path: str) -> bytes:
        with urllib.request.urlopen(self.base + path, timeout=30) as response:
            assert response.status == 200, path
            return response.read()

    def stop(self) -> None:
        os.killpg(self.process.pid, 15)
        self.process.wait(timeout=30)


def run_wrk(wrk: str, url: str, connections: int, threads: int, requests: int) -> dict:
    env = os.environ | {"BENCH_REQUESTS_PER_THREAD": str(requests // threads)}
    command = [wrk, "-t", str(threads), "-c", str(connections), "-d", "120s", "--timeout", "10s", "-s", str(ROOT / "bench" / "stop_after.lua"), url]
    output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    wrk = ensure_wrk()
    port = free_port()
    print(f"Database: {os.environ.get('DATABASE_URL', 'SQLite (db.sqlite3)')}; cache: {os.environ.get('CACHE_URL', 'db:// (default)')}")

    server = Server(port)
    sizes = {name: len(server.get(path)) for name, path in PAGES.items()}
    server.stop()
    median = sorted(sizes.values())[len(sizes) // 2]
    ceiling = ROOT / "staticfiles" / "bench-ceiling.html"
    ceiling.parent.mkdir(exist_ok=True)
    ceiling.write_text(("<p>" + "static ceiling " * 8 + "</p>\n") * (median // 140 + 1))
    sizes["static file (ceiling)"] = ceiling.stat().st_size

    server = Server(port)
    try:
        targets = {"static file (ceiling)": CEILING} | PAGES
        for path in targets.values():
            server.get(path)  # warm: pages are served from the page cache from here on
        results: dict[tuple[str, int], dict] = {}
        for connections, threads, requests in CONNECTIONS:
            for name, path in targets.items():
                results[(name, connections)] = run_wrk(wrk, server.base + path, connections, threads, requests)
    finally:
        server.stop()

    print(f"\n{'address':<24}{'bytes':>8}{'conns':>7}{'req/s':>10}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'vs static':>11}")
    missed = []
    for connections, _, _ in CONNECTIONS:
        ceiling_rps = results[("static file (ceiling)", connections)]["rps"]
        for name in targets:
            r = results[(name, connections)]
            ratio = r["rps"] / ceiling_rps
            print(f"{name:<24}{sizes[name]:>8}{connections:>7}{r['rps']:>10.0f}{r['p50_ms']:>9.2f}{r['p95_ms']:>9.2f}{r['p99_ms']:>9.2f}{ratio:>11.2f}")
            if r["errors"]:
                missed.append(f"{name} at {connections} connections: {r['errors']} errors")
            if connections == 32 and name in PAGES and ratio < TARGET_RATIO:
                missed.append(f"{name}: {ratio:.2f} of the static file's throughput at 32 connections (target {TARGET_RATIO})")
            if connections == 32 and r["p95_ms"] > TARGET_P95_MS:
                missed.append(f"{name}: p95 {r['p95_ms']:.1f} ms at 32 connections (target {TARGET_P95_MS:.0f} ms)")
        print()

    print("Scale run (50,000 synthetic indicators):")
    subprocess.run([str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "bench" / "scale.py")], cwd=ROOT, check=True)
    print("\nTargets missed: " + ("; ".join(missed) if missed else "none"))


if __name__ == "__main__":
    main()
