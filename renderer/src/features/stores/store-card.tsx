import type { Store } from '../../../../preload/contract';
import { StatusBadge } from './status-badge';
import { StoreLink } from './store-link';

export function StoreCard({ store }: { store: Store }) {
  const titleId = `store-${store.id}-name`;
  return (
    <article className="store-card" aria-labelledby={titleId}>
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
      {store.status === 'Failed' && store.errorMessage && (
        <p className="store-error">
          Failed{store.errorStep ? ` at ${store.errorStep}` : ''}: {store.errorMessage}
        </p>
      )}
    </article>
  );
}
