// Reads a ustar archive from a stream of chunks, handing each entry's bytes to a consumer as
// they come (awaited, so a slow consumer slows the reader rather than filling memory).
// A damaged archive (bad header checksum, data cut short, no end) is an error with a reason.

const BLOCK = 512;

export interface TarEntryConsumer {
  write(chunk: Buffer): void | Promise<void>;
  end(): void | Promise<void>;
}

export class TarFormatError extends Error {}

const field = (h: Buffer, start: number, len: number): string =>
  h
    .subarray(start, start + len)
    .toString('utf8')
    .replace(/\0[\s\S]*$/, '');

function parseHeader(h: Buffer): { name: string; size: number; type: string } {
  let sum = 0;
  for (let i = 0; i < BLOCK; i += 1) sum += i >= 148 && i < 156 ? 32 : (h[i] as number);
  const recorded = parseInt(field(h, 148, 8).trim(), 8);
  if (recorded !== sum) throw new TarFormatError('a header is damaged (checksum mismatch)');
  const size = parseInt(field(h, 124, 12).trim() || '0', 8);
  if (!Number.isSafeInteger(size) || size < 0) throw new TarFormatError('a header has an invalid size');
  const prefix = field(h, 345, 155);
  const name = [prefix, field(h, 0, 100)].filter(Boolean).join('/');
  return { name, size, type: field(h, 156, 1) || '0' };
}

/**
 * Calls onEntry for each regular file; its consumer gets the file's bytes. Resolves once the
 * end-of-archive block is read; rejects with TarFormatError on a damaged or truncated archive.
 */
export async function readTar(
  source: AsyncIterable<Buffer | string>,
  onEntry: (entry: { name: string; size: number }) => TarEntryConsumer | Promise<TarEntryConsumer>,
): Promise<void> {
  let pending: Buffer = Buffer.alloc(0);
  let entry: { consumer: TarEntryConsumer | null; left: number; pad: number } | null = null;
  let ended = false;
  for await (const raw of source) {
    pending = pending.length ? Buffer.concat([pending, raw as Buffer]) : (raw as Buffer);
    while (!ended) {
      if (entry) {
        if (entry.left > 0) {
          if (!pending.length) break;
          const take = Math.min(entry.left, pending.length);
          const piece = pending.subarray(0, take);
          pending = pending.subarray(take);
          entry.left -= take;
          if (entry.consumer) await entry.consumer.write(piece);
          if (entry.left > 0) continue;
          if (entry.consumer) await entry.consumer.end();
        }
        if (pending.length < entry.pad) break;
        pending = pending.subarray(entry.pad);
        entry = null;
        continue;
      }
      if (pending.length < BLOCK) break;
      const header = pending.subarray(0, BLOCK);
      pending = pending.subarray(BLOCK);
      if (header.every((b) => b === 0)) {
        ended = true;
        break;
      }
      const { name, size, type } = parseHeader(header);
      const consumer = type === '0' || type === '\0' ? await onEntry({ name, size }) : null;
      entry = { consumer, left: size, pad: (BLOCK - (size % BLOCK)) % BLOCK };
      if (size === 0 && consumer) await consumer.end();
    }
  }
  if (!ended) throw new TarFormatError('it ends early (truncated)');
}
