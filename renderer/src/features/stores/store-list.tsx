// The stores of the context: search, status chips with counts and sort above a virtualised grid
// (only the rows on screen exist), and the opened store beside it in a split view that scrolls
// on its own, so the detail never ends up off screen. Keyboard: "/" searches, arrows move,
// Enter opens, Esc closes.
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useStore } from 'zustand';
import { ErrorBanner } from '../../shared/error-banner';
import { useAppStores } from '../../app-stores-context';
import { useVirtualGrid } from '../../shared/use-virtual-grid';
import { StoreDetail } from '../store-detail/store-detail';
import { ListToolbar } from './list-toolbar';
import { RestoreButton } from '../backup/restore-dialog';
import { queryStores, queuePlaces, provisionEstimateMs, type ListQuery } from './list-query';
import { countProvisioning } from './queue-wait';
import { StoreCard } from './store-card';

const LAYOUT = { rowHeight: 236, minColumnWidth: 272, gap: 16, overscan: 2 };

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function StoreList({ onCreate }: { onCreate: () => void }) {
  const { stores, view } = useAppStores();
  const list = useStore(stores, (s) => s.stores);
  const live = useStore(stores, (s) => s.live);
  const loaded = useStore(stores, (s) => s.loaded);
  const error = useStore(stores, (s) => s.error);
  const selectedId = useStore(view, (s) => s.selectedId);
  const selected = list.find((s) => s.id === selectedId) ?? null;
  const [query, setQuery] = useState<ListQuery>({ text: '', status: null, sort: 'newest' });
  // Typing stays instant; the 500-card filter follows a frame later.
  const deferred = useDeferredValue(query);
  const { shown, counts } = useMemo(() => queryStores(list, live, deferred), [list, live, deferred]);
  const places = useMemo(() => queuePlaces(list), [list]);
  const provisioning = useMemo(() => countProvisioning(list), [list]);
  const estimate = useMemo(() => provisionEstimateMs(list), [list]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const search = useRef<HTMLInputElement | null>(null);
  const { scroller, ref: scrollerRef, window: win, scrollToIndex } = useVirtualGrid(shown.length, LAYOUT);

  // New search or filter: the results start at the top.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [deferred.text, deferred.status, deferred.sort, scroller]);

  const activeIndex = Math.max(
    0,
    shown.findIndex((s) => s.id === (activeId ?? selectedId)),
  );

  const pendingFocus = useRef<string | null>(null);
  const focusPending = useCallback(() => {
    const id = pendingFocus.current;
    const card = id && scroller.current?.querySelector<HTMLElement>(`[data-store-id="${id}"]`);
    if (!card) return;
    pendingFocus.current = null;
    card.focus({ preventScroll: true });
  }, [scroller]);

  const focusCard = useCallback(
    (index: number) => {
      const store = shown[index];
      if (!store) return;
      setActiveId(store.id);
      pendingFocus.current = store.id;
      scrollToIndex(index);
      focusPending();
    },
    [shown, scrollToIndex, focusPending],
  );
  // The card may only exist once the scroll has re-rendered the window: try after every render.
  useLayoutEffect(focusPending);

  // "/" focuses search and Esc closes the detail from anywhere but a field or a dialog.
  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      if (document.querySelector('dialog[open]')) return;
      if (event.key === '/' && !isTyping(event.target)) {
        event.preventDefault();
        search.current?.focus();
        search.current?.select();
      } else if (event.key === 'Escape' && view.getState().selectedId) {
        if (isTyping(event.target) && event.target !== search.current) return;
        const closing = view.getState().selectedId;
        view.getState().select(null);
        const index = shown.findIndex((s) => s.id === closing);
        if (index >= 0) focusCard(index);
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [view, shown, focusCard]);

  function onGridKey(event: KeyboardEvent<HTMLDivElement>) {
    if (isTyping(event.target)) return;
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: win.columns, ArrowUp: -win.columns }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      focusCard(Math.min(shown.length - 1, Math.max(0, activeIndex + step)));
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      focusCard(event.key === 'Home' ? 0 : shown.length - 1);
    } else if (event.key === 'Enter' && (event.target as HTMLElement).dataset.storeId) {
      event.preventDefault();
      view.getState().select((event.target as HTMLElement).dataset.storeId ?? null);
    }
  }

  const rows = [];
  for (let row = win.firstRow; row < win.endRow; row++) {
    for (let col = 0; col < win.columns; col++) {
      const index = row * win.columns + col;
      const store = shown[index];
      if (!store) break;
      rows.push(
        <li
          key={store.id}
          className="store-cell"
          style={{
            top: row * (LAYOUT.rowHeight + LAYOUT.gap),
            left: `calc(${col} * (100% + ${LAYOUT.gap}px) / ${win.columns})`,
            width: `calc((100% - ${(win.columns - 1) * LAYOUT.gap}px) / ${win.columns})`,
            height: LAYOUT.rowHeight,
          }}
        >
          <StoreCard
            store={store}
            live={live[store.id]}
            queuePlace={places[store.id] ?? null}
            provisioning={provisioning}
            estimateMs={estimate}
            active={index === activeIndex}
            position={index + 1}
            setSize={shown.length}
          />
        </li>,
      );
    }
  }

  return (
    <div className={selected ? 'stores-layout stores-layout-detail' : 'stores-layout'}>
      <section className="stores" aria-labelledby="stores-heading">
        <div className="section-head">
          <h2 id="stores-heading">Stores</h2>
          <div className="section-actions">
            <RestoreButton />
            <button type="button" className="primary" onClick={onCreate}>
              Create store
            </button>
          </div>
        </div>
        <ErrorBanner error={error} />
        {loaded && list.length > 0 && (
          <ListToolbar
            query={query}
            onChange={setQuery}
            counts={counts}
            shown={shown.length}
            total={list.length}
            searchRef={search}
            onSearchKey={(event) => {
              if (event.key === 'ArrowDown' || event.key === 'Enter') {
                event.preventDefault();
                if (event.key === 'Enter' && shown[0]) view.getState().select(shown[0].id);
                else focusCard(0);
              }
            }}
          />
        )}
        {!loaded ? (
          <p className="muted">Loading stores…</p>
        ) : list.length === 0 ? (
          <div className="empty">
            <p className="empty-title">No stores yet</p>
            <p className="muted">
              Create a store to get an isolated WooCommerce shop in its own namespace, with its own database.
            </p>
          </div>
        ) : (
          <div className="store-scroller" ref={scrollerRef} onKeyDown={onGridKey}>
            {shown.length === 0 && <p className="muted">No store matches.</p>}
            <ul
              className="store-grid store-grid-virtual"
              aria-label="Stores in this context"
              style={{ height: win.totalHeight }}
            >
              {rows}
            </ul>
          </div>
        )}
      </section>
      {selected && <StoreDetail key={selected.id} store={selected} live={live[selected.id]} />}
    </div>
  );
}
