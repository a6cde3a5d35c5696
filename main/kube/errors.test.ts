import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ApiException, FetchError } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { classifyError, isNotFound, KubeError, parseRetryAfter, plainMessage } from './errors';

const status = (code: number, reason: string, message: string, extra: object = {}) =>
  JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason, message, ...extra });

describe('classifyError', () => {
  it('treats 5xx and 429 as transient and honours Retry-After', () => {
    const e500 = new ApiException(
      500,
      'Unknown API Status Code!',
      status(500, 'InternalError', 'etcd hiccup'),
      {},
    );
    expect(classifyError(e500)).toMatchObject({ kind: 'transient', status: 500, message: 'etcd hiccup' });
    const e429 = new ApiException(429, 'x', status(429, 'TooManyRequests', 'slow down'), {
      'retry-after': '2',
    });
    expect(classifyError(e429)).toMatchObject({ kind: 'transient', retryAfterMs: 2000 });
  });

  it('takes retryAfterSeconds from the Status details when the header is missing', () => {
    const e = new ApiException(
      503,
      'x',
      status(503, 'ServiceUnavailable', 'busy', { details: { retryAfterSeconds: 1 } }),
      {},
    );
    expect(classifyError(e).retryAfterMs).toBe(1000);
  });

  it('treats 4xx as permanent and surfaces the Status message', () => {
    const quota =
      'pods "mysql-1" is forbidden: exceeded quota: store-quota, requested: pods=1, used: pods=10, limited: pods=10';
    const e = new ApiException(403, 'x', status(403, 'Forbidden', quota), {});
    expect(classifyError(e)).toMatchObject({
      kind: 'permanent',
      status: 403,
      reason: 'Forbidden',
      message: quota,
    });
  });

  it('gives a plain sentence when the body is not a Status', () => {
    const e = new ApiException(401, 'Unauthorized', undefined, {});
    expect(plainMessage(e)).toMatch(/credentials/);
    expect(isNotFound(new ApiException(404, 'x', '', {}))).toBe(true);
  });

  it('treats dropped connections and refused connections as transient', () => {
    const hangUp = new FetchError(
      'request to https://127.0.0.1/api failed, reason: socket hang up',
      'system',
      {
        code: 'ECONNRESET',
      } as never,
    );
    expect(classifyError(hangUp).kind).toBe('transient');
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6443'), { code: 'ECONNREFUSED' });
    expect(classifyError(refused).kind).toBe('transient');
    expect(classifyError(new Error('Premature close')).kind).toBe('transient');
  });

  it('treats a busy local database (another Storedeck process writing) as transient', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'storedeck-busy-')), 'db.sqlite');
    const holder = new Database(file);
    const waiter = new Database(file, { timeout: 0 });
    let busy: unknown;
    holder.exec('BEGIN IMMEDIATE');
    try {
      waiter.exec('BEGIN IMMEDIATE');
    } catch (error) {
      busy = error;
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
      waiter.close();
    }
    expect(classifyError(busy)).toMatchObject({ kind: 'transient', reason: 'SQLITE_BUSY' });
    expect(classifyError(Object.assign(new Error('no such table'), { code: 'SQLITE_ERROR' })).kind).toBe(
      'permanent',
    );
  });

  it('treats programming errors and aborts as permanent', () => {
    expect(classifyError(new TypeError('x is not a function')).kind).toBe('permanent');
    const abort = Object.assign(new Error('The operation was aborted'), {
      name: 'AbortError',
      type: 'aborted',
    });
    expect(classifyError(abort).kind).toBe('permanent');
  });

  it('keeps an already classified KubeError as it is', () => {
    const e = new KubeError({
      kind: 'transient',
      status: 503,
      reason: null,
      message: 'busy',
      retryAfterMs: 5,
    });
    expect(classifyError(e)).toMatchObject({ kind: 'transient', retryAfterMs: 5 });
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});
