// One store opened: what it is, how to reach it, why it failed, and its tabs.
import { useMemo, useState } from 'react';
import type { Store } from '../../../../preload/contract';
import { formatDateTime } from '../../shared/format';
import { useAppStores } from '../../app-stores-context';
import { createStoreActionsStore } from '../actions/actions.state';
import { FailureReason } from '../stores/failure-reason';
import { StatusBadge } from '../stores/status-badge';
import { AdminAccess } from './admin-access';
import { DeleteStoreDialog } from './delete-store-dialog';
import { DetailTabs } from './detail-tabs';

export function StoreDetail({ store }: { store: Store }) {
  const { api, view } = useAppStores();
  const actions = useMemo(() => createStoreActionsStore(api, store.id), [api, store.id]);
  const [deleting, setDeleting] = useState(false);

  return (
    <section id="store-detail" className="detail" aria-labelledby="detail-title">
      <header className="detail-head">
        <div className="detail-title">
          <h2 id="detail-title">{store.name}</h2>
          <StatusBadge status={store.status} />
        </div>
        <div className="detail-head-actions">
          {/* Also offered while Deleting: a deletion stuck on a finalizer continues when asked again. */}
          <button type="button" className="danger-outline" onClick={() => setDeleting(true)}>
            Delete store…
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Close details"
            title="Close details"
            onClick={() => view.getState().select(null)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      </header>
      <p className="muted detail-meta">
        {store.namespace} · context {store.context} · created {formatDateTime(store.createdAt)}
        {store.provisionedAt && <> · ready {formatDateTime(store.provisionedAt)}</>}
      </p>
      <FailureReason store={store} large />
      <AdminAccess store={store} actions={actions} />
      <DetailTabs store={store} actions={actions} />
      <DeleteStoreDialog store={store} actions={actions} open={deleting} onClose={() => setDeleting(false)} />
    </section>
  );
}
