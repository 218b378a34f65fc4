// The demo's drawn signatures: the same name always gives the same PNG (stored once however often the demo loads),
// another name another one, and each passes the check a signature drawn on screen goes through.
import { describe, expect, it } from 'vitest';
import { drawnSignaturePng } from './drawn-stroke.js';
import { prepareSignatureImage } from './signature-image.js';
import { pngSize } from './png-size.js';

describe('drawnSignaturePng', () => {
  it('is deterministic per name, differs between names, and is a signature the check accepts', async () => {
    const [a, again, b] = [await drawnSignaturePng('黄敏'), await drawnSignaturePng('黄敏'), await drawnSignaturePng('覃建华')];
    expect(a.equals(again)).toBe(true);
    expect(a.equals(b)).toBe(false);
    const prepared = await prepareSignatureImage(a, 'drawn');
    expect(prepared.ok).toBe(true);
    if (prepared.ok) expect(pngSize(prepared.png)).toEqual({ width: prepared.width, height: prepared.height });
  });

  it('pngSize reads nothing from bytes that are not a PNG', () => {
    expect(pngSize(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBeNull();
  });
});
