// Exponential backoff with full jitter for every API call: transient failures are retried within
// a bounded number of attempts and a bounded time; permanent ones surface at once as KubeError.
import { classifyError, KubeError } from './errors';

export interface RetryOptions {
  /** Attempts in total, the first included. */
  maxAttempts?: number;
  /** Give up once this much time has passed since the first attempt. */
  maxTimeMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  signal?: AbortSignal;
  /** Injected for tests; defaults to Math.random. */
  random?: () => number;
  onRetry?: (info: { attempt: number; delayMs: number; error: KubeError }) => void;
}

export const DEFAULT_RETRY: Required<
  Pick<RetryOptions, 'maxAttempts' | 'maxTimeMs' | 'baseDelayMs' | 'maxDelayMs'>
> = {
  maxAttempts: 8,
  maxTimeMs: 30_000,
  baseDelayMs: 50,
  maxDelayMs: 3_000,
};

/** Backoff before attempt `attempt + 1`: full jitter, but never shorter than the server asked for. */
export function backoffDelay(
  attempt: number,
  retryAfterMs: number | null,
  options: RetryOptions = {},
): number {
  const base = options.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs;
  const cap = options.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs;
  const random = options.random ?? Math.random;
  const ceiling = Math.min(cap, base * 2 ** attempt);
  const jittered = Math.round(ceiling / 2 + (random() * ceiling) / 2);
  return retryAfterMs !== null ? Math.max(retryAfterMs, jittered) : jittered;
}

/** Resolves after ms, or rejects with the signal's reason when it aborts first. */
export function abortableDelay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs fn until it succeeds, a permanent error occurs, or the attempt/time budget runs out. */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_RETRY.maxAttempts;
  const maxTimeMs = options.maxTimeMs ?? DEFAULT_RETRY.maxTimeMs;
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    if (options.signal?.aborted) throw options.signal.reason;
    try {
      return await fn(attempt);
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      const classified = classifyError(error);
      const kubeError = error instanceof KubeError ? error : new KubeError(classified, { cause: error });
      if (classified.kind === 'permanent' || attempt + 1 >= maxAttempts) throw kubeError;
      const delayMs = backoffDelay(attempt, classified.retryAfterMs, options);
      if (Date.now() - started + delayMs > maxTimeMs) throw kubeError;
      options.onRetry?.({ attempt, delayMs, error: kubeError });
      await abortableDelay(delayMs, options.signal);
    }
  }
}
