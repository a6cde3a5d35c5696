// The Health tab: the plan's components, pods, volumes and quota as the cluster reports them, refreshed every 10 s
// while the tab is showing, and on demand.
import { useCallback, useMemo } from 'react';
import { useStore } from 'zustand';
import type { Store } from '../../../../preload/contract';
import { BusyButton } from '../../shared/busy-button';
import { formatClock } from '../../shared/format';
import { useAppStores } from '../../app-stores-context';
import { createHealthStore } from './health.state';
import { ComponentsSummary } from './components-summary';
import { PodsTable } from './pods-table';
import { QuotaTable, VolumesTable } from './storage-quota';
import { useAutoRefresh } from './use-auto-refresh';

const HEALTH_REFRESH_MS = 10_000;

export function HealthTab({ store }: { store: Store }) {
  const { api } = useAppStores();
  const healthStore = useMemo(() => createHealthStore(api, store.id), [api, store.id]);
  const health = useStore(healthStore, (s) => s.health);
  const error = useStore(healthStore, (s) => s.error);
  const loading = useStore(healthStore, (s) => s.loading);
  const refresh = useCallback(() => void healthStore.getState().refresh(), [healthStore]);
  useAutoRefresh(refresh, HEALTH_REFRESH_MS);

  return (
    <div className="health-tab">
      <div className="panel-bar">
        <p className="muted">
          {health ? (
            <>
              Updated at <time dateTime={health.observedAt}>{formatClock(health.observedAt)}</time> ·
              refreshes every 10 s
            </>
          ) : loading ? (
            'Reading the cluster…'
          ) : (
            'Not read yet'
          )}
        </p>
        <BusyButton busy={loading} onClick={refresh}>
          Refresh
        </BusyButton>
      </div>
      {error && (
        <p className="feedback feedback-error" role="alert">
          {error}
        </p>
      )}
      {health && (
        <>
          <ComponentsSummary components={health.components} />
          <PodsTable pods={health.pods} />
          <div className="health-pair">
            <div>
              <VolumesTable pvcs={health.pvcs} />
            </div>
            <div>
              <QuotaTable quota={health.quota} />
            </div>
          </div>
        </>
      )}
    </div>
  );
}
