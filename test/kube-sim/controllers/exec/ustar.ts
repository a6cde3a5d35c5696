// A ustar archive of regular files, as GNU and busybox tar write and read them: 512-byte
// headers (checksummed), contents padded to 512, two zero blocks at the end. Enough for the
// sim's `tar -c` / `tar -x`; links, devices and long GNU names are not modelled.
const BLOCK = 512;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function splitName(path: string): [string, string] | null {
  if (Buffer.byteLength(path) <= 100) return ['', path];
  for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return [prefix, name];
  }
  return null;
}

function header(path: string, size: number, type: '0' | '5', mtime: number): Buffer {
  const split = splitName(path);
  if (!split) throw new Error(`${path}: file name is too long (cannot be split); not dumped`);
  const [prefix, name] = split;
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(type === '5' ? 0o755 : 0o644, 8), 100, 'ascii');
  h.write(octal(33, 8), 108, 'ascii');
  h.write(octal(33, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(mtime, 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write(type, 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write('www-data', 265, 'ascii');
  h.write('www-data', 297, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

export function packUstar(files: Array<[string, Buffer]>, dirs: string[], mtime: number): Buffer {
  const parts: Buffer[] = [];
  for (const dir of dirs) parts.push(header(`${dir.replace(/\/$/, '')}/`, 0, '5', mtime));
  for (const [path, data] of files) {
    parts.push(header(path, data.length, '0', mtime), data);
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

const field = (h: Buffer, start: number, len: number): string =>
  h
    .subarray(start, start + len)
    .toString('utf8')
    .replace(/\0.*$/s, '');

/** Entries of an archive, or the message GNU tar prints for a damaged one. */
export function unpackUstar(data: Buffer): { files: Array<[string, Buffer]> } | { error: string } {
  const files: Array<[string, Buffer]> = [];
  let at = 0;
  while (at + BLOCK <= data.length) {
    const h = data.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) return { files };
    let sum = 0;
    for (let i = 0; i < BLOCK; i += 1) sum += i >= 148 && i < 156 ? 32 : (h[i] as number);
    if (parseInt(field(h, 148, 8).trim(), 8) !== sum)
      return {
        error:
          'tar: This does not look like a tar archive\ntar: Exiting with failure status due to previous errors\n',
      };
    const size = parseInt(field(h, 124, 12).trim() || '0', 8);
    const prefix = field(h, 345, 155);
    const name = [prefix, field(h, 0, 100)].filter(Boolean).join('/');
    const type = field(h, 156, 1) || '0';
    const start = at + BLOCK;
    if (start + size > data.length)
      return { error: 'tar: Unexpected EOF in archive\ntar: Error is not recoverable: exiting now\n' };
    if (type === '0') files.push([name, Buffer.from(data.subarray(start, start + size))]);
    at = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return { error: 'tar: Unexpected EOF in archive\ntar: Error is not recoverable: exiting now\n' };
}
