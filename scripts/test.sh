#!/usr/bin/env bash
# Installs everything the tests need (Node 24, npm packages, Debian's chromium, CJK fonts, PostgreSQL,
# LibreOffice) and runs every test: typecheck, lint, migration check, unit + integration (vitest, with a
# throwaway PostgreSQL cluster), end to end (Playwright on Debian's Chromium, browser mode).
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
bash scripts/install-system-deps.sh
source scripts/ensure-node.sh
echo "Node $(node --version)"

if [ -n "${CI:-}" ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

mkdir -p reports
echo "== typecheck"; npm run --silent typecheck
echo "== lint (layering + eslint + e2e locators)"; npm run --silent lint
echo "== migrations match the schema"; npm run --silent db:check
echo "== build"; npm run --silent build

echo "== unit + integration"
bash scripts/with-test-postgres.sh npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
echo "== end to end (browser mode, Debian Chromium)"
npx playwright test
node scripts/print-test-summary.mjs
