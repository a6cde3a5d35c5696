import type { SimProfile } from '../types.js';
import { parseImage } from './image.js';

type Duration = number | Record<string, number>;

// kubelet's defaults: image pull and crash-loop back-off start at 10 s and cap at 5 min.
const DEFAULT_BACKOFF_BASE_MS = 10_000;
const DEFAULT_BACKOFF_MAX_MS = 300_000;

/** The longest map key that prefixes one of the candidates, else "*". */
export function lookupDuration(value: Duration, candidates: string[]): number {
  if (typeof value === 'number') return value;
  let best: string | undefined;
  for (const key of Object.keys(value)) {
    if (key === '*') continue;
    if (candidates.some((c) => c.startsWith(key)) && (!best || key.length > best.length)) best = key;
  }
  return value[best ?? '*'] ?? 0;
}

const imageCandidates = (image: string): string[] => {
  const img = parseImage(image);
  return [img.short, img.base, image];
};

export const imagePullMs = (p: SimProfile, image: string): number =>
  lookupDuration(p.timings.imagePullMs, imageCandidates(image));
export const readyAfterStartMs = (p: SimProfile, image: string): number =>
  lookupDuration(p.timings.readyAfterStartMs, imageCandidates(image));
/** Job run time: keys match the Job's name first, then the image. */
export const jobRunMs = (p: SimProfile, jobName: string, image: string): number =>
  lookupDuration(p.timings.jobRunMs, [jobName, ...imageCandidates(image)]);

/** Back-off before retry number `attempt` (1-based): base, 2×base, 4×base … capped. */
export function backoffMs(p: SimProfile, attempt: number): number {
  const base = p.timings.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS;
  const max = p.timings.backoffMaxMs ?? DEFAULT_BACKOFF_MAX_MS;
  return Math.min(max, base * 2 ** Math.max(0, Math.min(30, attempt - 1)));
}

/** How long a crash-looping container runs before it exits. */
export const crashAfterMs = (p: SimProfile): number => Math.max(10, p.timings.containerStartMs);

/**
 * Go's time.Duration.String() as kubelet messages print it: "10s", "1m20s", "5m0s", "1.5s", and
 * under a second in ms ("100ms", as the fast profile's back-offs are), "0s" only for zero.
 */
export function goDuration(ms: number): string {
  const total = Math.round(ms);
  if (total === 0) return '0s';
  if (total < 1000) return `${total}ms`;
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor((total % 3_600_000) / 60_000);
  const s = `${(total % 60_000) / 1000}s`;
  return h > 0 ? `${h}h${m}m${s}` : m > 0 ? `${m}m${s}` : s;
}
