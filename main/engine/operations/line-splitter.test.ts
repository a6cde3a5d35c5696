import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-splitter';

describe('LineSplitter', () => {
  it('joins lines split across chunks, strips CR, and keeps the tail for flush', () => {
    const batches: string[][] = [];
    const splitter = new LineSplitter((lines) => batches.push(lines));
    splitter.push('first li');
    splitter.push('ne\r\nsecond\nthi');
    splitter.push('rd');
    expect(batches).toEqual([['first line', 'second']]);
    expect(splitter.flush()).toEqual(['third']);
    expect(splitter.flush()).toEqual([]);
  });

  it('keeps empty lines that are really in the log', () => {
    const batches: string[][] = [];
    const splitter = new LineSplitter((lines) => batches.push(lines));
    splitter.push('a\n\nb\n');
    expect(batches).toEqual([['a', '', 'b']]);
  });
});
