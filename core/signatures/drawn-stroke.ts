// A handwritten-looking signature drawn from a seed (the demo data's signatures, and tests): a few connected
// loops and a flourish as one SVG path, rendered to PNG by sharp. Deterministic: the same seed gives the same bytes,
// so the demo's images are stored once however often the demo is loaded. No picture is copied from anywhere.
import { sha256Hex } from './content-address.js';

/** Numbers in [0, 1) from the seed's SHA-256, repeated as needed. */
function randomFrom(seed: string): () => number {
  let block = sha256Hex(new TextEncoder().encode(seed));
  let i = 0;
  return () => {
    if (i + 4 > block.length) {
      block = sha256Hex(new TextEncoder().encode(block));
      i = 0;
    }
    const n = parseInt(block.slice(i, i + 4), 16) / 0x10000;
    i += 4;
    return n;
  };
}

/** The SVG of the stroke: `letters` loops left to right, each a cubic curve up and down, then an underline flourish. */
export function drawnSignatureSvg(seed: string, letters = 5): string {
  const r = randomFrom(seed);
  const [w, h] = [480, 200];
  let x = 30;
  const base = 130;
  const parts = [`M ${x} ${base}`];
  for (let n = 0; n < letters; n++) {
    const step = 60 + r() * 40;
    const top = 30 + r() * 50;
    parts.push(`C ${x + step * 0.2} ${top}, ${x + step * 0.8} ${top}, ${x + step * 0.5} ${base - 10}`);
    parts.push(`S ${x + step * 0.9} ${base + 15 + r() * 20}, ${x + step} ${base - 5}`);
    x += step;
  }
  parts.push(`Q ${x + 30} ${base + 40}, ${40 + r() * 40} ${base + 35 + r() * 15}`);
  const stroke = `#1a2a6c`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.max(w, x + 60)}" height="${h}"><path d="${parts.join(' ')}" fill="none" stroke="${stroke}" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
}

/** The stroke as a PNG on a transparent background, like a signature drawn on screen. */
export async function drawnSignaturePng(seed: string): Promise<Buffer> {
  // sharp loads here, not with the module: see signature-image.ts.
  const { default: sharp } = await import('sharp');
  return sharp(Buffer.from(drawnSignatureSvg(seed))).png().toBuffer();
}
