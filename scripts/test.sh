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

# vitest and Playwright side by side: most of vitest's time is spent waiting on PostgreSQL, LibreOffice and
# child processes, which leaves room for the browser tests (docs/testing.md). vitest's output is printed when
# it has finished, so the two reports do not interleave.
echo "== unit + integration (vitest, in the background: its report follows the end-to-end one)"
set +e
bash scripts/with-test-postgres.sh npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json \
  >reports/vitest.log 2>&1 &
vitest_pid=$!
echo "== end to end (browser mode, Debian Chromium)"
npx playwright test
e2e_status=$?
wait "$vitest_pid"
vitest_status=$?
set -e
echo "== unit + integration (vitest)"
cat reports/vitest.log
echo "vitest exit code: $vitest_status · Playwright exit code: $e2e_status"
node scripts/print-test-summary.mjs
[ "$vitest_status" -eq 0 ] && [ "$e2e_status" -eq 0 ]
