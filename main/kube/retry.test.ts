import { ApiException } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { KubeError } from './errors';
import { backoffDelay, withRetry } from './retry';

const e503 = () =>
  new ApiException(503, 'x', JSON.stringify({ kind: 'Status', code: 503, message: 'busy' }), {});
const e422 = () =>
  new ApiException(
    422,
    'x',
    JSON.stringify({ kind: 'Status', code: 422, message: 'spec.replicas: Invalid value' }),
    {},
  );

describe('backoffDelay', () => {
  it('grows exponentially, is capped, and never undercuts Retry-After', () => {
    const opts = { baseDelayMs: 100, maxDelayMs: 1000, random: () => 1 };
    expect(backoffDelay(0, null, opts)).toBe(100);
    expect(backoffDelay(3, null, opts)).toBe(800);
    expect(backoffDelay(10, null, opts)).toBe(1000);
    expect(backoffDelay(0, 2000, opts)).toBe(2000);
    expect(backoffDelay(2, null, { ...opts, random: () => 0 })).toBe(200);
  });
});

describe('withRetry', () => {
  it('retries transient failures until success', async () => {
    let calls = 0;
    const retries: number[] = [];
    const value = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw e503();
        return 'done';
      },
      { baseDelayMs: 1, onRetry: ({ attempt }) => retries.push(attempt) },
    );
    expect(value).toBe('done');
    expect(retries).toEqual([0, 1]);
  });

  it('stops at once on a permanent error, with the Status message', async () => {
    let calls = 0;
    const failure = withRetry(async () => {
      calls++;
      throw e422();
    });
    await expect(failure).rejects.toBeInstanceOf(KubeError);
    await expect(failure).rejects.toThrow('spec.replicas: Invalid value');
    expect(calls).toBe(1);
  });

  it('gives up after maxAttempts and after maxTimeMs', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw e503();
        },
        { maxAttempts: 4, baseDelayMs: 1 },
      ),
    ).rejects.toMatchObject({
      kind: 'transient',
    });
    expect(calls).toBe(4);
    calls = 0;
    const started = Date.now();
    await expect(
      withRetry(
        async () => {
          calls++;
          throw e503();
        },
        { maxAttempts: 100, baseDelayMs: 20, maxDelayMs: 20, maxTimeMs: 100 },
      ),
    ).rejects.toThrow('busy');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(calls).toBeLessThan(10);
  });

  it('honours Retry-After from a 429', async () => {
    let calls = 0;
    const started = Date.now();
    await withRetry(
      async () => {
        calls++;
        if (calls === 1) throw new ApiException(429, 'x', '', { 'retry-after': '1' });
        return true;
      },
      { baseDelayMs: 1 },
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
  });

  it('stops waiting when aborted', async () => {
    const controller = new AbortController();
    const failure = withRetry(
      async () => {
        throw e503();
      },
      { baseDelayMs: 10_000, maxDelayMs: 10_000, signal: controller.signal },
    );
    controller.abort(new Error('store deleted'));
    await expect(failure).rejects.toThrow('store deleted');
  });
});
