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
# The static checks and the build are single-threaded and independent: run side by side on the two cores, each
# into its own log, printed in order; any failure fails the run (docs/testing.md §CI time).
declare -A step_pid
steps=(typecheck:node typecheck:web typecheck:renderer-tests lint db:check build)
for step in "${steps[@]}"; do
  npm run --silent "$step" > "reports/$step.log" 2>&1 &
  step_pid[$step]=$!
done
failed=0
for step in "${steps[@]}"; do
  if wait "${step_pid[$step]}"; then echo "== $step: ok"; else echo "== $step: FAILED"; failed=1; fi
  cat "reports/$step.log"
done
[ "$failed" -eq 0 ] || exit 1

echo "== unit + integration"
bash scripts/with-test-postgres.sh npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
echo "== end to end (browser mode, Debian Chromium)"
npx playwright test
node scripts/print-test-summary.mjs
