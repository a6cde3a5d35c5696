// Where the user is: which view, which store is open and which of its tabs is showing.
import { createStore, type StoreApi } from 'zustand/vanilla';

export const VIEWS = ['stores', 'audit', 'cluster'] as const;
export type View = (typeof VIEWS)[number];
export const DETAIL_TABS = ['timeline', 'health', 'logs', 'actions'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

export type ViewState = {
  view: View;
  selectedId: string | null;
  tab: DetailTab;
  settingsOpen: boolean;
  show(view: View): void;
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
    show(view) {
      set({ view });
    },
    select(id) {
      if (id === get().selectedId) return;
      set({ selectedId: id, tab: 'timeline', view: 'stores' });
    },
    setTab(tab) {
      set({ tab });
    },
    setSettingsOpen(open) {
      set({ settingsOpen: open });
    },
  }));
}
