// Per-key exponential backoff for passes that failed on a transient error, as client-go's
// ItemExponentialFailureRateLimiter: each failure in a row doubles the key's delay up to a cap,
// with jitter so stores that failed together do not retry in lockstep; success forgets the key.

export interface KeyBackoffOptions {
  baseMs?: number;
  maxMs?: number;
  /** Injected for tests; defaults to Math.random. */
  random?: () => number;
}

export const KEY_BACKOFF_DEFAULTS = { baseMs: 100, maxMs: 30_000 } as const;

export class KeyBackoff {
  private readonly failures = new Map<string, number>();
  private readonly baseMs: number;
  private readonly maxMs: number;
  private readonly random: () => number;

  constructor(options: KeyBackoffOptions = {}) {
    this.baseMs = options.baseMs ?? KEY_BACKOFF_DEFAULTS.baseMs;
    this.maxMs = options.maxMs ?? KEY_BACKOFF_DEFAULTS.maxMs;
    this.random = options.random ?? Math.random;
  }

  /** Counts a failure of key and returns how long to wait before its next pass. */
  next(key: string): number {
    const failures = this.failures.get(key) ?? 0;
    this.failures.set(key, failures + 1);
    const ceiling = Math.min(this.maxMs, this.baseMs * 2 ** Math.min(failures, 30));
    // Half fixed, half jitter: never less than half the ceiling.
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  failuresOf(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  forget(key: string): void {
    this.failures.delete(key);
  }
}
