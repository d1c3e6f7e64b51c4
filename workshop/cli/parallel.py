"""Running one function over many scenes, on the machine's cores, with the standard library's process pool.

Each scene is independent, so the work is a plain ``map``: ``function(item, options)`` for every item, results in
the order of the items. The function must be a top-level function of picklable arguments returning a picklable
record (see :func:`workshop.cli.batch.run_scene`), so that any other engine a school already runs (a cluster's
``map``, Dask, joblib) could map the same function instead. No scheduler of our own: with ``jobs`` 1 the items
run one after another in this process, otherwise :class:`concurrent.futures.ProcessPoolExecutor` runs them.

Results are the same whatever ``jobs`` is, in the same order: each call depends only on its arguments. The
linear algebra library runs one thread per process meanwhile (:mod:`workshop.adapters.threadpoolctl_adapter`):
the scenes already keep the cores busy.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import repeat
from typing import TypeVar

from workshop.adapters.threadpoolctl_adapter import blas_threads, one_blas_thread
from workshop.errors import WorkshopError
from workshop.progress import progress_bar

Item = TypeVar("Item")
Options = TypeVar("Options")
Result = TypeVar("Result")


def default_jobs() -> int:
    """The cores this process may use (fewer than the machine's when it is limited to some of them)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def check_jobs(jobs: int | None) -> int:
    if jobs is None:
        return default_jobs()
    if jobs < 1:
        raise WorkshopError("--jobs wants a number of scenes to work on at once, 1 or more.")
    return jobs


def map_in_order(
    function: Callable[[Item, Options], Result],
    items: Sequence[Item],
    options: Options,
    *,
    jobs: int = 1,
    progress: bool = False,
    desc: str = "Scenes",
) -> Iterator[Result]:
    """``function(item, options)`` for each item, yielded in the items' order as soon as each is ready (so a
    caller can write each result while the others are still running). ``progress`` shows a bar on stderr."""
    workers = min(jobs, len(items))
    with progress_bar(total=len(items), enabled=progress, desc=desc, unit="scene") as bar, blas_threads(1):
        if workers <= 1:
            for item in items:
                result = function(item, options)
                bar.update(1)
                yield result
            return
        # The first item runs here: its imports and the tables it loads are then in memory before the workers
        # start, and a worker forked from this process does not load them again (about a second each).
        first = function(items[0], options)
        bar.update(1)
        yield first
        rest = items[1:]
        pool = ProcessPoolExecutor(max_workers=min(workers, len(rest)), initializer=one_blas_thread)
        try:
            for result in pool.map(function, rest, repeat(options), chunksize=1):
                bar.update(1)
                yield result
        except BrokenProcessPool:
            raise WorkshopError("A worker process stopped without finishing its scene (out of memory?): run again "
                                "with --jobs 1 to work on one scene at a time.") from None
        finally:  # stopped early (Ctrl+C, an error while writing): drop the scenes not started yet
            pool.shutdown(wait=True, cancel_futures=True)
