// Draws the app icon (a gradient tile with a fanned deck of three "store" cards) and writes
// build/icon.png and the favicon. No image libraries: a PNG is IHDR + deflated scanlines + IEND.
// Run: npx tsx scripts/make-icon.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { ICNS_TYPES, ICO_SIZES, encodeIcns, encodeIco } from './icon-containers';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes straight RGBA pixels (row-major, 4 bytes each) as an 8-bit RGBA PNG. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  if (rgba.length !== width * height * 4) throw new Error('pixel buffer does not match the size');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit, RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y += 1) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Linux wants a directory of NxN.png (electron-builder's linux.icon); the hicolor sizes. */
export const LINUX_ICON_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;

/** The app icon for the tray and as the source icon, the Linux set, and the page's favicon. */
export const ICON_FILES: ReadonlyArray<readonly [number, string]> = [
  [512, 'build/icon.png'],
  ...LINUX_ICON_SIZES.map((size) => [size, `build/icons/${size}x${size}.png`] as const),
  [64, 'renderer/public/favicon.png'],
];

/** build/icon.ico (Windows) and build/icon.icns (macOS), drawn at every size they hold. */
export function containerIcons(): Array<[string, Buffer]> {
  const png = (size: number) => encodePng(size, size, drawIcon(size));
  return [
    ['build/icon.ico', encodeIco(ICO_SIZES.map((size) => ({ size, png: png(size) })))],
    ['build/icon.icns', encodeIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: png(size) })))],
  ];
}

type Rgb = [number, number, number];
const mix = (a: Rgb, b: Rgb, t: number): Rgb =>
  [0, 1, 2].map((i) => Math.round(a[i]! + (b[i]! - a[i]!) * t)) as Rgb;

/** Coverage (0..1) of pixel centre (x, y) by a rounded rectangle, with a one-pixel soft edge. */
function roundedRect(
  x: number,
  y: number,
  left: number,
  top: number,
  w: number,
  h: number,
  r: number,
): number {
  const cx = Math.min(Math.max(x, left + r), left + w - r);
  const cy = Math.min(Math.max(y, top + r), top + h - r);
  const distance = Math.hypot(x - cx, y - cy) - r;
  return Math.min(1, Math.max(0, 0.5 - distance));
}

export function drawIcon(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const s = size / 512;
  const violet: Rgb = [91, 79, 214];
  const teal: Rgb = [43, 181, 160];
  // Back to front: each card a little wider and lower, like a fanned deck.
  const cards = [
    { left: 172, top: 132, width: 168, height: 120, shade: 0.45 },
    { left: 144, top: 182, width: 224, height: 130, shade: 0.7 },
    { left: 116, top: 236, width: 280, height: 144, shade: 1 },
  ];
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const px = x + 0.5;
      const py = y + 0.5;
      const tile = roundedRect(px, py, 16 * s, 16 * s, 480 * s, 480 * s, 104 * s);
      let color = mix(violet, teal, (px + py) / (2 * size));
      for (const card of cards) {
        const cover = roundedRect(
          px,
          py,
          card.left * s,
          card.top * s,
          card.width * s,
          card.height * s,
          26 * s,
        );
        color = mix(color, mix(color, [255, 255, 255], card.shade), cover);
      }
      const at = (y * size + x) * 4;
      pixels.set([...color, Math.round(255 * tile)], at);
    }
  }
  return pixels;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  mkdirSync(resolve(import.meta.dirname, '../build/icons'), { recursive: true });
  const files: Array<[string, Buffer]> = [
    ...ICON_FILES.map(([size, path]) => [path, encodePng(size, size, drawIcon(size))] as [string, Buffer]),
    ...containerIcons(),
  ];
  for (const [path, data] of files) {
    const out = resolve(import.meta.dirname, '..', path);
    writeFileSync(out, data);
    console.log(`wrote ${out}`);
  }
}
