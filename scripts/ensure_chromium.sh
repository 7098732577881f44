#!/bin/sh
# Install Debian's Chromium for the end-to-end test (tests/test_e2e.py) unless
# /usr/bin/chromium is already there, with DejaVu Sans (the map labels' font,
# with Cyrillic).  Idempotent and quiet; uses sudo when not root.  Playwright's
# own browser download is not used: it needs network access to its CDN, while
# Debian's package comes from the distribution mirror with security updates.
#   sh scripts/ensure_chromium.sh
set -eu
[ -x /usr/bin/chromium ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
[ -x /usr/bin/chromium ] || { echo "ensure_chromium: /usr/bin/chromium still missing" >&2; exit 1; }
