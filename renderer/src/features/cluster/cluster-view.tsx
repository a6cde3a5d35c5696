// The cluster context the stores live in, whether it is fit for them (preflight), and settings.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { BusyButton } from '../../shared/busy-button';
import { ErrorBanner } from '../../shared/error-banner';
import { formatClock } from '../../shared/format';
import { useAppStores } from '../../app-stores-context';
import { PreflightList } from './preflight-list';

export function ClusterView() {
  const { appInfo, preflight, view } = useAppStores();
  const contexts = useStore(appInfo, (s) => s.contexts);
  const current = useStore(appInfo, (s) => s.current);
  const kubeconfigPath = useStore(appInfo, (s) => s.info?.kubeconfigPath ?? null);
  const result = useStore(preflight, (s) => s.result);
  const running = useStore(preflight, (s) => s.running);
  const error = useStore(preflight, (s) => s.error);
  const ranAt = useStore(preflight, (s) => s.ranAt);
  const info = contexts.find((c) => c.name === current);

  useEffect(() => {
    void preflight.getState().run();
  }, [preflight, current]);

  return (
    <section className="cluster" aria-labelledby="cluster-heading">
      <div className="section-head">
        <h2 id="cluster-heading">Cluster</h2>
        <button type="button" onClick={() => view.getState().setSettingsOpen(true)}>
          Settings…
        </button>
      </div>
      <dl className="facts">
        <dt>Context</dt>
        <dd>{current ?? 'none selected'}</dd>
        {info && (
          <>
            <dt>API server</dt>
            <dd>
              <code>{info.server}</code> <span className="chip">{info.isLocal ? 'local' : 'remote'}</span>
            </dd>
            <dt>User</dt>
            <dd>{info.user}</dd>
          </>
        )}
        <dt>Kubeconfig</dt>
        <dd>
          <code>{kubeconfigPath ?? 'KUBECONFIG or ~/.kube/config'}</code>
        </dd>
      </dl>
      <div className="section-head">
        <h3>Preflight</h3>
        <BusyButton busy={running} busyText="Checking…" onClick={() => void preflight.getState().run()}>
          Run checks
        </BusyButton>
      </div>
      <ErrorBanner error={error} />
      {result && (
        <>
          <p className={result.ok ? 'preflight-summary ok' : 'preflight-summary bad'} role="status">
            {result.ok ? 'Ready for stores' : 'Not ready for stores: see the failed checks'}
            {ranAt && <span className="muted"> · checked at {formatClock(ranAt)}</span>}
          </p>
          <PreflightList preflight={result} />
        </>
      )}
      {!result && running && <p className="muted">Checking the cluster…</p>}
    </section>
  );
}
