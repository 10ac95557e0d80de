/**
 * Bad evidence images are refused with an EvidenceError naming the file and the reason, before
 * any partial result; fixtures described in test/fixtures/avatars/README.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { EvidenceError } from '../src/io';
import { decodeAvatar, hashAvatar, hashAvatars, inspectAvatar, sniffFormat } from '../src/avatars';

const fx = (f: string): string => join(__dirname, 'fixtures', 'avatars', f);

async function refusal(file: string, options = {}): Promise<EvidenceError> {
  try {
    await hashAvatar(fx(file), options);
  } catch (err) {
    expect(err).toBeInstanceOf(EvidenceError);
    return err as EvidenceError;
  }
  throw new Error(`${file} was not refused`);
}

describe('bad avatar files', () => {
  it('refuses a zero-byte file', async () => {
    const e = await refusal('empty.png');
    expect(e.message).toContain('empty.png');
    expect(e.message).toMatch(/empty \(0 bytes\)/);
    expect(e.issues[0]!.file).toBe(fx('empty.png'));
  });

  it('refuses SVG, also when saved under a .png name', async () => {
    for (const f of ['script.svg', 'svg-renamed.png']) {
      const e = await refusal(f);
      expect(e.message).toContain(f);
      expect(e.message).toMatch(/SVG/);
      expect(e.message).toMatch(/scripts/);
    }
  });

  it('refuses a header claiming 100000 x 100000 before decoding (decompression bomb)', async () => {
    expect(readFileSync(fx('huge-100000x100000.png')).length).toBeLessThan(100);
    const e = await refusal('huge-100000x100000.png');
    expect(e.message).toContain('huge-100000x100000.png');
    expect(e.message).toMatch(/100000 x 100000/);
    expect(e.message).toMatch(/decompression-bomb/);
    expect(e.issues[0]!.value).toEqual({ width: 100000, height: 100000 });
  });

  it('applies a caller limit on pixels too', async () => {
    const e = await refusal('transparent.png', { maxPixels: 32 * 31 });
    expect(e.message).toMatch(/32 x 32 = 1024 pixels, above the 992-pixel limit/);
  });

  it('refuses truncated and corrupt pixel data', async () => {
    const t = await refusal('truncated.jpg');
    expect(t.message).toContain('truncated.jpg');
    expect(t.message).toMatch(/corrupt|truncated|premature/i);
    const c = await refusal('corrupt-idat.png');
    expect(c.message).toContain('corrupt-idat.png');
    expect(c.message).toMatch(/corrupt, truncated or undecodable PNG data/);
  });

  it('refuses non-images and raster formats other than PNG/JPEG/WebP/GIF', async () => {
    const a = await refusal('not-an-image.png');
    expect(a.message).toMatch(/not a PNG, JPEG, WebP or GIF image \(first bytes 706572736f6e5f69\)/);
    const b = await refusal('valid.tiff');
    expect(b.message).toContain('valid.tiff');
    expect(sniffFormat(readFileSync(fx('valid.tiff')))).toBe('unknown');
  });

  it('a missing file is an evidence error naming it', async () => {
    await expect(hashAvatar(fx('no-such-file.png'))).rejects.toThrow(/no-such-file\.png: cannot read the file/);
  });

  it('stops a batch at the first refused file (no partial result)', async () => {
    await expect(hashAvatars([fx('transparent.png'), fx('empty.png')])).rejects.toBeInstanceOf(EvidenceError);
  });
});

describe('accepted formats', () => {
  it('decodes PNG, JPEG, WebP and GIF from memory, sniffed from content', async () => {
    const px = Buffer.alloc(24 * 24 * 3);
    for (let i = 0; i < 24 * 24; i++) { px[i * 3] = 200; px[i * 3 + 1] = (i % 24) * 10; px[i * 3 + 2] = 40; }
    const img = sharp(px, { raw: { width: 24, height: 24, channels: 3 } });
    const encoded = {
      png: await img.clone().png().toBuffer(),
      jpeg: await img.clone().jpeg().toBuffer(),
      webp: await img.clone().webp().toBuffer(),
      gif: await img.clone().gif().toBuffer(),
    };
    for (const [format, bytes] of Object.entries(encoded)) {
      expect(sniffFormat(bytes)).toBe(format);
      const d = await decodeAvatar({ file: `mem.${format}`, bytes });
      expect(d.format).toBe(format);
      expect([d.width, d.height, d.pixels.length]).toEqual([24, 24, 24 * 24 * 3]);
      expect(Math.abs(d.pixels[0]! - 200)).toBeLessThan(12);
      const info = await inspectAvatar(`mem.${format}`, bytes);
      expect(info).toEqual({ format, width: 24, height: 24 });
    }
  });

  it('composites transparency onto white', async () => {
    const d = await decodeAvatar(fx('transparent.png'));
    const at = (x: number, y: number): number[] => Array.from(d.pixels.subarray((y * 32 + x) * 3, (y * 32 + x) * 3 + 3));
    expect(at(0, 0)).toEqual([255, 255, 255]);
    expect(at(16, 16)).toEqual([255, 0, 0]);
  });
});
