// Writes a ustar archive entry by entry, each streamed from its source (sizes known up front),
// so an archive of any size passes through in chunks, never whole in memory.
import { once } from 'node:events';
import type { Writable } from 'node:stream';

const BLOCK = 512;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

/** A regular file's ustar header (names are ours: short, ASCII). */
export function tarHeader(name: string, size: number, mtimeSeconds: number): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`archive member name too long: ${name}`);
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(mtimeSeconds, 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

export const tarPadding = (size: number): Buffer => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
export const TAR_END = Buffer.alloc(BLOCK * 2);

async function put(out: Writable, chunk: Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

export interface TarSource {
  name: string;
  size: number;
  open(): AsyncIterable<Buffer | string>;
}

/** Writes every entry (and the end blocks) to out, honouring its backpressure; does not end it. */
export async function writeTar(
  out: Writable,
  entries: TarSource[],
  onBytes: (n: number) => void,
  signal?: AbortSignal,
  mtimeSeconds = Math.floor(Date.now() / 1000),
): Promise<void> {
  for (const entry of entries) {
    await put(out, tarHeader(entry.name, entry.size, mtimeSeconds));
    let written = 0;
    for await (const chunk of entry.open()) {
      signal?.throwIfAborted();
      const buf = chunk as Buffer;
      written += buf.length;
      if (written > entry.size) throw new Error(`${entry.name} grew while it was archived`);
      await put(out, buf);
      onBytes(buf.length);
    }
    if (written !== entry.size) throw new Error(`${entry.name} shrank while it was archived`);
    await put(out, tarPadding(entry.size));
  }
  await put(out, TAR_END);
}
