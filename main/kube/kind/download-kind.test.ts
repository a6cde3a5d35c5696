// The pinned-kind download against a server on 127.0.0.1: a good file, a wrong checksum, a
// 404 and a connection cut mid-file. Only the good file ever becomes an executable.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { downloadKind } from './download-kind';
import { KIND_RELEASE } from './kind-releases';

const BODY = Buffer.from(`#!/bin/sh\necho "kind v0.30.0 go1.24.6 linux/amd64"\n${'x'.repeat(64 * 1024)}\n`);
const SHA = createHash('sha256').update(BODY).digest('hex');
let server: Server;
let baseUrl: string;
let binDir: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/good/kind-linux-amd64') {
      res.writeHead(200, { 'content-length': BODY.length });
      res.end(BODY);
    } else if (req.url === '/redirect/kind-linux-amd64') {
      res.writeHead(302, { location: '/good/kind-linux-amd64' });
      res.end();
    } else if (req.url === '/cut/kind-linux-amd64') {
      res.writeHead(200, { 'content-length': BODY.length });
      res.write(BODY.subarray(0, 1000), () => res.socket?.destroy());
    } else {
      res.writeHead(404);
      res.end('Not Found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  binDir = path.join(mkdtempSync(path.join(tmpdir(), 'storedeck-kind-dl-')), 'bin');
  return () => rmSync(path.dirname(binDir), { recursive: true, force: true });
});

const assets = (sha256: string | null) => ({ 'linux-amd64': { file: 'kind-linux-amd64', sha256 } });
const run = (prefix: string, sha256: string | null = SHA) =>
  downloadKind({
    binDir,
    platform: 'linux',
    arch: 'x64',
    baseUrl: `${baseUrl}/${prefix}`,
    assets: assets(sha256),
  });
const leftovers = () => (existsSync(binDir) ? readdirSync(binDir) : []);

describe('downloading kind', () => {
  it('keeps a file whose SHA-256 matches, executable, following redirects', async () => {
    const progress: number[] = [];
    const target = await downloadKind({
      binDir,
      platform: 'linux',
      arch: 'x64',
      baseUrl: `${baseUrl}/redirect`,
      assets: assets(SHA),
      onProgress: (received) => progress.push(received),
    });
    expect(target).toBe(path.join(binDir, 'kind'));
    expect(readFileSync(target)).toEqual(BODY);
    expect(statSync(target).mode & 0o111).not.toBe(0);
    expect(progress.at(-1)).toBe(BODY.length);
    expect(leftovers()).toEqual(['kind']);
  });

  it('refuses a file whose checksum differs and leaves nothing behind', async () => {
    await expect(run('good', 'a'.repeat(64))).rejects.toThrow(
      `Checksum mismatch for kind-linux-amd64: expected ${'a'.repeat(64)}, got ${SHA}; the file was discarded`,
    );
    expect(leftovers()).toEqual([]);
  });

  it('says so on a 404', async () => {
    await expect(run('missing')).rejects.toThrow(
      `Downloading ${baseUrl}/missing/kind-linux-amd64 failed: HTTP 404`,
    );
    expect(leftovers()).toEqual([]);
  });

  it('says so when the connection is cut mid-file', async () => {
    await expect(run('cut')).rejects.toThrow(
      /^The download of kind-linux-amd64 (was interrupted after|ended after) /,
    );
    expect(leftovers()).toEqual([]);
  });

  it('never downloads a file whose checksum is not recorded', async () => {
    await expect(run('good', null)).rejects.toThrow(/No checksum is recorded for kind-linux-amd64/);
    expect(leftovers()).toEqual([]);
  });

  it('pins real upstream file names, each with a full SHA-256 or none', () => {
    expect(KIND_RELEASE.baseUrl).toBe(
      `https://github.com/kubernetes-sigs/kind/releases/download/${KIND_RELEASE.version}`,
    );
    for (const [key, asset] of Object.entries(KIND_RELEASE.assets)) {
      expect(asset.file).toBe(`kind-${key}`);
      if (asset.sha256 !== null) expect(asset.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});
