"""The HTML report in a real browser: Debian's chromium, headless, driven by Selenium.

No browser is downloaded: tests/run.sh installs `chromium` and `chromium-driver` with apt-get.
Without them these tests skip, except under REDLINE_REQUIRE_ORACLE=1 (tests/run.sh, hence
CI), where a missing browser fails them: they can never pass by being skipped there.
The screenshots the README shows are written to docs/ at desktop and phone width.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from view_pairs import HOSTILE_NEW, HOSTILE_OLD, IMG, NEW, OLD, RLO, SCRIPT

import redline

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
DOCS = Path(__file__).resolve().parents[2] / "docs"
ROWS = ["r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9"]


def _unavailable() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (the `test` extra)"
    for path in (CHROMIUM, CHROMEDRIVER):
        if not (Path(path).is_file() or shutil.which(Path(path).name)):
            return f"{path} is missing (apt-get install chromium chromium-driver)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    reason = _unavailable()
    if reason is not None:
        if os.environ.get("REDLINE_REQUIRE_ORACLE") == "1":
            pytest.fail(f"the browser test is required (REDLINE_REQUIRE_ORACLE=1): {reason}")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.binary_location = (
        CHROMIUM if Path(CHROMIUM).is_file() else str(shutil.which("chromium"))
    )
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver_path = CHROMEDRIVER if Path(CHROMEDRIVER).is_file() else shutil.which("chromedriver")
    driver = webdriver.Chrome(service=Service(str(driver_path)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _open(browser: Any, tmp: Path, old: str, new: str, *, size: tuple[int, int]) -> None:
    page = tmp / "report.html"
    redline.write_html(redline.compare(old, new), page)
    browser.set_window_size(*size)
    browser.get(page.as_uri())
    browser.get_log("browser")  # nothing before this page


@pytest.fixture
def demo(browser: Any, tmp_path: Path) -> Any:
    _open(browser, tmp_path, OLD, NEW, size=(1100, 500))
    return browser


def _visible_rows(browser: Any) -> list[str]:
    return list(
        browser.execute_script(
            "return [...document.querySelectorAll('tbody tr')]"
            ".filter(r => r.offsetParent !== null).map(r => r.id)"
        )
    )


def _in_view(browser: Any, row: str) -> bool:
    return bool(
        browser.execute_script(
            "const b = document.getElementById(arguments[0]).getBoundingClientRect();"
            "return b.top >= 0 && b.bottom <= window.innerHeight;",
            row,
        )
    )


def test_loads_without_console_error_or_network_request(demo: Any, tmp_path: Path) -> None:
    _open(demo, tmp_path, OLD, NEW, size=(1100, 500))
    assert demo.execute_script("return document.readyState") == "complete"
    assert demo.execute_script("return performance.getEntriesByType('resource').length") == 0
    errors = [e for e in demo.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert errors == []
    assert _visible_rows(demo) == ROWS  # the script ran: no filter, every row


def test_clicking_one_end_of_a_move_scrolls_to_the_other(demo: Any) -> None:
    from selenium.webdriver.common.by import By

    demo.execute_script("window.scrollTo(0, 0)")
    assert not _in_view(demo, "r7")
    demo.find_element(By.CSS_SELECTOR, "#r7 a.move").click()  # the stub: "moved to OP1"
    assert demo.execute_script("return location.hash") == "#r5"
    assert _in_view(demo, "r5")
    demo.execute_script("window.scrollTo(0, document.body.scrollHeight)")
    assert not _in_view(demo, "r5") or _in_view(demo, "r7")
    demo.find_element(By.CSS_SELECTOR, "#r5 td.new a.move").click()  # "moved from OP2"
    assert demo.execute_script("return location.hash") == "#r7"
    assert _in_view(demo, "r7")


def test_filters_hide_and_show_the_right_rows(demo: Any) -> None:
    from selenium.webdriver.common.by import By

    def box(tag: str) -> Any:
        return demo.find_element(By.CSS_SELECTOR, f'input[data-filter="{tag}"]')

    box("deleted").click()
    assert _visible_rows(demo) == ["r4"]
    box("moved").click()
    assert _visible_rows(demo) == ["r4", "r5", "r7"]
    box("deleted").click()
    box("moved").click()
    box("renumbered-only").click()
    assert _visible_rows(demo) == ["r9"]
    items = demo.execute_script(
        "return [...document.querySelectorAll('#changes li')]"
        ".filter(i => i.offsetParent !== null).map(i => i.textContent)"
    )
    assert items == ["OP4 (was OP3): unchanged, renumbered only"]
    box("renumbered-only").click()
    box("modified").click()
    assert _visible_rows(demo) == ["r1", "r3", "r6"]  # header, PP2, OP2
    box("modified").click()
    assert _visible_rows(demo) == ROWS


def test_next_and_previous_change_by_keyboard(demo: Any) -> None:
    from selenium.webdriver.common.by import By

    body = demo.find_element(By.TAG_NAME, "body")
    current = "return document.querySelector('tr.current')?.id"
    body.send_keys("j")
    assert demo.execute_script(current) == "r1"
    body.send_keys("n")
    body.send_keys("j")
    assert demo.execute_script(current) == "r4"  # header, PP2, PP3: PP1 is unchanged
    body.send_keys("k")
    assert demo.execute_script(current) == "r3"
    body.send_keys("p")
    assert demo.execute_script(current) == "r1"


def test_inline_toggle(demo: Any) -> None:
    from selenium.webdriver.common.by import By

    shown = "return getComputedStyle(document.querySelector('#r3 td.' + arguments[0])).display"
    assert demo.execute_script(shown, "both") == "none"
    demo.find_element(By.ID, "toggle").click()
    assert demo.execute_script(shown, "both") == "table-cell"
    assert demo.execute_script(shown, "old") == "none"
    text = demo.execute_script("return document.querySelector('#r3 td.both .text').innerHTML")
    assert text == "Noting <ins>with appreciation </ins>the report of the Secretary-General,"


def test_no_horizontal_scroll_on_a_phone_and_screenshots(browser: Any, tmp_path: Path) -> None:
    DOCS.mkdir(exist_ok=True)
    _open(browser, tmp_path, OLD, NEW, size=(1100, 1150))
    browser.save_screenshot(str(DOCS / "html-report-desktop.png"))
    _open(browser, tmp_path, OLD, NEW, size=(375, 812))
    assert browser.execute_script("return window.innerWidth") == 375
    width = "const s = document.scrollingElement; return [s.scrollWidth, s.clientWidth];"
    scroll, client = browser.execute_script(width)
    assert scroll <= client
    browser.execute_script("document.getElementById('toggle').click()")
    scroll, client = browser.execute_script(width)
    assert scroll <= client  # inline too
    browser.execute_script("document.getElementById('toggle').click()")
    browser.execute_script("document.querySelector('table').scrollIntoView()")
    browser.save_screenshot(str(DOCS / "html-report-phone.png"))


def test_hostile_paragraphs_are_shown_as_text(browser: Any, tmp_path: Path) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    _open(browser, tmp_path, HOSTILE_OLD, HOSTILE_NEW, size=(1100, 800))
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    assert browser.execute_script("return document.scripts.length") == 1
    assert browser.execute_script("return document.images.length") == 0
    new = browser.execute_script(
        "return [...document.querySelectorAll('tbody td.new .text')].map(t => t.textContent)"
    )
    assert f"Recalling its resolution 1/1 {SCRIPT} and {IMG}," in new
    assert f"Decides to act {RLO}." in new
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def test_right_to_left_text_reads_right_to_left(browser: Any, tmp_path: Path) -> None:
    old = "يقرر أن يواصل النظر في المسألة."
    new = "يقرر أن يواصل النظر في هذه المسألة."
    _open(browser, tmp_path, old, new, size=(1100, 800))
    directions = browser.execute_script(
        "return [...document.querySelectorAll('tbody td.new .text')]"
        ".filter(t => t.textContent).map(t => getComputedStyle(t).direction)"
    )
    assert directions and set(directions) == {"rtl"}
    label = "return getComputedStyle(document.querySelector('tbody th.label')).direction"
    assert browser.execute_script(label) == "ltr"  # the labels keep their own direction


def test_print_style_sheet_leaves_the_controls_out(demo: Any) -> None:
    shown = "return getComputedStyle(document.querySelector(arguments[0])).display"
    assert demo.execute_script(shown, ".controls") != "none"
    demo.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert demo.execute_script(shown, ".controls") == "none"
        assert demo.execute_script(shown, "nav") == "none"
        assert demo.execute_script(shown, "tbody tr") == "table-row"
    finally:
        demo.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_word_tables_fit_a_phone_and_filter_with_the_other_changes(
    browser: Any, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    elements = Path(__file__).resolve().parents[1] / "word" / "fixtures" / "elements"
    page = tmp_path / "word.html"
    c = redline.compare(elements / "report.old.docx", elements / "report.new.docx")
    redline.write_html(c, page)
    browser.set_window_size(375, 812)
    browser.get(page.as_uri())
    width = "const s = document.scrollingElement; return [s.scrollWidth, s.clientWidth];"
    scroll, client = browser.execute_script(width)
    assert scroll <= client  # the Word file's table too
    shown = "return document.querySelector('#word table.word-table').offsetParent !== null"
    assert browser.execute_script(shown)
    errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert errors == []
    listed = (
        "return [...document.querySelectorAll('#changes li')]"
        ".filter(i => i.offsetParent !== null).map(i => i.textContent)"
    )
    browser.find_element(By.CSS_SELECTOR, 'input[data-filter="modified"]').click()
    modified = browser.execute_script(listed)
    assert modified[-2:] == [
        "Table 1: row 3 cell 2 edited; row 4 inserted",
        "Text box: edited in P2",
    ]
    browser.find_element(By.CSS_SELECTOR, 'input[data-filter="modified"]').click()
    browser.find_element(By.CSS_SELECTOR, 'input[data-filter="added"]').click()
    added = browser.execute_script(listed)
    assert added and not any(i.startswith(("Table", "Text box")) for i in added)
