// The views of the app: the stores, the audit log, the cluster.
import { useStore } from 'zustand';
import { useAppStores } from '../../app-stores-context';
import type { View } from './view.state';

const ITEMS: Array<{ view: View; label: string }> = [
  { view: 'stores', label: 'Stores' },
  { view: 'audit', label: 'Audit log' },
  { view: 'cluster', label: 'Cluster' },
];

export function AppNav() {
  const { view } = useAppStores();
  const current = useStore(view, (s) => s.view);
  return (
    <nav className="app-nav" aria-label="Views">
      {ITEMS.map((item) => (
        <button
          key={item.view}
          type="button"
          className="nav-item"
          aria-current={item.view === current ? 'page' : undefined}
          onClick={() => view.getState().show(item.view)}
        >
          {item.label}
        </button>
      ))}
    </nav>
  );
}
