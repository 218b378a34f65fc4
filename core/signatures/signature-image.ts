// A signature drawn on screen, a scanned signature or a seal image, made ready for the signature block: checked
// (PNG or JPEG, not too large, not blank), turned upright (phone photos carry EXIF rotation), cropped to its ink
// with a small margin, and shrunk to fit. sharp (libvips) does the image work: decoding a 12-megapixel JPEG in
// pure JavaScript (jpeg-js) took 4 s and 270 MB here, sharp's whole pipeline about 0.15 s (docs/signature-images.md).
import type { Metadata } from 'sharp';
// sharp (libvips, ~26 MB of resident native code) loads on the first signature image, not with every process that
// imports the document services (the project archive never needs it; docs/process.md §Archive).
const loadSharp = async () => (await import('sharp')).default;
import { MAX_SIGNATURE_FILE_BYTES, type SignatureImageSource, signatureFileTooLarge } from '../../shared/domain/side-signature.js';
import { sha256Hex } from './content-address.js';

export { MAX_SIGNATURE_FILE_BYTES, type SignatureImageSource };

export interface PreparedSignatureImage {
  png: Buffer;
  width: number;
  height: number;
  /** SHA-256 of `png`: its content address. */
  sha256: string;
}

export type SignatureImageResult = ({ ok: true } & PreparedSignatureImage) | { ok: false; message: string };

/** A decompression bomb (a tiny file of a huge blank image) is refused before it is decoded. */
export const MAX_SIGNATURE_PIXELS = 40_000_000;
const FIT: Record<SignatureImageSource, { width: number; height: number }> = {
  drawn: { width: 800, height: 400 },
  scan: { width: 800, height: 400 },
  seal: { width: 600, height: 600 },
  // The scan of a whole page signed on paper: kept readable (A4 at about 200 dpi), not shrunk to a signature's size.
  page: { width: 1700, height: 2400 },
};
/** Ink is looked for on a copy at most this wide or high: fast on a 12-megapixel photo, exact enough to crop. */
const ANALYSIS_SIZE = 1000;
/** A pixel is ink when it is this much darker than the paper (0–255 grey levels). */
const INK_CONTRAST = 60;
/** Fewer ink pixels than this share of the analysed image (and at least 20) is a blank: a stray dot is no signature. */
const MIN_INK_SHARE = 0.0005;

function kind(bytes: Uint8Array): 'png' | 'jpeg' | null {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

interface InkBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
  inkPixels: number;
}

/** The bounding box of the ink on a grey, white-flattened copy; the paper is the 90th percentile of brightness. */
function findInk(grey: Buffer, width: number, height: number): InkBox {
  const histogram = new Uint32Array(256);
  for (const v of grey) histogram[v]!++;
  let seen = 0;
  let paper = 255;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v]!;
    if (seen >= grey.length * 0.9) {
      paper = v;
      break;
    }
  }
  const threshold = paper - INK_CONTRAST;
  const box: InkBox = { left: width, top: height, right: -1, bottom: -1, inkPixels: 0 };
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (grey[row + x]! >= threshold) continue;
      box.inkPixels++;
      if (x < box.left) box.left = x;
      if (x > box.right) box.right = x;
      if (y < box.top) box.top = y;
      if (y > box.bottom) box.bottom = y;
    }
  }
  return box;
}

const EMPTY_MESSAGE: Record<SignatureImageSource, string> = {
  drawn: '签名为空',
  scan: '图片中没有可识别的签名',
  seal: '图片中没有可识别的印章',
  page: '扫描件中没有可识别的内容',
};

export async function prepareSignatureImage(bytes: Uint8Array, source: SignatureImageSource): Promise<SignatureImageResult> {
  const emptyMessage = EMPTY_MESSAGE[source];
  if (bytes.length === 0) return { ok: false, message: source === 'drawn' ? '签名为空' : '文件是空的，请重新选择图片' };
  if (!kind(bytes)) return { ok: false, message: '这不是 PNG 或 JPEG 图片，请选择签名或印章的 PNG/JPEG 图片' };
  const tooLarge = signatureFileTooLarge(bytes.length);
  if (tooLarge) return { ok: false, message: tooLarge };
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    meta = await sharp(input).metadata();
  } catch {
    return { ok: false, message: '图片文件已损坏，无法读取，请重新扫描或拍照' };
  }
  const [metaWidth, metaHeight] = [meta.width ?? 0, meta.height ?? 0];
  if (metaWidth === 0 || metaHeight === 0) return { ok: false, message: '图片文件已损坏，无法读取，请重新扫描或拍照' };
  if (metaWidth * metaHeight > MAX_SIGNATURE_PIXELS) {
    return { ok: false, message: `图片尺寸过大（${meta.width}×${meta.height}），请缩小到 4000 万像素以内` };
  }
  try {
    // Two passes over the encoded file, each streamed by libvips: a small upright copy to find the ink (a JPEG
    // decodes straight to 1/2, 1/4 or 1/8 size), then the crop of the upright full image. Cheaper than one full
    // decode into a raw buffer of up to 160 MB.
    const open = () => sharp(input, { limitInputPixels: MAX_SIGNATURE_PIXELS }).rotate();
    const analysis = await open()
      .resize(ANALYSIS_SIZE, ANALYSIS_SIZE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    // EXIF orientations 5–8 turn the image a quarter: the upright size swaps width and height.
    const quarterTurn = (meta.orientation ?? 1) >= 5;
    const [width, height] = quarterTurn ? [metaHeight, metaWidth] : [metaWidth, metaHeight];
    const ink = findInk(analysis.data, analysis.info.width, analysis.info.height);
    const minInk = Math.max(20, analysis.info.width * analysis.info.height * MIN_INK_SHARE);
    if (ink.inkPixels < minInk) return { ok: false, message: emptyMessage };
    const scale = width / analysis.info.width;
    const margin = Math.max(4, Math.round(Math.max(width, height) * 0.02));
    const left = Math.max(0, Math.floor(ink.left * scale) - margin);
    const top = Math.max(0, Math.floor(ink.top * scale) - margin);
    const right = Math.min(width, Math.ceil((ink.right + 1) * scale) + margin);
    const bottom = Math.min(height, Math.ceil((ink.bottom + 1) * scale) + margin);
    const fit = FIT[source];
    const out = await open()
      .extract({ left, top, width: right - left, height: bottom - top })
      .resize(fit.width, fit.height, { fit: 'inside', withoutEnlargement: true })
      .png({ compressionLevel: 9 })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, png: out.data, width: out.info.width, height: out.info.height, sha256: sha256Hex(out.data) };
  } catch {
    return { ok: false, message: '图片文件已损坏，无法读取，请重新扫描或拍照' };
  }
}
