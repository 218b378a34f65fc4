// Real images made in the test (sharp renders SVG strokes to PNG/JPEG), run through the real pipeline.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { MAX_SIGNATURE_FILE_BYTES, prepareSignatureImage } from './signature-image.js';
import { sha256Hex } from './content-address.js';

function strokeSvg(width: number, height: number, body: string, background = 'none'): Buffer {
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${background}"/>${body}</svg>`);
}

/** A signature-pad style drawing: black strokes on a transparent canvas, ink between x 300–700 and y 200–330. */
const drawnSignature = () =>
  sharp(strokeSvg(1000, 500, '<path d="M300 300 C 350 200, 420 200, 450 300 S 560 330, 600 220 L 700 260" stroke="#111" stroke-width="8" fill="none"/>')).png().toBuffer();

/** A phone photo of a red seal on slightly grey paper. */
const sealPhoto = () =>
  sharp(strokeSvg(2400, 1800, '<circle cx="1500" cy="700" r="300" stroke="#d22" stroke-width="24" fill="none"/><polygon points="1500,560 1535,660 1640,660 1555,720 1590,820 1500,760 1410,820 1445,720 1360,660 1465,660" fill="#d22"/>', '#ececec'))
    .jpeg({ quality: 85 })
    .toBuffer();

describe('prepareSignatureImage', () => {
  it('crops a drawn signature to its ink with a small margin and keeps it a PNG', async () => {
    const r = await prepareSignatureImage(await drawnSignature(), 'drawn');
    if (!r.ok) throw new Error(r.message);
    // Ink spans about 400 × 120 of the 1000 × 500 canvas; a 2 % margin (20 px) on each side.
    expect(r.width).toBeGreaterThan(400);
    expect(r.width).toBeLessThan(480);
    expect(r.height).toBeGreaterThan(100);
    expect(r.height).toBeLessThan(200);
    const meta = await sharp(r.png).metadata();
    expect(meta.format).toBe('png');
    expect(meta.hasAlpha).toBe(true);
    expect(r.sha256).toBe(sha256Hex(r.png));
  });

  it('crops and shrinks a seal photo to fit 600 × 600', async () => {
    const r = await prepareSignatureImage(await sealPhoto(), 'seal');
    if (!r.ok) throw new Error(r.message);
    expect(Math.max(r.width, r.height)).toBe(600);
    expect(Math.abs(r.width - r.height)).toBeLessThan(30);
    // The crop kept the red: the image is not grey.
    const { channels } = await sharp(r.png).stats();
    expect(channels[0]!.mean - channels[1]!.mean).toBeGreaterThan(10);
  });

  it('the same image gives the same bytes and the same content address', async () => {
    const image = await drawnSignature();
    const a = await prepareSignatureImage(image, 'drawn');
    const b = await prepareSignatureImage(Uint8Array.from(image), 'drawn');
    expect(a.ok && b.ok && a.sha256 === b.sha256).toBe(true);
  });

  it('turns a photo upright by its EXIF orientation before cropping', async () => {
    const landscape = await sharp(strokeSvg(900, 300, '<path d="M100 150 L 800 150" stroke="#000" stroke-width="20"/>', '#fff')).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const r = await prepareSignatureImage(landscape, 'scan');
    if (!r.ok) throw new Error(r.message);
    expect(r.height).toBeGreaterThan(r.width);
  });

  it('a blank drawn signature is refused: 签名为空', async () => {
    const blank = await sharp({ create: { width: 600, height: 300, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    expect(await prepareSignatureImage(blank, 'drawn')).toEqual({ ok: false, message: '签名为空' });
    const dot = await sharp(strokeSvg(600, 300, '<circle cx="300" cy="150" r="1.5" fill="#000"/>')).png().toBuffer();
    expect(await prepareSignatureImage(dot, 'drawn')).toEqual({ ok: false, message: '签名为空' });
    expect(await prepareSignatureImage(new Uint8Array(0), 'drawn')).toEqual({ ok: false, message: '签名为空' });
  });

  it('a blank scan or a blank seal says so in its own words', async () => {
    const paper = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#f4f4f4' } }).jpeg().toBuffer();
    expect(await prepareSignatureImage(paper, 'scan')).toEqual({ ok: false, message: '图片中没有可识别的签名' });
    expect(await prepareSignatureImage(paper, 'seal')).toEqual({ ok: false, message: '图片中没有可识别的印章' });
  });

  it('a file that is not an image is refused', async () => {
    const r = await prepareSignatureImage(Buffer.from('%PDF-1.7 not an image'), 'scan');
    expect(r).toEqual({ ok: false, message: '这不是 PNG 或 JPEG 图片，请选择签名或印章的 PNG/JPEG 图片' });
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
    expect((await prepareSignatureImage(gif, 'seal')).ok).toBe(false);
  });

  it('a broken PNG is refused, not thrown', async () => {
    const png = await drawnSignature();
    const r = await prepareSignatureImage(png.subarray(0, 60), 'drawn');
    expect(r).toEqual({ ok: false, message: '图片文件已损坏，无法读取，请重新扫描或拍照' });
  });

  it('a 20 MB photo is refused with its size', async () => {
    // Noise does not compress: an uncompressed 2 600 × 2 600 PNG of it is a real 20 MB image.
    const side = 2600;
    const noise = Buffer.alloc(side * side * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const big = await sharp(noise, { raw: { width: side, height: side, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
    expect(big.length).toBeGreaterThan(MAX_SIGNATURE_FILE_BYTES);
    const r = await prepareSignatureImage(big, 'scan');
    expect(r).toEqual({ ok: false, message: `图片太大（${(big.length / 1024 / 1024).toFixed(1)} MB），请选择 10.0 MB 以内的图片，或先裁剪、压缩` });
  });

  it('a small file of a huge image is refused before it is decoded', async () => {
    const huge = await sharp({ create: { width: 9000, height: 5000, channels: 3, background: '#fff' } }).png().toBuffer();
    expect(huge.length).toBeLessThan(MAX_SIGNATURE_FILE_BYTES);
    expect(await prepareSignatureImage(huge, 'scan')).toEqual({ ok: false, message: '图片尺寸过大（9000×5000），请缩小到 4000 万像素以内' });
  });
});
