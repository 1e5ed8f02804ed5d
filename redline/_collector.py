"""Python's cycle collector paused for the length of one parse, comparison or write.

A comparison builds hundreds of thousands of small objects that all live until it returns.
Each time allocations pass the collector's threshold, it walks every one of them again,
looking for unreachable cycles that cannot exist yet: about 12 % of a 1,000-paragraph
comparison and its redline (`python3 benchmarks/bench_collector.py` prints it). So
each call pauses the collector and restores it when it ends, even on an error; a caller
that paused it keeps it paused, and a call inside another changes nothing. What a call
leaves behind is collected as usual afterwards: the peak memory measured is the same. The
switch is the interpreter's own (`gc.disable`), so another thread allocating during the
call waits for the collector until the call ends.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

__all__ = ["collector_paused"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


def collector_paused(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """`fn` with the cycle collector paused while it runs (restored after, even on error)."""

    @functools.wraps(fn)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if not gc.isenabled():  # paused by the caller, or by a call this one is inside
            return fn(*args, **kwargs)
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            gc.enable()

    return paused
