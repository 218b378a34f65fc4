#!/usr/bin/env bash
# Regenerates the charts' bundled font (docs/chart-font.md). Not part of the build: the output is committed.
# Fetches the source font with npm (the package @embedpdf/fonts-sc ships Noto Sans S Chinese under OFL-1.1) and
# subsets it with fontTools (Debian: apt-get install python3-fonttools).
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
npm pack @embedpdf/fonts-sc@1.0.0 --pack-destination "$work" --silent >/dev/null
tar -xzf "$work"/embedpdf-fonts-sc-1.0.0.tgz -C "$work" package/fonts/NotoSansHans-Regular.otf package/LICENSE
cp "$work/package/LICENSE" templates/charts/fonts/LICENSE-OFL.txt
/usr/bin/python3 scripts/make-chart-font.py "$work/package/fonts/NotoSansHans-Regular.otf"
