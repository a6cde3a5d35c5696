// One store opened: what it is, how to reach it, why it failed, and its tabs.
import { useMemo, useState } from 'react';
import type { LiveStatus, Store } from '../../../../preload/contract';
import { formatDateTime } from '../../shared/format';
import { IconButton } from '../../shared/icon-button';
import { useAppStores } from '../../app-stores-context';
import { createStoreActionsStore } from '../actions/actions.state';
import { FailureBox } from '../stores/failure-box';
import { shownStatus } from '../stores/list-query';
import { useClusterDown } from '../stores/use-cluster-down';
import { StatusBadge } from '../stores/status-badge';
import { AdminAccess } from './admin-access';
import { DeleteStoreDialog } from './delete-store-dialog';
import { DetailTabs } from './detail-tabs';

export function StoreDetail({ store, live }: { store: Store; live?: LiveStatus }) {
  const { api, view } = useAppStores();
  const actions = useMemo(() => createStoreActionsStore(api, store.id), [api, store.id]);
  const [deleting, setDeleting] = useState(false);
  const down = useClusterDown();

  return (
    <section id="store-detail" className="detail" aria-labelledby="detail-title">
      <header className="detail-head">
        <div className="detail-title">
          <h2 id="detail-title">{store.name}</h2>
          <StatusBadge status={shownStatus(store, live)} stale={!!down} />
        </div>
        <div className="detail-head-actions">
          {/* Also offered while Deleting: a deletion stuck on a finalizer continues when asked again. */}
          <button
            type="button"
            className="danger-outline"
            disabled={!!down}
            title={down ? `${down}: a store can be deleted once it answers` : undefined}
            onClick={() => setDeleting(true)}
          >
            Delete store…
          </button>
          <IconButton label="Close details" glyph="×" onClick={() => view.getState().select(null)} />
        </div>
      </header>
      <p className="muted detail-meta">
        {store.namespace} · context {store.context} · created {formatDateTime(store.createdAt)}
        {store.provisionedAt && <> · ready {formatDateTime(store.provisionedAt)}</>}
      </p>
      <FailureBox store={store} live={live} actions={actions} />
      <AdminAccess store={store} actions={actions} />
      <DetailTabs store={store} actions={actions} />
      <DeleteStoreDialog store={store} actions={actions} open={deleting} onClose={() => setDeleting(false)} />
    </section>
  );
}
