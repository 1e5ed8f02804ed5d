"""parse(), compare() and write_docx() pause the cycle collector while they run, and restore it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

import redline
from redline import _api
from redline.errors import RedlineError

OLD = "The General Assembly,\n\n1. Decides to remain seized of the matter.\n"
NEW = "The General Assembly,\n\n1. Decides to remain actively seized of the matter.\n"


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_paused_during_the_call_and_restored_after(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    inner = _api.compare_resolutions

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return inner(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(_api, "compare_resolutions", spy)
    comparison = redline.compare(OLD, NEW)
    assert seen == [False]
    assert gc.isenabled()
    assert "actively" in repr(comparison.segments)


def test_restored_after_an_error() -> None:
    with pytest.raises(RedlineError):
        redline.compare(OLD, NEW, threshold=2.0)
    assert gc.isenabled()
    with pytest.raises(RedlineError):
        redline.parse("")
    assert gc.isenabled()


def test_a_caller_that_paused_it_keeps_it_paused() -> None:
    gc.disable()
    redline.compare(OLD, NEW)
    redline.parse(OLD)
    assert not gc.isenabled()


def test_write_docx_pauses_it_too(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from redline.word.write import _file

    seen: list[bool] = []
    inner = _file.docx_bytes

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return inner(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(_file, "docx_bytes", spy)
    redline.write_docx(redline.compare(OLD, NEW), io.BytesIO(), date="2026-01-01")
    assert seen == [False]
    assert gc.isenabled()
