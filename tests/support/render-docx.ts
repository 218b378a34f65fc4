// Renders an Office file with LibreOffice (headless) to PDF and then PNG pages, for people to look at.
// Images are kept under tests/artifacts/ (git-ignored). Returns null when LibreOffice is not installed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ARTIFACTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

function hasCommand(cmd: string): boolean {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let profile: string | null = null;

/**
 * One LibreOffice profile per test process, made on its first conversion and reused: a fresh profile costs
 * several seconds of set-up on every conversion. Separate processes (parallel test files) never share one,
 * which LibreOffice does not allow. Removed when the process exits.
 */
function profileOfThisProcess(): string {
  if (profile) return profile;
  const made = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  profile = made;
  return made;
}

export interface RenderedPages {
  pdf: string;
  pngs: string[];
  /** Number of pages of the PDF (from pdfinfo). */
  pageCount: number;
}

/** Writes `bytes` as `name` under tests/artifacts/<folder>/, converts it to PDF and PNG pages. */
export function renderOfficeToPng(bytes: Uint8Array, name: string, folder = 'diagnosis', dpi = 80): RenderedPages {
  if (!hasCommand('soffice') || !hasCommand('pdftoppm')) {
    // Not a skip: the rendering is part of what the suite checks. scripts/test.sh installs both.
    throw new Error('LibreOffice (soffice) and poppler-utils (pdftoppm) are needed: bash scripts/install-system-deps.sh');
  }
  const outDir = join(ARTIFACTS_DIR, folder);
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, name);
  writeFileSync(file, bytes);
  execFileSync(
    'soffice',
    ['--headless', `-env:UserInstallation=file://${profileOfThisProcess()}`, '--convert-to', 'pdf', '--outdir', outDir, file],
    { stdio: 'ignore', timeout: 120_000 },
  );
  const stem = basename(name, extname(name));
  const pdf = join(outDir, `${stem}.pdf`);
  if (!existsSync(pdf)) throw new Error(`LibreOffice did not produce ${pdf}`);
  for (const old of readdirSync(outDir).filter((f) => f.startsWith(`${stem}-page`) && f.endsWith('.png'))) rmSync(join(outDir, old));
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdf, join(outDir, `${stem}-page`)], { stdio: 'ignore', timeout: 60_000 });
  const pngs = readdirSync(outDir)
    .filter((f) => f.startsWith(`${stem}-page`) && f.endsWith('.png'))
    .sort()
    .map((f) => join(outDir, f));
  let pageCount = pngs.length;
  if (hasCommand('pdfinfo')) {
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    pageCount = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? pngs.length);
  }
  return { pdf, pngs, pageCount };
}

/** The file opened and saved again by LibreOffice as .docx (what a reader's office suite does to a file), its bytes. */
export function resaveDocxWithLibreOffice(bytes: Uint8Array, name: string, folder: string): Uint8Array {
  if (!hasCommand('soffice')) throw new Error('LibreOffice (soffice) is needed: bash scripts/install-system-deps.sh');
  const inDir = join(ARTIFACTS_DIR, folder);
  const outDir = join(inDir, 'resaved');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(inDir, name), bytes);
  execFileSync(
    'soffice',
    ['--headless', `-env:UserInstallation=file://${profileOfThisProcess()}`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outDir, join(inDir, name)],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return readFileSync(join(outDir, name));
}
