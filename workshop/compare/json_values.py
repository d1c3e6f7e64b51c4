"""Numbers as the comparisons' JSON writes them."""

from __future__ import annotations

import math
from typing import Any

import numpy as np


def clean(v: Any) -> Any:
    """NaN/inf -> None for JSON; numpy scalars -> Python; floats rounded to 4 places."""
    if isinstance(v, (float, np.floating)):
        v = float(v)
        return round(v, 4) if math.isfinite(v) else None
    if isinstance(v, np.integer):
        return int(v)
    return v
