// A virtualised grid: only the rows on screen (plus a few) are rendered, so 500 stores cost what
// a screenful costs. Measures its scroller with a ResizeObserver; scroll updates are batched per frame.
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { gridWindow, scrollTopFor, type GridGeometry, type GridWindow } from './virtual-grid';

type Layout = Pick<GridGeometry, 'rowHeight' | 'minColumnWidth' | 'gap' | 'overscan'>;

export function useVirtualGrid(count: number, layout: Layout) {
  const scroller = useRef<HTMLDivElement | null>(null);
  // The scroller may mount later than the hook (after the list loads): a callback ref notices.
  const [node, setNode] = useState<HTMLDivElement | null>(null);
  const ref = useCallback((el: HTMLDivElement | null) => {
    scroller.current = el;
    setNode(el);
  }, []);
  const [box, setBox] = useState({ width: 0, height: 0, scrollTop: 0 });

  useLayoutEffect(() => {
    const el = node;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      setBox({ width: el.clientWidth, height: el.clientHeight, scrollTop: el.scrollTop });
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    el.addEventListener('scroll', onScroll, { passive: true });
    measure();
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [node]);

  const geometry: GridGeometry = { count, ...box, ...layout };
  const window: GridWindow = gridWindow(geometry);

  const scrollToIndex = useCallback(
    (index: number) => {
      const el = scroller.current;
      if (!el) return;
      const g = { ...geometry, scrollTop: el.scrollTop, height: el.clientHeight };
      const top = scrollTopFor(index, g, window.columns);
      if (top !== el.scrollTop) el.scrollTop = top;
    },
    // geometry is rebuilt each render from these values
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [count, box.width, box.height, window.columns, layout.rowHeight, layout.gap],
  );

  return { scroller, ref, window, scrollToIndex };
}
