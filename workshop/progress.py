"""Progress bars for novel-length work: tqdm's notebook bar in Jupyter, a text bar on stderr elsewhere.

Computation stays silent unless the caller asks: with ``enabled=False`` (the default everywhere) nothing is
shown and tqdm is not even imported.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator


class _Silent:
    def update(self, n: int = 1) -> None:  # noqa: D401 - same shape as tqdm
        return None


@contextmanager
def progress_bar(*, total: int, enabled: bool = False, desc: str = "", unit: str = "it") -> Iterator[object]:
    """A context manager yielding an object with ``update(n)``: a tqdm bar when ``enabled``, else a no-op."""
    if not enabled:
        yield _Silent()
        return
    from tqdm.auto import tqdm

    bar = tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, leave=False)
    try:
        yield bar
    finally:
        bar.close()
