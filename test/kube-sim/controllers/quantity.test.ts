import { describe, expect, it } from 'vitest';
import {
  addQuantity,
  canonicalQuantity,
  compareQuantity,
  parseQuantity,
  parseResourceList,
  prettyPrintList,
  addResourceLists,
} from './quantity.js';

describe('quantity', () => {
  it('parses to exact milli-units', () => {
    expect(parseQuantity('500m').milli).toBe(500n);
    expect(parseQuantity('0.1').milli).toBe(100n);
    expect(parseQuantity(2).milli).toBe(2000n);
    expect(parseQuantity('1Gi').milli).toBe(1073741824000n);
    expect(parseQuantity('1.5Gi').milli).toBe(1610612736000n);
    expect(parseQuantity('1e3').milli).toBe(1_000_000n);
    expect(parseQuantity('2k').milli).toBe(2_000_000n);
    expect(() => parseQuantity('abc')).toThrow(/quantities must match/);
  });

  it('prints the canonical form Kubernetes uses', () => {
    expect(canonicalQuantity('0.5')).toBe('500m');
    expect(canonicalQuantity('2000m')).toBe('2');
    expect(canonicalQuantity('1024Mi')).toBe('1Gi');
    expect(canonicalQuantity('1536Mi')).toBe('1536Mi');
    expect(canonicalQuantity('1000')).toBe('1k');
    expect(canonicalQuantity('1.5Gi')).toBe('1536Mi');
    expect(canonicalQuantity('0')).toBe('0');
  });

  it('adds keeping the first format and compares', () => {
    const sum = addQuantity(parseQuantity('512Mi'), parseQuantity('256Mi'));
    expect(canonicalQuantity('768Mi')).toBe('768Mi');
    expect(compareQuantity(sum, parseQuantity('768Mi'))).toBe(0);
    expect(compareQuantity(parseQuantity('2'), parseQuantity('1500m'))).toBe(1);
    const lists = addResourceLists(
      parseResourceList({ 'limits.cpu': '500m', pods: 1 }),
      parseResourceList({ 'limits.cpu': '1500m', pods: '1' }),
    );
    expect(prettyPrintList(lists)).toBe('limits.cpu=2,pods=2');
  });
});
