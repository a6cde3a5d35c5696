import { describe, expect, it } from 'vitest';
import { parseQuantity, usedFraction } from './quantity';

describe('quantities', () => {
  it('reads cpu, memory and counts', () => {
    expect(parseQuantity('500m')).toBe(0.5);
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity('256Mi')).toBe(256 * 2 ** 20);
    expect(parseQuantity('1G')).toBe(1e9);
    expect(parseQuantity('lots')).toBeNull();
  });

  it('compares used with hard', () => {
    expect(usedFraction('1', '2')).toBe(0.5);
    expect(usedFraction('512Mi', '2Gi')).toBe(0.25);
    expect(usedFraction(undefined, '4')).toBe(0);
    expect(usedFraction('3', '2')).toBe(1);
    expect(usedFraction('1', '0')).toBeNull();
  });
});
