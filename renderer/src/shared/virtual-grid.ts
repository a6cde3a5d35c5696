// Which rows of a fixed-row-height grid are on screen: the arithmetic of the virtualised store
// list, kept pure so it is tested without a browser.
export type GridGeometry = {
  count: number;
  width: number;
  height: number;
  scrollTop: number;
  rowHeight: number;
  minColumnWidth: number;
  gap: number;
  /** Rows rendered above and below the visible ones, so a fast scroll shows no blank. */
  overscan: number;
};

export type GridWindow = {
  columns: number;
  rows: number;
  totalHeight: number;
  firstRow: number;
  /** Exclusive. */
  endRow: number;
};

export function gridWindow(g: GridGeometry): GridWindow {
  const columns = Math.max(1, Math.floor((g.width + g.gap) / (g.minColumnWidth + g.gap)));
  const rows = Math.ceil(g.count / columns);
  const pitch = g.rowHeight + g.gap;
  const totalHeight = rows === 0 ? 0 : rows * pitch - g.gap;
  // A list that just got shorter (a search) may report the old, deeper scroll for a frame.
  const top = Math.min(Math.max(0, g.scrollTop), Math.max(0, totalHeight - g.height));
  const firstVisible = Math.floor(top / pitch);
  const lastVisible = Math.ceil((top + g.height) / pitch);
  return {
    columns,
    rows,
    totalHeight,
    firstRow: Math.max(0, firstVisible - g.overscan),
    endRow: Math.min(rows, lastVisible + g.overscan),
  };
}

/** The scrollTop that brings item `index` into view (unchanged when it already is). */
export function scrollTopFor(index: number, g: GridGeometry, columns: number): number {
  const pitch = g.rowHeight + g.gap;
  const top = Math.floor(index / columns) * pitch;
  if (top < g.scrollTop) return top;
  if (top + g.rowHeight > g.scrollTop + g.height) return top + g.rowHeight - g.height;
  return g.scrollTop;
}
