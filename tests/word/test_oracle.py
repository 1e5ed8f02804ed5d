"""Accept-all and reject-all in LibreOffice give the new and the old text, exactly.

Every file is opened by the real thing (../shared/tools/lo_oracle.py, one LibreOffice start
for all of them). Expected texts come from the parsed inputs (tests/expect.py), never from
our writer. Never skipped in CI (REDLINE_REQUIRE_ORACLE=1 turns a skip into a failure).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import redline
from expect import expected_view
from oracle import require_oracle, run_oracle
from support.evaluation import revise

pytestmark = pytest.mark.oracle
DATE = "2026-01-01T00:00:00Z"
GENERATED = 24


@dataclass(frozen=True)
class Case:
    name: str
    comparison: redline.Comparison
    path: Path


def _cases(shared_dir: Path, folder: Path) -> list[Case]:
    s4613 = redline.parse(shared_dir / "seeds" / "hrc-46-13.txt")
    s479 = redline.parse(shared_dir / "seeds" / "hrc-47-9.md")
    cases = [
        ("seed-46-13-to-47-9", redline.compare(s4613, s479)),
        ("seed-47-9-to-46-13", redline.compare(s479, s4613)),
    ]
    for k in range(GENERATED):
        base, donor = (s479, s4613) if k % 2 else (s4613, s479)
        pair = revise(base, seed=k, operations=3 + k % 5, donors=donor.paragraphs)
        cases.append((f"generated-{k:02d}", redline.compare(pair.old, pair.new)))
    out = []
    for name, comparison in cases:
        path = redline.write_docx(comparison, folder / f"{name}.docx", author="Oracle", date=DATE)
        out.append(Case(name, comparison, path))
        plain = folder / f"{name}-no-moves.docx"  # moves written as deletion + insertion
        redline.write_docx(comparison, plain, author="Oracle", date=DATE, moves=False)
        out.append(Case(f"{name}-no-moves", comparison, plain))
    return out


@pytest.fixture(scope="module")
def checked(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Case, Any]]:
    require_oracle()
    cases = _cases(shared_dir, tmp_path_factory.mktemp("oracle"))
    report = run_oracle([c.path for c in cases])
    return [(c, report[str(c.path)]) for c in cases]


def test_enough_cases(checked: list[tuple[Case, Any]]) -> None:
    assert len(checked) == 2 * (GENERATED + 2)


@pytest.mark.parametrize("index", range(2 * (GENERATED + 2)))
def test_accept_gives_new_and_reject_gives_old(checked: list[tuple[Case, Any]], index: int) -> None:
    case, result = checked[index]
    assert result["loaded"], result.get("error")
    for mode, side in (("accept", case.comparison.new), ("reject", case.comparison.old)):
        body, numbers, notes = expected_view(side, auto_numbers=case.comparison.auto_numbers)
        view = result[mode]
        assert view["body"] == body, f"{case.name} {mode}"
        assert view["numbers"] == numbers, f"{case.name} {mode}"
        assert view["footnotes"] == notes, f"{case.name} {mode}"
        assert view["remaining"] == 0, f"{case.name} {mode}"


def test_seed_pair_is_tracked_not_rewritten(checked: list[tuple[Case, Any]]) -> None:
    _case, result = checked[0]
    assert result["redlines"].get("Insert", 0) > 0 and result["redlines"].get("Delete", 0) > 0


def test_arbitrary_unicode_pairs_in_libreoffice(tmp_path: Path) -> None:
    """50 hypothesis examples (arbitrary Unicode, RTL, CJK, controls) through LibreOffice."""
    from hypothesis import HealthCheck, given, settings

    from redline.comparison import compare_resolutions
    from strategies import revisions

    require_oracle()
    cases: list[tuple[Path, redline.Comparison]] = []

    @settings(
        max_examples=50, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(revisions())
    def collect(pair: tuple[redline.Resolution, redline.Resolution]) -> None:
        comparison = compare_resolutions(*pair)
        path = tmp_path / f"h{len(cases):03d}.docx"
        redline.write_docx(comparison, path, date=DATE)
        cases.append((path, comparison))

    collect()
    assert len(cases) >= 50
    report = run_oracle([p for p, _ in cases])
    failures = []
    for path, c in cases:
        result = report[str(path)]
        for mode, side in (("accept", c.new), ("reject", c.old)):
            body, numbers, notes = expected_view(side, auto_numbers=c.auto_numbers)
            view = result[mode]
            if (view["body"], view["numbers"], view["footnotes"], view["remaining"]) != (
                body,
                numbers,
                notes,
                0,
            ):
                failures.append((path.name, mode, view["body"], body))
    assert failures == []
