#!/usr/bin/env bash
# The one command that installs what the test suite needs and runs it.
#
#   tests/run.sh [pytest arguments...]
#
# - Installs LibreOffice Writer (Debian's full `libreoffice-writer`, run headless) and
#   python3-uno with apt-get when `soffice`, the system Python's `uno` module or the full
#   Writer is missing: the oracle tests open the generated DOCX files in LibreOffice through
#   <checkout>/../shared/tools/lo_oracle.py. The `-nogui` build of LibreOffice 7.4 crashes on
#   any document holding a comment, so it is not enough.
# - Installs poppler-utils (pdffonts, pdftotext, pdftoppm) and the Noto fonts for Arabic
#   (fonts-noto-core) and Chinese (fonts-noto-cjk) with apt-get when missing: the rendering
#   test (tests/word/test_render.py) and examples/render.py need them.
# - Installs Debian's chromium and chromium-driver with apt-get when missing: the HTML
#   report's browser test drives them with Selenium (REDLINE_REQUIRE_ORACLE=1 makes a missing
#   browser fail that test rather than skip it).
# - Installs the project with its test extras into the current `python3` (pip, quiet).
# - Runs `python3 -m pytest "$@"` from the repository root, with REDLINE_REQUIRE_ORACLE=1
#   (oracle tests fail instead of skipping when LibreOffice is unusable) and the Hypothesis
#   profile `ci` unless HYPOTHESIS_PROFILE is already set.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

oracle_ready() {
    command -v soffice >/dev/null 2>&1 && /usr/bin/python3 -c 'import uno' >/dev/null 2>&1 \
        && dpkg-query -W -f='${Status}' libreoffice-writer 2>/dev/null | grep -q 'ok installed'
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! oracle_ready; then
    echo "tests/run.sh: LibreOffice or python3-uno missing; installing with apt-get" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y \
        libreoffice-writer python3-uno fonts-dejavu-core
    if ! oracle_ready; then
        echo "tests/run.sh: still no usable LibreOffice after apt-get install" \
             "(need 'soffice' on PATH and 'import uno' in /usr/bin/python3)" >&2
        exit 1
    fi
fi

# Rendering: poppler-utils and fonts for the Arabic and CJK scripts, each only when missing.
render_packages=()
for tool in pdffonts pdftotext pdftoppm; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        render_packages+=(poppler-utils)
        break
    fi
done
font_installed() {
    # grep reads all of it (no -q): an early exit would fail the pipe under pipefail
    command -v fc-list >/dev/null 2>&1 && fc-list : family | grep "$1" >/dev/null
}
font_installed "Noto Naskh Arabic" || render_packages+=(fonts-noto-core)
font_installed "Noto S[a-z]* CJK" || render_packages+=(fonts-noto-cjk)
if [ "${#render_packages[@]}" -gt 0 ]; then
    echo "tests/run.sh: installing ${render_packages[*]} with apt-get" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y fontconfig "${render_packages[@]}"
fi

# The HTML report's browser test (tests/views/test_browser.py): Debian's chromium and its
# chromedriver, driven by Selenium; never a downloaded browser.
if ! { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; }; then
    echo "tests/run.sh: installing chromium chromium-driver with apt-get" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi

python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -e '.[test]'

export REDLINE_REQUIRE_ORACLE=1
export HYPOTHESIS_PROFILE="${HYPOTHESIS_PROFILE:-ci}"

status=0
python3 -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
    echo "tests/run.sh: FAILED: pytest collected no tests (exit status 5);" \
         "check the arguments and the tests/ directory" >&2
fi
exit "$status"
