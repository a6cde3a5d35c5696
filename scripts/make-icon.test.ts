import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES, ICO_SIZES, pngSize, readIcns, readIcoSizes } from './icon-containers';
import { ICON_FILES, containerIcons, crc32, drawIcon, encodePng } from './make-icon';

function readChunks(png: Buffer) {
  const chunks: Array<{ type: string; data: Buffer; crcOk: boolean }> = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    const crcOk = png.readUInt32BE(at + 8 + length) === crc32(png.subarray(at + 4, at + 8 + length));
    chunks.push({ type, data, crcOk });
    at += 12 + length;
  }
  return chunks;
}

describe('make-icon', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('encodes a PNG whose chunks, CRCs and pixels read back', () => {
    const rgba = Buffer.from([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 9, 9, 9, 9]);
    const png = encodePng(2, 2, rgba);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const chunks = readChunks(png);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
    const rows = inflateSync(chunks[1]!.data);
    expect(rows).toEqual(
      Buffer.concat([Buffer.from([0]), rgba.subarray(0, 8), Buffer.from([0]), rgba.subarray(8)]),
    );
  });

  it.each(ICON_FILES)('the committed %i px icon %s is what this script draws', (size, path) => {
    const committed = readFileSync(new URL(`../${path}`, import.meta.url));
    const header = readChunks(committed)[0]!.data;
    expect([header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9]]).toEqual([
      size,
      size,
      8,
      6,
    ]);
    expect(committed.equals(encodePng(size, size, drawIcon(size)))).toBe(true);
  });

  it('draws transparent corners and an opaque centre', () => {
    const pixels = drawIcon(64);
    expect(pixels[3]).toBe(0);
    expect(pixels[(32 * 64 + 32) * 4 + 3]).toBe(255);
  });

  it('the committed .ico and .icns hold every size Windows and macOS ask for, and are what this script draws', () => {
    for (const [path, drawn] of containerIcons()) {
      const committed = readFileSync(new URL(`../${path}`, import.meta.url));
      expect(committed.equals(drawn), path).toBe(true);
    }
    const ico = readFileSync(new URL('../build/icon.ico', import.meta.url));
    expect(readIcoSizes(ico)).toEqual([...ICO_SIZES]);
    const icns = readIcns(readFileSync(new URL('../build/icon.icns', import.meta.url)));
    expect(icns.map(([type, png]) => [type, pngSize(png)[0]])).toEqual(ICNS_TYPES.map(([t, s]) => [t, s]));
    expect(icns.every(([, png]) => pngSize(png)[0] === pngSize(png)[1])).toBe(true);
  });
});
