"""The scale run: 50,000 synthetic indicators across 100 frameworks, as a national portal
would hold. Prints search p95 and the database queries per page before and after.

Uses a scratch database (SQLite in /tmp, or BENCH_SCALE_DATABASE_URL), never the site's own.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
scratch = Path("/tmp/portal-bench-scale.sqlite3")
os.environ["DATABASE_URL"] = os.environ.get("BENCH_SCALE_DATABASE_URL") or f"sqlite:///{scratch}"
os.environ.update(DJANGO_SETTINGS_MODULE="portal.settings", DEBUG="false", SECRET_KEY="bench-only-" + "x" * 40,
                  CACHE_URL="locmem://", ALLOWED_HOSTS="testserver", SECURE_SSL_REDIRECT="false")
if scratch.exists() and "BENCH_SCALE_DATABASE_URL" not in os.environ:
    scratch.unlink()

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from portal.cache import bump_content_version  # noqa: E402
from portal.content.loader import load  # noqa: E402
from thresholds.models import Domain, Framework, Indicator, Level, Partnership  # noqa: E402
from thresholds.search import get_index, search  # noqa: E402

TOTAL = 50_000
FRAMEWORKS = 100
PAGES = [
    "/thresholds/coventry/table/",
    "/thresholds/coventry/levels/2/",
    "/thresholds/coventry/indicators/cov-dev-2-poor-attachment/",
    "/search/?q=neglect",
    "/which-level/coventry/result/?i=cov-dev-2-poor-attachment",
    "/api/v1/search?q=DV",
]
QUERIES = ["neglect", "self harm", "DV", "CSE", "missed appointments", "school attendance", "housing", "injuries",
           "substance misuse", "young carer", "FGM", "mental health", "domestic abuse", "exploitation", "A&E", "SEND"]


def queries_per_page(client: Client) -> dict[str, int]:
    counts = {}
    for url in PAGES:
        cache.clear()
        bump_content_version()
        client.get(url)  # builds the search index once for this content version
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200, url
        counts[url] = len(captured)
    return counts


def synthetic_text(rng: random.Random, words: list[str]) -> str:
    """Eight to twenty words drawn from the real indicators, so searches find some of them."""
    return " ".join(rng.choice(words) for _ in range(rng.randint(8, 20)))


def generate() -> None:
    words = " ".join(Indicator.objects.values_list("text", flat=True)).split()
    rng = random.Random(2026)
    per_framework = TOTAL // FRAMEWORKS
    for n in range(FRAMEWORKS):
        partnership = Partnership.objects.create(slug=f"scale-{n:03}", name=f"Synthetic partnership {n}", area=f"Synthetic area {n}")
        framework = Framework.objects.create(slug=f"scale-{n:03}", partnership=partnership, name=f"Synthetic framework {n}")
        levels = [Level.objects.create(framework=framework, key=f"scale-{n:03}-level-{i}", number=i, name=f"Level {i}", short_name=f"L{i}",
                                       summary="Synthetic level", source_file="synthetic", source_section="synthetic") for i in range(1, 5)]
        domains = [Domain.objects.create(framework=framework, key=f"scale-{n:03}-domain-{i}", name=f"Domain {i}", order=i,
                                         source_file="synthetic", source_section="synthetic") for i in range(10)]
        Indicator.objects.bulk_create(
            Indicator(framework=framework, key=f"scale-{n:03}-{i:04}", level=rng.choice(levels), domain=rng.choice(domains),
                      text=synthetic_text(rng, words), order=i, source_file="synthetic", source_section="synthetic")
            for i in range(per_framework)
        )


def main() -> None:
    call_command("migrate", verbosity=0)
    plan, problems = load(sorted((ROOT / "fixtures").glob("*.yaml")))
    assert not problems, problems
    client = Client()
    before = queries_per_page(client)
    started = time.perf_counter()
    generate()
    print(f"  generated {Indicator.objects.count():,} indicators in {Framework.objects.count()} frameworks in {time.perf_counter() - started:.1f} s")
    bump_content_version()
    started = time.perf_counter()
    get_index()
    print(f"  search index built in {(time.perf_counter() - started) * 1000:.0f} ms (once per content version, per process)")
    timings = []
    for _ in range(20):
        for query in QUERIES:
            started = time.perf_counter()
            search(query)
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95)]
    print(f"  search over {len(timings)} queries: p50 {statistics.median(timings):.2f} ms, p95 {p95:.2f} ms, max {timings[-1]:.2f} ms (target p95 <= 20 ms)")
    page_timings = []
    for n, query in enumerate(QUERIES * 3):
        started = time.perf_counter()  # a new address each time, so never from the page cache
        client.get("/search/", {"q": query, "n": n})
        page_timings.append((time.perf_counter() - started) * 1000)
    page_timings.sort()
    print(f"  search page, not from the page cache, in-process: p50 {statistics.median(page_timings):.1f} ms, "
          f"p95 {page_timings[int(len(page_timings) * 0.95)]:.1f} ms, max {page_timings[-1]:.1f} ms")
    after = queries_per_page(client)
    print(f"  {'page':<66}{'queries before':>15}{'after':>7}")
    for url in PAGES:
        print(f"  {url:<66}{before[url]:>15}{after[url]:>7}")
    print("  queries per page grow with content: " + ("NO" if before == after else "YES (see above)"))


if __name__ == "__main__":
    main()
