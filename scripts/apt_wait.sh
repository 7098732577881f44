# Sourced by scripts/setup.sh and scripts/ensure_chromium.sh: apt-get that
# waits for another apt or dpkg (unattended-upgrades, a second setup running)
# instead of failing at once with "Could not get lock".
#   apt_get install -y -qq PKG...  waits for the dpkg lock (DPkg::Lock::Timeout)
#   apt_update                     apt-get update, retried while another apt holds
#                                  /var/lib/apt/lists/lock: DPkg::Lock::Timeout does
#                                  not cover that lock (apt 2.6 fails at once)
# APT_LOCK_WAIT bounds each wait in seconds (600); APT_WHO prefixes messages.
# Uses sudo when not root; LC_ALL=C so that the lock message matches in English.
APT_LOCK_WAIT=${APT_LOCK_WAIT:-600}

apt_get() {
  _apt_sudo=""
  [ "$(id -u)" -ne 0 ] && _apt_sudo="sudo"
  $_apt_sudo env LC_ALL=C DEBIAN_FRONTEND=noninteractive \
    apt-get -o "DPkg::Lock::Timeout=$APT_LOCK_WAIT" "$@"
}

apt_update() {
  _apt_waited=0
  while ! _apt_out=$(apt_get update -qq 2>&1); do
    case $_apt_out in
      *"Could not get lock"*) ;;
      *) printf '%s\n' "$_apt_out" >&2; return 1 ;;
    esac
    if [ "$_apt_waited" -ge "$APT_LOCK_WAIT" ]; then
      printf '%s\n' "$_apt_out" >&2
      echo "${APT_WHO:-apt}: another apt still holds the package lists lock after" \
           "$APT_LOCK_WAIT s" >&2
      return 1
    fi
    [ "$_apt_waited" -eq 0 ] &&
      echo "${APT_WHO:-apt}: another apt holds the package lists lock; waiting…" >&2
    sleep 5
    _apt_waited=$((_apt_waited + 5))
  done
  printf '%s\n' "$_apt_out" | grep '^[WE]:' >&2 || true  # apt's warnings, still shown
}
