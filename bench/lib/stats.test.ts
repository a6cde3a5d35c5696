import { describe, expect, it } from 'vitest';
import { median, percentile, summarize } from './stats';

describe('summarize', () => {
  it('reports nearest-rank percentiles, so each figure is one of the samples', () => {
    const s = summarize([40, 10, 30, 20, 5000]);
    expect(s).toEqual({ n: 5, p50Ms: 30, p95Ms: 5000, maxMs: 5000, minMs: 10, meanMs: 1020 });
  });

  it('rounds to a tenth of a millisecond', () => {
    expect(summarize([1.234, 2.345]).p50Ms).toBe(1.2);
  });

  it('refuses an empty sample set instead of reporting zeros', () => {
    expect(() => summarize([])).toThrow(RangeError);
  });
});

describe('percentile', () => {
  it('p95 of 20 samples is the 19th', () => {
    const sorted = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(sorted, 95)).toBe(19);
    expect(percentile(sorted, 100)).toBe(20);
    expect(percentile(sorted, 0)).toBe(1);
  });

  it('median of an even count is the lower middle sample', () => {
    expect(median([4, 1, 3, 2])).toBe(2);
  });
});
