"""How far a long comparison has got, told to whoever listens: nobody, unless asked.

The core's long loops (matching paragraphs, diffing each pair) say how far they are with
`tell(stage, done, total)`; the command line listens (`listening`) and draws a bar on a
terminal. The listener travels in a context variable, so no signature of the core changes,
nothing is told when nobody listens (one lookup per step), and a comparison run in another
thread or task keeps its own listener.

>>> told = []
>>> with listening(lambda stage, done, total: told.append((stage, done, total))):
...     tell("diffing paragraphs", 1, 2)
>>> tell("diffing paragraphs", 2, 2)  # nobody listens: nothing is told
>>> told
[('diffing paragraphs', 1, 2)]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["Listener", "listening", "tell"]

Listener = Callable[[str, int, int], None]
"""Called with the stage ("matching paragraphs"), the steps done and the steps in all."""

_LISTENER: ContextVar[Listener | None] = ContextVar("redline_progress", default=None)


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Tell `listener` how far every comparison run inside the block has got."""
    token = _LISTENER.set(listener)
    try:
        yield
    finally:
        _LISTENER.reset(token)


def tell(stage: str, done: int, total: int) -> None:
    """Say that `done` of the stage's `total` steps are done (to the listener, if any)."""
    listener = _LISTENER.get()
    if listener is not None:
        listener(stage, done, total)
