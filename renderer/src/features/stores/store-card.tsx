import { useStore } from 'zustand';
import type { Store } from '../../../../preload/contract';
import { useAppStores } from '../../app-stores-context';
import { CardTimeline } from './card-timeline';
import { FailureReason } from './failure-reason';
import { StatusBadge } from './status-badge';
import { StoreLink } from './store-link';

export function StoreCard({ store }: { store: Store }) {
  const { view } = useAppStores();
  const selected = useStore(view, (s) => s.selectedId === store.id);
  const titleId = `store-${store.id}-name`;
  return (
    <article
      className={selected ? 'store-card store-card-selected' : 'store-card'}
      aria-labelledby={titleId}
      aria-current={selected ? 'true' : undefined}
    >
      <div className="store-card-head">
        <h3 id={titleId}>{store.name}</h3>
        <StatusBadge status={store.status} />
      </div>
      {store.url ? (
        <StoreLink url={store.url} label={`Open ${store.name}`} />
      ) : (
        <p className="muted">The address appears once the store is provisioned.</p>
      )}
      <p className="muted store-meta">
        {store.plan === 'woocommerce' ? 'WooCommerce' : 'MedusaJS'} · {store.namespace}
      </p>
      <FailureReason store={store} />
      <CardTimeline store={store} />
      <div className="store-card-foot">
        <button
          type="button"
          aria-label={`${selected ? 'Hide details' : 'Details'} of ${store.name}`}
          aria-expanded={selected}
          aria-controls={selected ? 'store-detail' : undefined}
          onClick={() => view.getState().select(selected ? null : store.id)}
        >
          {selected ? 'Hide details' : 'Details'}
        </button>
      </div>
    </article>
  );
}
