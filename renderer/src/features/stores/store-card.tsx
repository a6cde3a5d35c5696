// One store in the grid, at a fixed height (the grid is virtualised): name and status, where it
// is reachable, what is happening now, its latest steps. Focusable for arrow-key navigation.
import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { LiveStatus, Store } from '../../../../preload/contract';
import { useAppStores } from '../../app-stores-context';
import { createStoreActionsStore } from '../actions/actions.state';
import { CardProgress } from './card-progress';
import { CardTimeline } from './card-timeline';
import { shownStatus } from './list-query';
import { StatusBadge } from './status-badge';
import { StoreLink } from './store-link';
import { stepLabel } from '../../shared/step-label';
import { useClusterDown } from './use-cluster-down';
import { FailureActions } from './failure-actions';
import { inTrouble } from './failure-box';
import { FeedbackMessage } from '../../shared/feedback-message';
import { usePlan } from '../shell/use-plan';

export function StoreCard({
  store,
  live,
  queuePlace,
  provisioning,
  estimateMs,
  active,
  position,
  setSize,
}: {
  store: Store;
  live: LiveStatus | undefined;
  queuePlace: number | null;
  provisioning: number;
  estimateMs: number | null;
  active: boolean;
  position: number;
  setSize: number;
}) {
  const { api, view } = useAppStores();
  const actions = useMemo(() => createStoreActionsStore(api, store.id), [api, store.id]);
  const feedback = useStore(actions, (s) => s.feedback.retry ?? s.feedback.reconcile);
  const trouble = inTrouble(store, live);
  const selected = useStore(view, (s) => s.selectedId === store.id);
  const down = useClusterDown();
  const plan = usePlan(store.plan);
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
        {plan?.label ?? store.plan} · {store.slug}
      </p>
      {store.status === 'Failed' ? (
        <p className="card-progress card-failed" title={store.errorMessage ?? ''}>
          Failed at {store.errorStep ? stepLabel(store.errorStep) : 'an unknown step'}
          {store.errorStep && <code className="step-code">{store.errorStep}</code>}:{' '}
          {store.errorMessage ?? ''}
        </p>
      ) : (
        <CardProgress
          store={store}
          live={live}
          queuePlace={queuePlace}
          provisioning={provisioning}
          estimateMs={estimateMs}
        />
      )}
      {trouble ? (
        // Fixed where it is shown: the same buttons as the detail's failure box.
        <div className="card-failure">
          <FailureActions
            store={store}
            live={live}
            actions={actions}
            tabIndex={-1}
            onOpenLogs={(target) => {
              view.getState().select(store.id);
              view.getState().openLogs(target);
            }}
          />
          <FeedbackMessage feedback={feedback} />
        </div>
      ) : (
        <CardTimeline store={store} />
      )}
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
