// Timeline · Health · Logs · Actions · Tools as an ARIA tablist (arrow keys, Home/End). Only the
// showing panel is mounted, so leaving Health stops its refresh and leaving Logs its follow.
import { lazy, Suspense, useRef, type KeyboardEvent } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { Store } from '../../../../preload/contract';
import { useAppStores } from '../../app-stores-context';
import type { StoreActionsState } from '../actions/actions.state';
import { DETAIL_TABS, type DetailTab } from '../shell/view.state';
import { ActionsTab } from '../actions/actions-tab';
import { HealthTab } from '../health/health-tab';
import { TimelineTab } from '../timeline/timeline-tab';

// xterm is most of the bundle: it loads the first time someone opens Logs.
const LogsTab = lazy(() => import('../logs/logs-tab').then((m) => ({ default: m.LogsTab })));
const ToolsTab = lazy(() => import('../tools/tools-tab').then((m) => ({ default: m.ToolsTab })));

const TITLES: Record<DetailTab, string> = {
  timeline: 'Timeline',
  health: 'Health',
  logs: 'Logs',
  actions: 'Actions',
  tools: 'Tools',
};

function Panel({
  tab,
  store,
  actions,
}: {
  tab: DetailTab;
  store: Store;
  actions: StoreApi<StoreActionsState>;
}) {
  switch (tab) {
    case 'timeline':
      return <TimelineTab store={store} />;
    case 'health':
      return <HealthTab store={store} />;
    case 'logs':
      return <LogsTab store={store} />;
    case 'actions':
      return <ActionsTab store={store} actions={actions} />;
    case 'tools':
      return <ToolsTab store={store} />;
  }
}

export function DetailTabs({ store, actions }: { store: Store; actions: StoreApi<StoreActionsState> }) {
  const { view } = useAppStores();
  const current = useStore(view, (s) => s.tab);
  const buttons = useRef<Partial<Record<DetailTab, HTMLButtonElement | null>>>({});

  function move(event: KeyboardEvent<HTMLDivElement>) {
    const index = DETAIL_TABS.indexOf(current);
    const last = DETAIL_TABS.length - 1;
    const next = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = DETAIL_TABS[next] ?? 'timeline';
    view.getState().setTab(tab);
    buttons.current[tab]?.focus();
  }

  return (
    <div className="detail-tabs">
      <div role="tablist" aria-label={`${store.name} details`} className="tablist" onKeyDown={move}>
        {DETAIL_TABS.map((tab) => (
          <button
            key={tab}
            ref={(el) => {
              buttons.current[tab] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${tab}`}
            aria-selected={tab === current}
            aria-controls={`panel-${tab}`}
            tabIndex={tab === current ? 0 : -1}
            className="tab"
            onClick={() => view.getState().setTab(tab)}
          >
            {TITLES[tab]}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`panel-${current}`}
        aria-labelledby={`tab-${current}`}
        className="tabpanel"
        tabIndex={0}
      >
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <Panel key={`${store.id}-${current}`} tab={current} store={store} actions={actions} />
        </Suspense>
      </div>
    </div>
  );
}
