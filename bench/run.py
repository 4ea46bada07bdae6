"""`make bench`: the production-like server under load, against the static-file ceiling.

1. Starts `bin/serve` (gunicorn, DEBUG off, PostgreSQL if DATABASE_URL is set, else SQLite)
   once to measure the pages' sizes, writes a static file of about the median page size, and
   starts it again so that file is served by the same server (whitenoise).
2. Drives it with ApacheBench (ab, keep-alive), from a second process on loopback, for a fixed
   number of requests at 1, 8 and 32 concurrent connections per address, and prints requests
   per second, p50, p95 and p99, and each page's throughput as a ratio of the static file's.
3. Runs the scale run (bench/scale.py): 50,000 synthetic indicators, search p95 and queries
   per page.

Targets on a 2-core machine: every cached page at least 0.7 of the static file's throughput,
and p95 at most 25 ms, at 32 connections; search p95 at most 20 ms at 50,000 indicators.
"""

import csv
import os
import re
import tempfile
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
CONNECTIONS = [(1, 2000), (8, 6000), (32, 12000)]  # concurrent connections, requests
TARGET_RATIO, TARGET_P95_MS = 0.7, 25.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_ab() -> str:
    if not shutil.which("ab"):
        if os.geteuid() != 0:
            sys.exit("The benchmark needs ApacheBench: apt-get install -y apache2-utils")
        subprocess.run(["apt-get", "install", "-y", "-qq", "apache2-utils"], check=True, stdout=subprocess.DEVNULL)
    return shutil.which("ab")


class Server:
    def __init__(self, port: int):
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        env = {k: v for k, v in os.environ.items() if k != "ACCESS_LOG"} | {"PORT": str(port)}
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


def run_ab(ab: str, url: str, connections: int, requests: int) -> dict:
    """A fixed number of requests at a fixed concurrency; ab's percentiles come from its CSV."""
    with tempfile.NamedTemporaryFile(suffix=".csv") as percentiles:
        command = [ab, "-q", "-k", "-n", str(requests), "-c", str(connections), "-e", percentiles.name, url]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        with open(percentiles.name) as handle:
            table = {int(float(row[0])): float(row[1]) for row in csv.reader(handle) if row and row[0][0].isdigit()}
    failed = int(re.search(r"Failed requests:\s+(\d+)", output).group(1))
    non_2xx = re.search(r"Non-2xx responses:\s+(\d+)", output)
    return {
        "rps": float(re.search(r"Requests per second:\s+([\d.]+)", output).group(1)),
        "p50_ms": table[50], "p95_ms": table[95], "p99_ms": table[99],
        "errors": failed + (int(non_2xx.group(1)) if non_2xx else 0),
    }


def main() -> None:
    ab = ensure_ab()
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
        for connections, requests in CONNECTIONS:
            for name, path in targets.items():
                results[(name, connections)] = run_ab(ab, server.base + path, connections, requests)
    finally:
        server.stop()

    print(f"\n{'address':<24}{'bytes':>8}{'conns':>7}{'req/s':>10}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'vs static':>11}")
    missed = []
    for connections, _ in CONNECTIONS:
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
