#!/usr/bin/env bash
# Installs Debian's chromium when /usr/bin/chromium is missing (needs root or sudo).
set -euo pipefail
if [[ -x /usr/bin/chromium ]]; then
  exit 0
fi
sudo_if_needed() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
echo "chromium is missing: installing Debian's chromium package" >&2
sudo_if_needed apt-get update -qq
sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-color-emoji fonts-dejavu-core >&2
