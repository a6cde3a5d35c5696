// Downloads the pinned kind release into the data dir's bin/, verifying its SHA-256 against
// the table in kind-releases.ts while it streams; anything else (mismatch, HTTP error, a cut
// connection, a stalled server) leaves no executable behind and says which.
import { createHash } from 'node:crypto';
import { chmodSync, createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { KIND_RELEASE, platformKey, type KindAsset } from './kind-releases';

export interface DownloadKindOptions {
  binDir: string;
  platform?: NodeJS.Platform;
  arch?: string;
  /** Release base URL (tests point it at a server on 127.0.0.1). */
  baseUrl?: string;
  assets?: Record<string, KindAsset>;
  signal?: AbortSignal;
  /** No byte for this long (ms) aborts the download. */
  idleTimeoutMs?: number;
  onProgress?: (received: number, total: number | null) => void;
}

class KindDownloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KindDownloadError';
  }
}

/** Returns the path of the verified executable. */
export async function downloadKind(options: DownloadKindOptions): Promise<string> {
  const key = platformKey(options.platform ?? process.platform, options.arch ?? process.arch);
  const assets: Record<string, KindAsset> = options.assets ?? KIND_RELEASE.assets;
  const asset = assets[key];
  if (!asset) throw new KindDownloadError(`kind ${KIND_RELEASE.version} has no release for ${key}`);
  if (!asset.sha256)
    throw new KindDownloadError(
      `No checksum is recorded for ${asset.file} (${KIND_RELEASE.version}), so Storedeck will not download it: install kind yourself from https://kind.sigs.k8s.io/docs/user/quick-start/#installation`,
    );
  const url = `${options.baseUrl ?? KIND_RELEASE.baseUrl}/${asset.file}`;
  const target = path.join(
    options.binDir,
    (options.platform ?? process.platform) === 'win32' ? 'kind.exe' : 'kind',
  );
  const partial = `${target}.partial`;
  mkdirSync(options.binDir, { recursive: true });

  const controller = new AbortController();
  const abort = () => controller.abort();
  options.signal?.addEventListener('abort', abort, { once: true });
  let idle: NodeJS.Timeout | undefined;
  let stalled = false;
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, options.idleTimeoutMs ?? 30_000);
  };
  try {
    touch();
    let response: Response;
    try {
      response = await fetch(url, { signal: controller.signal, redirect: 'follow' });
    } catch (error) {
      throw new KindDownloadError(`Could not reach ${url}: ${reason(error, stalled)}`);
    }
    if (!response.ok || !response.body)
      throw new KindDownloadError(`Downloading ${url} failed: HTTP ${response.status}`);
    const total = Number(response.headers.get('content-length')) || null;
    const hash = createHash('sha256');
    const out = createWriteStream(partial, { mode: 0o755 });
    let received = 0;
    try {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        touch();
        hash.update(value);
        received += value.byteLength;
        if (!out.write(value)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        options.onProgress?.(received, total);
      }
    } catch (error) {
      throw new KindDownloadError(
        `The download of ${asset.file} was interrupted after ${received} bytes: ${reason(error, stalled)}`,
      );
    } finally {
      await new Promise<void>((resolve) => out.end(() => resolve()));
    }
    if (total !== null && received !== total)
      throw new KindDownloadError(`The download of ${asset.file} ended after ${received} of ${total} bytes`);
    const actual = hash.digest('hex');
    if (actual !== asset.sha256)
      throw new KindDownloadError(
        `Checksum mismatch for ${asset.file}: expected ${asset.sha256}, got ${actual}; the file was discarded`,
      );
    renameSync(partial, target);
    chmodSync(target, 0o755);
    return target;
  } finally {
    clearTimeout(idle);
    options.signal?.removeEventListener('abort', abort);
    rmSync(partial, { force: true });
  }
}

function reason(error: unknown, stalled: boolean): string {
  if (stalled) return 'no data for too long';
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
