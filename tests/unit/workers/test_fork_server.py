"""The fork server is launched when the pool is built, and runs the warm-up page once for every worker.

Each case runs in its own interpreter: multiprocessing's fork server is one per process, and the
test process may have launched it already.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.support.paths import PROJECT


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=PROJECT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(PROJECT)})
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip()


def test_importing_the_module_runs_the_warm_up_page_with_the_default_normalisers() -> None:
    out = _run("""
        import sys
        import crawler.workers.jobs as jobs
        from crawler import settings

        assert "crawler.normalise.signals.normaliser" not in sys.modules  # only the warm-up loads it
        results = []
        run_job = jobs.run_job
        jobs.run_job = lambda job: results.append((job, run_job(job))) or results[-1][1]
        import crawler.workers.fork_server  # noqa: F401

        [(job, result)] = results
        assert job.options.normalisers == tuple(settings.NORMALISERS), job.options
        assert result.item is not None and result.error is None, result
        assert result.item["signals"]["figures"] and result.item["amounts"] and result.item["dates"]
        print("warmed")
    """)
    assert out == "warmed"


def test_a_failing_warm_up_does_not_fail_the_import() -> None:
    """The fork server dies on any exception but ImportError in a preload module: none may escape."""
    out = _run("""
        import crawler.workers.jobs as jobs

        def broken(options):
            raise RuntimeError("no warm-up today")

        jobs.warm_up = broken
        import crawler.workers.fork_server  # noqa: F401
        print("imported")
    """)
    assert out == "imported"


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="reads the fork server's command line")
def test_building_the_pool_launches_the_fork_server_with_the_warm_up_preloaded() -> None:
    out = _run("""
        from multiprocessing import forkserver
        from pathlib import Path

        from scrapy.utils.reactor import install_reactor

        install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")
        from scrapy.utils.project import get_project_settings
        from scrapy.utils.test import get_crawler

        from crawler.workers.pool import ExtractionPool
        from tests.support.waiting import wait_until

        def pool(**settings):
            project = get_project_settings().copy_to_dict()
            return ExtractionPool.from_crawler(get_crawler(settings_dict={**project, **settings}))

        def fork_server_pid():
            return forkserver._forkserver._forkserver_pid

        pool(EXTRACTION_WORKERS=0)
        pool(EXTRACTION_WORKERS=2, EXTRACTION_START_METHOD="spawn")
        assert fork_server_pid() is None  # no workers, or no fork server to use: nothing launched
        pool(EXTRACTION_WORKERS=2)
        pid = fork_server_pid()
        assert pid is not None
        # The launch returns once the fork server's socket is set, not once it has exec'ed: until then,
        # or in the middle of exec, its command line reads as the parent's, or as empty.
        cmdline = Path(f"/proc/{pid}/cmdline")
        wait_until(lambda: b"multiprocessing.forkserver" in cmdline.read_bytes(), "the fork server's exec", 60)
        print(cmdline.read_bytes().replace(b"\\0", b" ").decode())
    """)
    assert "multiprocessing.forkserver" in out and "crawler.workers.fork_server" in out, out


def test_the_pool_and_the_fork_server_read_the_same_normaliser_settings() -> None:
    """Both build their options with `JobOptions.reading`: the settings the normalisers declare, each once."""
    from scrapy.settings import Settings

    from crawler import settings as defaults
    from crawler.workers.fork_server import default_options
    from crawler.workers.pool import job_options

    crawl = Settings({name: getattr(defaults, name) for name in dir(defaults) if name.isupper()})
    crawl.set("DATES_TIMEZONE", "Asia/Hong_Kong")
    pool = job_options(crawl, capture_logs=True)
    warm = default_options()
    assert pool.normalisers == warm.normalisers == tuple(defaults.NORMALISERS)
    assert warm.settings == (("DATES_TIMEZONE", ""),)
    assert pool.settings == (("DATES_TIMEZONE", "Asia/Hong_Kong"),) and pool.capture_logs
