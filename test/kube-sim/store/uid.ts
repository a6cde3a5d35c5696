import type { Rng } from '../types.js';

/** A UUID v4-shaped uid drawn from the seeded rng, so two runs with one seed agree. */
export function uidFromRng(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => rng.int(16).toString(16));
  hex[12] = '4';
  hex[16] = (8 + rng.int(4)).toString(16); // variant bits 10xx
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** Used when no rng is given: a small deterministic generator (mulberry32). */
export function fallbackRng(seed = 1): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number): number => Math.floor(next() * max);
  // Kubernetes' rand.String alphabet: no vowels, no 0/1/3 (avoids accidental words).
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
    suffix: (length: number) => Array.from({ length }, () => alphabet[int(alphabet.length)]).join(''),
  };
}
