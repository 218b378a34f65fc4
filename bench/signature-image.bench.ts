// Preparing signature and seal images (check, upright, crop to ink, resize, PNG, SHA-256) with sharp.
// No target in issue 12 for this step alone (the signed export with two images: p95 < 250 ms, which reads the
// already-prepared PNGs). Run: npx tsx bench/signature-image.bench.ts
import sharp from 'sharp';
import { prepareSignatureImage, type SignatureImageSource } from '../core/signatures/signature-image.js';
import { machineLine, report } from './support/stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

const svg = (w: number, h: number, body: string, bg: string) =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="${bg}"/>${body}</svg>`);
const stroke = '<path d="M300 300 C 350 200, 420 200, 450 300 S 560 330, 600 220 L 700 260" stroke="#111" stroke-width="8" fill="none"/>';
const seal = '<circle cx="2000" cy="1500" r="500" stroke="#d22" stroke-width="30" fill="none"/>';

const cases: [string, SignatureImageSource, Buffer][] = [
  ['drawn on screen, 1000×500 PNG', 'drawn', await sharp(svg(1000, 500, stroke, 'none')).png().toBuffer()],
  ['scanned signature, 2480×1754 PNG (A5 at 300 dpi)', 'scan', await sharp(svg(2480, 1754, stroke, '#f6f6f6')).png().toBuffer()],
  ['phone photo of a seal, 4000×3000 JPEG', 'seal', await sharp(svg(4000, 3000, seal, '#ececec')).jpeg({ quality: 88 }).toBuffer()],
];

console.log(`# signature images: ${machineLine()}, sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}`);
for (const [label, source, bytes] of cases) {
  for (let i = 0; i < 2; i++) await prepareSignatureImage(bytes, source);
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    const result = await prepareSignatureImage(bytes, source);
    samples.push(performance.now() - t0);
    if (!result.ok) throw new Error(result.message);
  }
  report(`${label} (${(bytes.length / 1024).toFixed(0)} KB)`, samples);
}
