import { useStore } from 'zustand';
import { useAppStores } from '../../app-stores-context';
import { StoreDetail } from '../store-detail/store-detail';
import { StoreCard } from './store-card';

export function StoreList({ onCreate }: { onCreate: () => void }) {
  const { stores, view } = useAppStores();
  const list = useStore(stores, (s) => s.stores);
  const loaded = useStore(stores, (s) => s.loaded);
  const error = useStore(stores, (s) => s.error);
  const selectedId = useStore(view, (s) => s.selectedId);
  const selected = list.find((s) => s.id === selectedId) ?? null;

  return (
    <div className={selected ? 'stores-layout stores-layout-detail' : 'stores-layout'}>
      <section className="stores" aria-labelledby="stores-heading">
        <div className="section-head">
          <h2 id="stores-heading">Stores</h2>
          <button type="button" className="primary" onClick={onCreate}>
            Create store
          </button>
        </div>
        {error && (
          <p className="banner" role="alert">
            {error}
          </p>
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
          <ul className="store-grid" aria-label="Stores in this context">
            {list.map((store) => (
              <li key={store.id}>
                <StoreCard store={store} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {selected && <StoreDetail key={selected.id} store={selected} />}
    </div>
  );
}
