import { describe, expect, it } from 'vitest';
import { KUBE_ALPHANUMS, createRng, deriveRng, fnv32a } from './rng.js';

describe('createRng', () => {
  it('repeats the same sequence for the same seed and differs for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    const seqB = Array.from({ length: 20 }, () => b.next());
    const seqC = Array.from({ length: 20 }, () => c.next());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it('draws ints in range and covers the range', () => {
    const r = createRng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i += 1) {
      const v = r.int(6);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(6);
      seen.add(v);
    }
    expect(seen.size).toBe(6);
    expect(() => r.int(0)).toThrow(RangeError);
  });

  it('makes Kubernetes-style suffixes from the no-vowel alphabet', () => {
    const r = createRng(1);
    const s = r.suffix(5);
    expect(s).toHaveLength(5);
    for (const ch of s) expect(KUBE_ALPHANUMS).toContain(ch);
    expect(r.suffix(10)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{10}$/);
  });

  it('picks from a list and refuses an empty one', () => {
    const r = createRng(3);
    expect(['a', 'b']).toContain(r.pick(['a', 'b']));
    expect(() => r.pick([])).toThrow(RangeError);
  });
});

describe('fnv32a / deriveRng', () => {
  it('hashes like FNV-1a 32', () => {
    expect(fnv32a('')).toBe(0x811c9dc5);
    expect(fnv32a('a')).toBe(0xe40c292c);
  });

  it('derives independent, reproducible streams per label', () => {
    expect(deriveRng(5, 'pod:a').suffix(5)).toBe(deriveRng(5, 'pod:a').suffix(5));
    expect(deriveRng(5, 'pod:a').suffix(8)).not.toBe(deriveRng(5, 'pod:b').suffix(8));
    expect(deriveRng(5, 'pod:a').suffix(8)).not.toBe(deriveRng(6, 'pod:a').suffix(8));
  });
});
