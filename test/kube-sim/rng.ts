import type { Rng } from './types.js';

// Kubernetes' rand.String alphabet (k8s.io/apimachinery/pkg/util/rand): no vowels, no 0/1/3.
export const KUBE_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** mulberry32: tiny, fast, good enough for simulation and fully reproducible from a 32-bit seed. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (maxExclusive: number): number => {
    if (!Number.isInteger(maxExclusive) || maxExclusive <= 0)
      throw new RangeError(`rng.int needs a positive integer, got ${maxExclusive}`);
    return Math.floor(next() * maxExclusive);
  };
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('rng.pick from an empty list');
      return items[int(items.length)] as T;
    },
    suffix: (length: number) =>
      Array.from({ length }, () => KUBE_ALPHANUMS[int(KUBE_ALPHANUMS.length)]).join(''),
  };
}

/** 32-bit FNV-1a of a string: the hash Kubernetes uses for pod-template-hash, and our seed mixer. */
export function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** An independent stream for one label (an object, a purpose), so unrelated activity cannot shift it. */
export function deriveRng(baseSeed: number, label: string): Rng {
  return createRng((fnv32a(label) ^ Math.imul(baseSeed >>> 0, 0x9e3779b1)) >>> 0);
}
