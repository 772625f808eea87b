"""CPU seconds of the finders and of whole-page extraction on hostile inputs, by size.

Run from the repository root:  python benchmarks/pathological_bench.py [--sizes 200000,1000000] [--limit 120]

Inputs are `tests/support/pathological.py`: texts go through `find_date_mentions` and `find_amounts`,
pages through `run_job` (extraction and every normaliser, as in a worker). Each measurement runs in
its own process under a CPU limit (RLIMIT_CPU), so an input that is still super-linear prints
"> LIMIT" instead of running for hours. Figures are in docs/performance.md ("Hostile pages").
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.pathological import PAGES, TEXTS  # noqa: E402

_MEASURE = """
import sys, time
from datetime import UTC, datetime
sys.path.insert(0, {root!r})
from tests.support.pathological import PAGES, TEXTS
kind, name, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
now = datetime(2026, 1, 1, tzinfo=UTC)
if kind == "text":
    from crawler.normalise.amounts.finder import find_amounts
    from crawler.normalise.date_mentions.mentions import find_date_mentions
    text = TEXTS[name](size)
    started = time.process_time()
    find_date_mentions(text, reference=now)
    find_amounts(text)
else:
    from crawler.settings import NORMALISERS
    from crawler.workers.jobs import JobOptions, PageJob, run_job
    html = PAGES[name](size)
    options = JobOptions(normalisers=tuple(NORMALISERS))
    started = time.process_time()
    run_job(PageJob(html, "https://news.example/article/1", "generic", None, now.isoformat(), now, options))
print(round(time.process_time() - started, 3))
"""


def measure(kind: str, name: str, size: int, limit: int) -> str:
    """CPU seconds of one input, or "> limit" when the process hit its CPU limit."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (limit, limit))

    done = subprocess.run([sys.executable, "-c", _MEASURE.format(root=str(ROOT)), kind, name, str(size)],
                          capture_output=True, text=True, preexec_fn=cap, cwd=ROOT)
    if done.returncode != 0:
        return f"> {limit}" if done.returncode < 0 else f"error {done.stderr.strip().splitlines()[-1:]}"
    return done.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200000,1000000", help="input sizes in characters, comma-separated")
    parser.add_argument("--limit", type=int, default=120, help="CPU seconds allowed per measurement")
    parser.add_argument("--only", default="", help="comma-separated input names (default: all)")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    only = set(filter(None, args.only.split(",")))
    print(f"{'input':28} {'kind':5} " + " ".join(f"{size:>12,}" for size in sizes) + "   (CPU seconds)")
    for kind, makers in (("text", TEXTS), ("page", PAGES)):
        for name in makers:
            if only and name not in only:
                continue
            figures = [measure(kind, name, size, args.limit) for size in sizes]
            print(f"{name:28} {kind:5} " + " ".join(f"{figure:>12}" for figure in figures), flush=True)


if __name__ == "__main__":
    main()
