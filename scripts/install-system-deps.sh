#!/usr/bin/env bash
# Debian packages the tests need; installed only when missing. Needs root (CI and dev machines here are root).
set -euo pipefail
packages=(chromium fonts-wqy-zenhei postgresql libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
