"""Options are values checked up front: a bad one is an OptionError naming it, before any
file is read, for text and Word inputs alike; write_docx writes to paths and streams."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest

import redline

TEXT = "The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Decides to act.\n"
DATE = "2026-01-01T00:00:00Z"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def comparison() -> redline.Comparison:
    return redline.compare(EXAMPLES / "hrc-46-13.txt", EXAMPLES / "hrc-47-9.md")


def _raises(message: str) -> pytest.RaisesContext[redline.OptionError]:
    return pytest.raises(redline.OptionError, match=f"^{re.escape(message)}$")


# -- compare / parse ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "old", [TEXT, Path("missing.docx"), Path("missing.pdf"), Path("missing.md")]
)
def test_existing_changes_is_checked_before_any_file_is_read(old: object) -> None:
    with _raises("existing_changes must be 'accept' or 'reject', not 'bogus'") as info:
        redline.compare(old, TEXT, existing_changes="bogus")  # type: ignore[arg-type]
    assert info.value.option == "existing_changes"
    with _raises("existing_changes must be 'accept' or 'reject', not 'bogus'"):
        redline.parse(old, existing_changes="bogus")  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["accept", "reject"])
def test_existing_changes_takes_its_two_values(value: str) -> None:
    assert redline.compare(TEXT, TEXT, existing_changes=value).matches  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["de", "EN", "english", ""])
def test_language_is_one_of_six_or_none(bad: str) -> None:
    message = f"language must be one of 'ar', 'en', 'es', 'fr', 'ru', 'zh' or None, not {bad!r}"
    with _raises(message):
        redline.compare(Path("missing.docx"), TEXT, language=bad)  # type: ignore[arg-type]
    with _raises(message):
        redline.parse(TEXT, language=bad)  # type: ignore[arg-type]
    assert redline.parse(TEXT, language="fr").language == "fr"


@pytest.mark.parametrize("bad", [0, 0.0, -0.5, 1.01, 2, float("nan"), True, "0.5", None])
def test_threshold_is_above_0_and_at_most_1(bad: object) -> None:
    with _raises(f"threshold must be a number above 0 and at most 1, not {bad!r}"):
        redline.compare(Path("missing.md"), TEXT, threshold=bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("good", [1, 1.0, 0.01, redline.DEFAULT_THRESHOLD])
def test_threshold_accepts_its_range(good: float) -> None:
    assert redline.compare(TEXT, TEXT, threshold=good).matches


def test_option_error_is_a_value_error_and_a_redline_error() -> None:
    with pytest.raises(ValueError):
        redline.compare(TEXT, TEXT, existing_changes="both")  # type: ignore[arg-type]
    assert issubclass(redline.OptionError, redline.RedlineError)


# -- write_docx ----------------------------------------------------------------------------
@pytest.mark.parametrize("bad", ["", "   ", 3, None, "Mission\x00"])
def test_author_is_a_non_empty_string(
    comparison: redline.Comparison, tmp_path: Path, bad: object
) -> None:
    target = tmp_path / "r.docx"
    with pytest.raises(redline.OptionError, match=r"^author ") as info:
        redline.write_docx(
            comparison,
            target,
            author=bad,  # type: ignore[arg-type]
            template=tmp_path / "missing.docx",  # checked first: the template is never read
        )
    assert info.value.option == "author"
    assert not target.exists()


def test_author_message(comparison: redline.Comparison, tmp_path: Path) -> None:
    with _raises("author must be a non-empty string, not ''"):
        redline.write_docx(comparison, tmp_path / "r.docx", author="")


@pytest.mark.parametrize(
    "bad", ["yesterday", "soon", "2026-13-01", "", 20260101, dt.date(2026, 1, 1)]
)
def test_date_is_a_datetime_or_iso_8601(
    comparison: redline.Comparison, tmp_path: Path, bad: object
) -> None:
    target = tmp_path / "r.docx"
    message = (
        f"date must be a datetime or an ISO 8601 string such as '2026-01-01T00:00:00Z', not {bad!r}"
    )
    with _raises(message) as info:
        redline.write_docx(comparison, target, date=bad)  # type: ignore[arg-type]
    assert info.value.option == "date"
    assert not target.exists()


@pytest.mark.parametrize(
    "good",
    [
        "2026-01-01",
        "2026-01-01T00:00:00Z",
        "2026-01-01T01:00:00+01:00",
        dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc),
        dt.datetime(2026, 1, 1),
    ],
)
def test_the_same_moment_in_any_spelling_gives_the_same_file(
    comparison: redline.Comparison, good: object
) -> None:
    one, two = io.BytesIO(), io.BytesIO()
    redline.write_docx(comparison, one, date=DATE)
    redline.write_docx(comparison, two, date=good)  # type: ignore[arg-type]
    assert one.getvalue() == two.getvalue()


@pytest.mark.parametrize("option", ["moves", "strict"])
def test_flags_are_booleans(comparison: redline.Comparison, tmp_path: Path, option: str) -> None:
    with _raises(f"{option} must be True or False, not 'no'"):
        redline.write_docx(comparison, tmp_path / "r.docx", **{option: "no"})  # type: ignore[arg-type]


def test_a_stream_gets_the_bytes_a_path_gets(
    comparison: redline.Comparison, tmp_path: Path
) -> None:
    path = redline.write_docx(comparison, str(tmp_path / "r.docx"), date=DATE)
    assert path == tmp_path / "r.docx"
    stream = io.BytesIO()
    assert redline.write_docx(comparison, stream, date=DATE) is None
    assert stream.getvalue() == path.read_bytes()


def test_an_open_file_is_a_stream(comparison: redline.Comparison, tmp_path: Path) -> None:
    with (tmp_path / "r.docx").open("wb") as fh:
        redline.write_docx(comparison, fh, date=DATE, moves=False)
    plain = redline.write_docx(comparison, tmp_path / "p.docx", date=DATE, moves=False)
    assert (tmp_path / "r.docx").read_bytes() == plain.read_bytes()


def test_a_stream_that_cannot_be_written_is_an_output_error(
    comparison: redline.Comparison, tmp_path: Path
) -> None:
    path = tmp_path / "ro.docx"
    path.write_bytes(b"")
    with (
        path.open("rb") as fh,
        pytest.raises(redline.OutputError, match=f"^{re.escape(str(path))}: "),
    ):
        redline.write_docx(comparison, fh, date=DATE)  # type: ignore[arg-type]
    closed = io.BytesIO()
    closed.close()
    with pytest.raises(redline.OutputError, match=r"^<stream>: cannot write the redline"):
        redline.write_docx(comparison, closed, date=DATE)


@pytest.mark.parametrize("target", [io.StringIO(), 3, None])
def test_a_target_that_is_no_path_or_binary_stream(
    comparison: redline.Comparison, target: object
) -> None:
    with pytest.raises(TypeError, match="write_docx writes"):
        redline.write_docx(comparison, target, date=DATE)  # type: ignore[call-overload]
