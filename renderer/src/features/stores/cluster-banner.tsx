// One banner for the whole context while its cluster does not answer: stores keep the last
// state seen (none is marked Failed for it), and the app keeps checking by itself.
import { useState } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../../app-stores-context';
import { asSentence, formatClock } from '../../shared/format';

export function ClusterBanner() {
  const { api, stores } = useAppStores();
  const health = useStore(stores, (s) => s.health);
  const [busy, setBusy] = useState(false);
  if (!health || health.reachable) return null;
  return (
    <div className="banner banner-unreachable" role="alert">
      <p>
        <strong>Cluster {health.context} is not answering</strong> since {formatClock(health.since)}:{' '}
        {asSentence(health.message ?? 'no reason given')}
      </p>
      <p className="muted">
        Stores show their last known state; actions wait until the cluster answers. Storedeck checks again
        every few seconds and re-reads the kubeconfig when it changes.
      </p>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void api.reloadKubeconfig({}).finally(() => setBusy(false));
        }}
      >
        {busy ? 'Reloading…' : 'Reload kubeconfig'}
      </button>
    </div>
  );
}
