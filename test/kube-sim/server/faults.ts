import { StatusError, type FaultConfig, type Rng } from '../types.js';

export type FaultDecision =
  | { kind: 'none'; delayMs: number }
  | { kind: 'drop'; delayMs: number }
  | { kind: 'error'; delayMs: number; error: StatusError };

/** Draws a fault for one request from the seeded rng; a fixed number of draws per request keeps runs reproducible. */
export function decideFault(cfg: FaultConfig, rng: Rng): FaultDecision {
  const dropDraw = rng.next();
  const errorDraw = rng.next();
  const kindDraw = rng.int(3);
  const latencyDraw = rng.next();
  const lat = cfg.latencyMs;
  const delayMs = lat ? Math.max(0, lat.min + (lat.max - lat.min) * latencyDraw) : 0;
  if (cfg.dropRate && dropDraw < cfg.dropRate) return { kind: 'drop', delayMs };
  if (cfg.errorRate && errorDraw < cfg.errorRate)
    return { kind: 'error', delayMs, error: faultError(kindDraw) };
  return { kind: 'none', delayMs };
}

function faultError(which: number): StatusError {
  if (which === 0) {
    return new StatusError(500, 'InternalError', 'Internal error occurred: kube-sim injected fault', {
      causes: [{ reason: '', message: 'kube-sim injected fault', field: '' }],
    });
  }
  if (which === 1)
    return new StatusError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request');
  // What API Priority and Fairness answers when a request is rejected.
  return new StatusError(429, 'TooManyRequests', 'Too many requests, please try again later.', {
    retryAfterSeconds: 1,
  });
}

/** Merges a partial fault config; a null value clears that fault. */
export function mergeFaults(
  current: FaultConfig,
  partial: Partial<Record<keyof FaultConfig, unknown>>,
): FaultConfig {
  const out: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(partial)) {
    if (v === null) delete out[k];
    else if (v !== undefined) out[k] = v;
  }
  return out as FaultConfig;
}
