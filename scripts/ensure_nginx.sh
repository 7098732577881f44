#!/bin/sh
# Install Debian's nginx for the replicas-behind-a-proxy test and benchmark
# (deploy/run.py, tests/test_deploy.py, benchmarks/bench_sessions.py
# --replicas N) unless /usr/sbin/nginx is already there.  Idempotent and
# quiet; waits up to 10 minutes for another apt/dpkg run to release its lock
# (apt's DPkg::Lock::Timeout) instead of failing at once; uses sudo when not
# root.  deploy/run.py runs its own nginx with a generated configuration on
# loopback; on a machine with systemd the package also starts the system
# service on port 80, which it does not need (`sudo systemctl disable --now
# nginx` stops it).
#   sh scripts/ensure_nginx.sh
set -eu
[ -x /usr/sbin/nginx ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
echo "ensure_nginx: installing Debian's nginx (waiting for the apt lock if another apt runs)" >&2
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null
$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq nginx >/dev/null
[ -x /usr/sbin/nginx ] || { echo "ensure_nginx: /usr/sbin/nginx still missing" >&2; exit 1; }
