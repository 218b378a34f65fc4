// The pixel size of a stored signature PNG, from its IHDR chunk: the exports size the image to the block with it,
// without decoding the picture.
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  if (png.length < 24 || png[12] !== 0x49 || png[13] !== 0x48 || png[14] !== 0x44 || png[15] !== 0x52) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
