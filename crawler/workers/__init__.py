"""Page extraction off the reactor: a pool of worker processes, one picklable job, normalisers run early.

- `crawler.workers.jobs`: `run_job(PageJob) -> JobResult`, the pure function a worker runs: extraction,
  then the article-level normalisers (amounts, date mentions). JSON-safe data in, JSON-safe data out.
- `crawler.workers.normalisers`: `NORMALISERS`, the registration point for those normalisers.
- `crawler.workers.marks`: how an item says which pipeline work a worker already did (`precomputed`).
- `crawler.workers.pool`: `ExtractionPool`, the process pool a spider awaits (`EXTRACTION_*` settings).

This package imports nothing heavy; `precomputed` can be imported by any item pipeline.
"""

from __future__ import annotations

from crawler.workers.marks import precomputed

__all__ = ["precomputed"]
