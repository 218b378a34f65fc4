// The font the charts draw Chinese with (docs/chart-font.md): bundled, so a chart renders the same on a Windows or
// Linux machine that has no CJK font installed, and on every machine the same. Loading system fonts instead cost
// ~350 ms a render here and differs from machine to machine.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHART_FONT_FAMILY = 'Workbench Chart Sans';
export const CHART_FONT_FILE = 'WorkbenchChartSans-Regular.otf';
const COVERAGE_FILE = 'chart-font-coverage.json';

export class ChartFontMissingError extends Error {
  constructor() {
    super(`找不到图表字体文件（${CHART_FONT_FILE}），图表中的中文无法显示。请重新安装本软件。`);
    this.name = 'ChartFontMissingError';
  }
}

/** The fonts folder beside this module in the source tree, or found upwards from a bundle in dist/. */
function findFontsDir(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'fonts')];
  for (let dir = here, i = 0; i < 6; i++, dir = dirname(dir)) candidates.push(join(dir, 'templates', 'charts', 'fonts'));
  // A packaged Electron app may ship the fonts as an extra resource (electron-builder extraResources).
  if ('resourcesPath' in process && typeof process.resourcesPath === 'string') candidates.push(join(process.resourcesPath, 'chart-fonts'));
  return candidates.find((d) => existsSync(join(d, CHART_FONT_FILE))) ?? null;
}

let cached: { fontFile: string; coverage: Uint32Array } | null = null;

/**
 * The font file to hand to the native renderer, and the code points it covers. Inside an Electron asar archive
 * only Electron's own fs can read: the file is copied out once to the temp folder for the native code.
 */
export function chartFont(): { fontFile: string; coverage: Uint32Array } {
  if (cached) return cached;
  const dir = findFontsDir();
  if (!dir) throw new ChartFontMissingError();
  let fontFile = join(dir, CHART_FONT_FILE);
  if (fontFile.includes(`.asar${sep}`)) {
    const outDir = join(tmpdir(), 'incubator-workbench-fonts');
    const copy = join(outDir, `${statSync(fontFile).size}-${CHART_FONT_FILE}`);
    if (!existsSync(copy)) {
      mkdirSync(outDir, { recursive: true });
      copyFileSync(fontFile, copy);
    }
    fontFile = copy;
  }
  const { ranges } = JSON.parse(readFileSync(join(dir, COVERAGE_FILE), 'utf8')) as { ranges: [number, number][] };
  cached = { fontFile, coverage: Uint32Array.from(ranges.flat()) };
  return cached;
}

/** Characters of `text` the bundled font has no glyph for (they would not show), each once, in order. */
export function uncoveredCharacters(text: string, coverage: Uint32Array = chartFont().coverage): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || /\s/.test(ch)) continue;
    // Binary search over [lo0, hi0, lo1, hi1, …].
    let lo = 0;
    let hi = coverage.length / 2 - 1;
    let found = false;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cp < coverage[mid * 2]!) hi = mid - 1;
      else if (cp > coverage[mid * 2 + 1]!) lo = mid + 1;
      else {
        found = true;
        break;
      }
    }
    if (!found) missing.add(ch);
  }
  return [...missing];
}
