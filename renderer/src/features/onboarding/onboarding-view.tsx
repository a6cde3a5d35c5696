// Shown instead of the store list when no cluster can be used: two sentences on why, then the
// two ways forward — make a local Kind cluster here (with kind's progress live) or pick one of
// the kubeconfig's contexts. Never a blank page or a raw error.
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../../app-stores-context';
import { ContextOptions } from '../shell/context-options';
import type { OnboardingState } from './onboarding.state';
import type { StoreApi } from 'zustand/vanilla';

const RUNNING = new Set(['check', 'ports', 'kind', 'ingress']);

function ToolLine({ tool }: { tool: { name: string; state: string; detail: string; fix: string | null } }) {
  return (
    <li className={tool.state === 'ok' ? 'muted' : undefined}>
      {tool.state === 'ok' ? '✓' : '✗'} {tool.detail}
      {tool.fix && <> — {tool.fix}</>}
    </li>
  );
}

export function OnboardingView({ onboarding }: { onboarding: StoreApi<OnboardingState> }) {
  const { appInfo, stores } = useAppStores();
  const status = useStore(onboarding, (s) => s.status);
  const checking = useStore(onboarding, (s) => s.checking);
  const run = useStore(onboarding, (s) => s.run);
  const error = useStore(onboarding, (s) => s.error);
  const downloading = useStore(onboarding, (s) => s.downloading);
  const contexts = useStore(appInfo, (s) => s.contexts);
  const log = useRef<HTMLOListElement>(null);
  const running = run !== null && RUNNING.has(run.phase);
  const ready = status?.docker.state === 'ok' && status?.kind.state === 'ok';
  const exists = status?.clusters.includes('storedeck') ?? false;

  useEffect(() => {
    log.current?.lastElementChild?.scrollIntoView?.({ block: 'nearest' });
  }, [run?.lines.length]);

  return (
    <section className="onboarding" aria-labelledby="onboarding-title">
      <h2 id="onboarding-title">Connect Storedeck to a cluster</h2>
      <p>
        Storedeck found no cluster it can use: {status?.kubeconfigProblem ?? 'checking the kubeconfig…'}.
        Create a local Kind cluster on this machine with Docker (a minute or two), or use a context from your
        kubeconfig.
      </p>
      {contexts.length === 0 && (
        // "Use a context from your kubeconfig" needs a way there when the kubeconfig has none yet.
        <p className="muted">
          Already have a cluster? Put its kubeconfig at{' '}
          <code>{status?.kubeconfigPath ?? '~/.kube/config'}</code> (or start Storedeck with{' '}
          <code>KUBECONFIG</code> pointing at it), then choose <strong>Check again</strong>.
        </p>
      )}
      {status && (
        <ul className="onboarding-tools" aria-label="What this machine has">
          <ToolLine tool={status.docker} />
          <ToolLine tool={status.kind} />
        </ul>
      )}
      <div className="onboarding-actions">
        <button
          type="button"
          className="primary"
          disabled={!ready || running}
          onClick={() => void onboarding.getState().createLocalCluster()}
        >
          {exists ? 'Use the local cluster "storedeck"' : 'Create a local cluster'}
        </button>
        {status?.docker.state === 'ok' && status.kind.state === 'missing' && (
          <button
            type="button"
            disabled={downloading}
            onClick={() => void onboarding.getState().downloadKind()}
          >
            {downloading ? 'Downloading kind…' : 'Download kind (checksummed)'}
          </button>
        )}
        <button
          type="button"
          disabled={running || checking}
          onClick={() =>
            void onboarding
              .getState()
              .recheck()
              .then(() => Promise.all([appInfo.getState().load(), stores.getState().load()]))
          }
        >
          {checking ? 'Checking…' : 'Check again'}
        </button>
        {running && (
          <button type="button" onClick={() => void onboarding.getState().cancel()}>
            Cancel
          </button>
        )}
        {contexts.length > 0 && (
          <label className="field-row">
            Use an existing context
            <select
              aria-label="Use an existing context"
              defaultValue=""
              disabled={running}
              onChange={(e) => {
                if (!e.target.value) return;
                void appInfo
                  .getState()
                  .selectContext(e.target.value)
                  .then(async (selected) => {
                    if (!selected.ok) return;
                    await Promise.all([appInfo.getState().load(), stores.getState().load()]);
                    await onboarding.getState().check();
                  });
              }}
            >
              <ContextOptions contexts={contexts} placeholder="Choose…" />
            </select>
          </label>
        )}
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {run && (
        <ol ref={log} className="onboarding-log" aria-label="Local cluster progress" aria-live="polite">
          {run.lines.map((p, i) => (
            <li
              key={i}
              className={p.phase === 'failed' ? 'field-error' : p.phase === 'kind' ? 'muted' : undefined}
            >
              {p.line}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
