#!/bin/sh
# Create .venv and install Strike Range into it.
#   sh scripts/setup.sh         the app and the CLI
#   sh scripts/setup.sh test    also what the test suite needs
# Works on a fresh Debian/Ubuntu machine with Python >= 3.11: if the venv
# module is missing (Debian splits it out), installs python3-venv with apt.
set -eu
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "setup: Python >= 3.11 is needed; $PY is $("$PY" --version 2>&1)" >&2; exit 1; }
if [ ! -x .venv/bin/python ]; then
  if ! "$PY" -m venv .venv >/dev/null 2>&1; then
    rm -rf .venv
    ver=$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    . scripts/apt_wait.sh  # apt_update, apt_get: wait for another apt's lock
    APT_WHO=setup
    echo "setup: installing Debian's python$ver-venv (waiting for the apt lock if another apt runs)…" >&2
    apt_update
    apt_get install -y -qq "python$ver-venv" || apt_get install -y -qq python3-venv
    "$PY" -m venv .venv
  fi
fi
.venv/bin/python -m pip install -q --upgrade pip
if [ "${1:-}" = "test" ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
else
  .venv/bin/python -m pip install -q -e .
fi
