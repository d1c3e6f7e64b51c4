"""One thread for the linear algebra library while scenes run side by side (threadpoolctl).

numpy's OpenBLAS starts a thread per core for its matrix work. When each core already works on a scene of its
own, those threads only wait for each other: measured on the twelve annotated novels (bench/batch.py), two
worker processes spent 31 s of processor time with OpenBLAS's threads and 21 s without them, and finished in
16.6 s instead of 12.6 s; one process alone spent 33.6 s against 21.4 s for the same wall time. threadpoolctl
(scikit-learn's, pure Python) sets the thread count of whichever BLAS numpy loaded, without an environment
variable that would have to be set before numpy is imported.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator


def one_blas_thread() -> None:
    """From now on, this process's BLAS uses one thread (for a worker process: it does nothing else)."""
    try:
        from threadpoolctl import threadpool_limits  # (lazy: only runs on several cores need it)
    except ImportError:  # the kit still works, only with BLAS threads competing
        return
    threadpool_limits(limits=1, user_api="blas")


@contextmanager
def blas_threads(limit: int = 1) -> Iterator[None]:
    """BLAS limited to ``limit`` threads inside the block, as before after it."""
    try:
        from threadpoolctl import threadpool_limits  # (lazy: only runs on several cores need it)
    except ImportError:
        yield
        return
    with threadpool_limits(limits=limit, user_api="blas"):
        yield
