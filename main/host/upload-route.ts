// POST /api/upload-archive: the web UI's way to hand a backup archive to restore. The browser
// cannot give the host a path, so it sends the file's bytes; they are streamed (never held
// whole) into a private temp file whose path restoreStore then takes. Token-checked like /api.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { err, ok } from '../../preload/contract';
import type { Handlers } from '../api/handler-types';
import type { EventBus } from '../primitives/event-bus';
import { sendJson } from './api-route';

export const UPLOAD_PATH = '/api/upload-archive';
/** A store's volumes are at most a few GiB; anything far bigger is not one of its backups. */
export const MAX_UPLOAD_BYTES = 16 * 1024 ** 3;

export async function handleUpload(
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>,
  dir = join(tmpdir(), 'storedeck-uploads'),
): Promise<void> {
  if (req.method !== 'POST') {
    sendJson(res, 405, err('invalid_request', 'Upload with POST'), headers);
    return;
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, `${randomUUID()}.storedeck.tar.gz`);
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      done(size > MAX_UPLOAD_BYTES ? new Error('too large') : null, chunk);
    },
  });
  try {
    await pipeline(req, limit, createWriteStream(path, { mode: 0o600 }));
  } catch {
    await rm(path, { force: true });
    sendJson(res, 413, err('invalid_request', 'The upload was cut short or is too large'), headers);
    return;
  }
  sendJson(res, 200, ok({ path, bytes: size }), headers);
}

/**
 * An uploaded archive is a private copy made for one restore: once that restore has ended
 * (whatever its outcome) the copy is removed. Other paths (a file the user named) are left alone.
 */
export function removeUploadsAfterRestore(
  handlers: Handlers,
  bus: EventBus,
  dir = join(tmpdir(), 'storedeck-uploads'),
): Handlers {
  return {
    ...handlers,
    restoreStore: async (request) => {
      const started = await handlers.restoreStore(request);
      if (!request.archive.startsWith(`${dir}/`)) return started;
      if (!started.ok) {
        await rm(request.archive, { force: true });
        return started;
      }
      const stop = bus.subscribe((name, payload) => {
        const p = payload as { operationId?: string; done?: boolean };
        if (name !== 'backupProgress' || p.operationId !== started.value.operationId || !p.done) return;
        stop();
        void rm(request.archive, { force: true });
      });
      return started;
    },
  };
}
