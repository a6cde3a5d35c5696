// One store in the grid, at a fixed height (the grid is virtualised): name and status, where it
// is reachable, what is happening now, its latest steps. Focusable for arrow-key navigation.
import { useStore } from 'zustand';
import type { LiveStatus, Store } from '../../../../preload/contract';
import { useAppStores } from '../../app-stores-context';
import { CardProgress } from './card-progress';
import { CardTimeline } from './card-timeline';
import { shownStatus } from './list-query';
import { StatusBadge } from './status-badge';
import { StoreLink } from './store-link';
import { stepLabel } from '../../shared/step-label';
import { useClusterDown } from './use-cluster-down';

export function StoreCard({
  store,
  live,
  queuePlace,
  estimateMs,
  active,
  position,
  setSize,
}: {
  store: Store;
  live: LiveStatus | undefined;
  queuePlace: number | null;
  estimateMs: number | null;
  active: boolean;
  position: number;
  setSize: number;
}) {
  const { view } = useAppStores();
  const selected = useStore(view, (s) => s.selectedId === store.id);
  const down = useClusterDown();
  const titleId = `store-${store.id}-name`;
  const status = shownStatus(store, live);
  const classes = ['store-card'];
  if (selected) classes.push('store-card-selected');
  if (down) classes.push('store-card-stale');
  return (
    <article
      className={classes.join(' ')}
      aria-labelledby={titleId}
      aria-current={selected ? 'true' : undefined}
      aria-posinset={position}
      aria-setsize={setSize}
      data-store-id={store.id}
      tabIndex={active ? 0 : -1}
    >
      <div className="store-card-head">
        <h3 id={titleId}>{store.name}</h3>
        <StatusBadge status={status} stale={!!down} />
      </div>
      {store.url ? (
        <StoreLink url={store.url} label={`Open ${store.name}`} />
      ) : (
        <p className="muted store-meta">No address until it is provisioned</p>
      )}
      <p className="muted store-meta">
        {store.plan === 'woocommerce' ? 'WooCommerce' : 'MedusaJS'} · {store.slug}
      </p>
      {store.status === 'Failed' ? (
        <p className="card-progress card-failed" title={store.errorMessage ?? ''}>
          Failed at {store.errorStep ? stepLabel(store.errorStep) : 'an unknown step'}
          {store.errorStep && <code className="step-code">{store.errorStep}</code>}:{' '}
          {store.errorMessage ?? ''}
        </p>
      ) : (
        <CardProgress store={store} live={live} queuePlace={queuePlace} estimateMs={estimateMs} />
      )}
      <CardTimeline store={store} />
      <div className="store-card-foot">
        <button
          type="button"
          tabIndex={-1}
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
