import { describe, expect, it } from 'vitest';
import { gridWindow, scrollTopFor } from './virtual-grid';

const base = {
  count: 500,
  width: 900,
  height: 600,
  scrollTop: 0,
  rowHeight: 200,
  minColumnWidth: 280,
  gap: 20,
  overscan: 1,
};

describe('virtual grid window', () => {
  it('renders only the rows on screen plus the overscan', () => {
    const w = gridWindow(base);
    expect(w.columns).toBe(3);
    expect(w.rows).toBe(167);
    expect([w.firstRow, w.endRow]).toEqual([0, 4]);
    const deep = gridWindow({ ...base, scrollTop: 220 * 149 });
    expect([deep.firstRow, deep.endRow]).toEqual([148, 153]);
    expect(deep.totalHeight).toBe(167 * 220 - 20);
  });

  it('clamps a scroll deeper than a list that just got shorter', () => {
    const w = gridWindow({ ...base, count: 11, scrollTop: 30_000 });
    expect([w.firstRow, w.endRow]).toEqual([0, 4]);
  });

  it('keeps one column on a narrow screen and nothing for an empty list', () => {
    expect(gridWindow({ ...base, width: 200 }).columns).toBe(1);
    expect(gridWindow({ ...base, count: 0 })).toMatchObject({ rows: 0, totalHeight: 0, endRow: 0 });
  });

  it('scrolls just enough to show an item', () => {
    expect(scrollTopFor(449, base, 3)).toBe(149 * 220 + 200 - 600);
    expect(scrollTopFor(0, { ...base, scrollTop: 5000 }, 3)).toBe(0);
    expect(scrollTopFor(3, base, 3)).toBe(0);
  });
});
