#!/usr/bin/env bash
# Install what the browser tests (tests/web/test_browser.py) need: Debian's Chromium at
# /usr/bin/chromium and Playwright for Python in the venv. Idempotent; never downloads a
# browser build of Playwright's own (the tests launch /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
PY="${PY:-.venv/bin/python}"
if [ -x "$PY" ] && ! "$PY" -c "import playwright" 2>/dev/null; then
  "$PY" -m pip install --quiet "playwright==1.65.2"
fi
/usr/bin/chromium --version
