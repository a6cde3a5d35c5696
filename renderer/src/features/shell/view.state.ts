// Where the user is: which view, which store is open and which of its tabs is showing.
import { createStore, type StoreApi } from 'zustand/vanilla';

export type View = 'stores' | 'audit' | 'cluster';
export const DETAIL_TABS = ['timeline', 'health', 'logs', 'actions', 'tools'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

export type ViewState = {
  view: View;
  selectedId: string | null;
  tab: DetailTab;
  settingsOpen: boolean;
  /** The pod (or component) the Logs tab opens on, set by "Open logs" beside a failure. */
  logsPod: string | null;
  show(view: View): void;
  /** Shows the Logs tab of the open store on the given pod or component. */
  openLogs(pod: string | null): void;
  /** Opens a store's detail (on the Timeline tab when it is another store). */
  select(id: string | null): void;
  setTab(tab: DetailTab): void;
  setSettingsOpen(open: boolean): void;
};

export function createViewStore(): StoreApi<ViewState> {
  return createStore<ViewState>((set, get) => ({
    view: 'stores',
    selectedId: null,
    tab: 'timeline',
    settingsOpen: false,
    logsPod: null,
    openLogs(pod) {
      set({ tab: 'logs', logsPod: pod });
    },
    show(view) {
      set({ view });
    },
    select(id) {
      if (id === get().selectedId) return;
      set({ selectedId: id, tab: 'timeline', view: 'stores', logsPod: null });
    },
    setTab(tab) {
      set({ tab });
    },
    setSettingsOpen(open) {
      set({ settingsOpen: open });
    },
  }));
}
