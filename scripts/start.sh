#!/usr/bin/env bash
# Installs what the app needs and starts it on a local SQLite file in the user's data folder.
# Electron where its binary can be downloaded; otherwise browser mode on 127.0.0.1, with a one-line notice.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-node.sh
# Install only when package-lock.json changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run build --silent
exec node scripts/start.mjs "$@"
