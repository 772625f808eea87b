"""Page extraction off the reactor: a pool of worker processes running one picklable job.

- `crawler.workers.jobs`: `run_job(PageJob) -> JobResult`, the pure function a worker runs: extraction,
  then the article normalisers of the `NORMALISERS` setting. JSON-safe data in, JSON-safe data out.
- `crawler.workers.pool`: `ExtractionPool`, the process pool a spider awaits (`EXTRACTION_*` settings).

See docs/performance.md.
"""
