#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (playwright-core drives it; nothing is
# downloaded by the test tool itself). Does nothing when it is already there. Needs root or sudo.
set -euo pipefail

CHROMIUM="${PUENTE_CHROMIUM:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0

run() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }

if ! command -v apt-get >/dev/null; then
  echo "Chromium is missing at $CHROMIUM and apt-get is not available: install Chromium and set PUENTE_CHROMIUM to its path." >&2
  exit 1
fi
echo "installing Debian's chromium for the browser tests…"
export DEBIAN_FRONTEND=noninteractive
run apt-get update -qq >/dev/null
run apt-get install -y -qq chromium >/dev/null
[ -x "$CHROMIUM" ] || { echo "chromium did not install at $CHROMIUM" >&2; exit 1; }
