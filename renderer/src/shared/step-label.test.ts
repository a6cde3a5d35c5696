import { describe, expect, it } from 'vitest';
import { stepLabel } from './step-label';

describe('stepLabel', () => {
  it('names known steps plainly and keeps unknown ones readable', () => {
    expect(stepLabel('wait-mysql')).toBe('MySQL start');
    expect(stepLabel('setup')).toBe('WooCommerce setup');
    expect(stepLabel('wait-redis')).toBe('redis start');
    expect(stepLabel('warm-cache')).toBe('Warm cache');
  });
});
