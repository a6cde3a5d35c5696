import { describe, expect, it } from 'vitest';
import { stepLabel } from './step-label';

describe('stepLabel', () => {
  it('names known steps plainly and keeps unknown ones readable', () => {
    expect(stepLabel('wait-mysql')).toBe('MySQL start');
    expect(stepLabel('setup')).toBe('Store setup');
    expect(stepLabel('wait-redis')).toBe('Redis start');
    expect(stepLabel('wait-meilisearch')).toBe('meilisearch start');
    expect(stepLabel('warm-cache')).toBe('Warm cache');
  });
});
