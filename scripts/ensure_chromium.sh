#!/bin/sh
# Install Debian's Chromium for the end-to-end test (tests/test_e2e.py) unless
# /usr/bin/chromium is already there, with DejaVu Sans (the map labels' font,
# with Cyrillic) and the file validators the tests run (tests/tools.py): xmllint
# (libxml2-utils), qpdf, pdftotext (poppler-utils), rsvg-convert (librsvg2-bin).  Idempotent; uses sudo when not root.  Playwright's own
# browser download is not used: it needs network access to its CDN, while
# Debian's package comes from the distribution mirror with security updates.
# When another apt or dpkg runs, waits for it (up to APT_LOCK_WAIT seconds,
# 600) rather than failing: see scripts/apt_wait.sh.
#   sh scripts/ensure_chromium.sh
set -eu
have() { command -v "$1" >/dev/null 2>&1; }
[ -x /usr/bin/chromium ] && have xmllint && have qpdf && have pdftotext && have rsvg-convert && exit 0
. "$(dirname "$0")/apt_wait.sh"
APT_WHO=ensure_chromium
echo "ensure_chromium: installing Debian's chromium and the file validators (waiting for the apt lock if another apt runs)…" >&2
apt_update
apt_get install -y -qq chromium fonts-dejavu-core libxml2-utils qpdf poppler-utils \
  librsvg2-bin >/dev/null
[ -x /usr/bin/chromium ] || { echo "ensure_chromium: /usr/bin/chromium still missing" >&2; exit 1; }
