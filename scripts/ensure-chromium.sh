#!/usr/bin/env bash
# End-to-end tests drive Debian's Chromium: Playwright cannot download its own
# browser on machines without general internet access.
set -euo pipefail
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "[souk] installing Debian chromium for end-to-end tests…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "[souk] end-to-end tests need Chromium at /usr/bin/chromium (or set CHROMIUM_PATH):" >&2
  echo "       sudo apt-get install -y chromium" >&2
  exit 1
fi
