// The buttons that fix a failure where it is shown, shared by the card and the detail: a Failed
// store offers Retry (with the settings frozen at create, or the context's current ones) and its
// logs; a Ready store that is Drifted or Degraded offers Repair and the logs of the pod at fault.
import type { StoreApi } from 'zustand';
import { useStore } from 'zustand';
import type { LiveStatus, Store } from '../../../../preload/contract';
import { BusyButton } from '../../shared/busy-button';
import type { StoreActionsState } from '../actions/actions.state';
import { useClusterDown } from './use-cluster-down';

/**
 * Which logs explain a failed step: the setup Job's for setup, the Deployment's for a wait on it
 * (wait-<deployment>), else the plan's main pod (null: the Logs tab's default).
 */
export function logsForStep(step: string | null): string | null {
  if (step === 'setup') return 'setup';
  if (step?.startsWith('wait-')) return step.slice('wait-'.length);
  return null;
}

/** The pod or component "Open logs" shows for a store in trouble. */
export function logsForTrouble(store: Store, live: LiveStatus | undefined): string | null {
  if (store.status === 'Failed') return logsForStep(store.errorStep);
  return live?.pod ?? null;
}

export const CURRENT_SETTINGS_HINT =
  'A store keeps the settings (base domain, StorageClass, image registry) it was created with; this retry replaces them with the context’s current Settings';

export function FailureActions({
  store,
  live,
  actions,
  onOpenLogs,
  tabIndex,
}: {
  store: Store;
  live: LiveStatus | undefined;
  actions: StoreApi<StoreActionsState>;
  onOpenLogs(target: string | null): void;
  /** -1 inside a card: the grid moves focus between cards, not buttons. */
  tabIndex?: number;
}) {
  const pending = useStore(actions, (s) => s.pending);
  const down = useClusterDown();
  const why = down ? `${down}: try again once it answers` : undefined;
  // Every action waits while the cluster is down, and its tooltip then says why.
  const action = (
    kind: 'retry' | 'reconcile',
    label: string,
    busyText: string,
    hint: string,
    run: () => unknown,
  ) => (
    <BusyButton
      busy={Boolean(pending[kind])}
      busyText={busyText}
      disabled={!!down}
      title={why ?? hint}
      tabIndex={tabIndex}
      onClick={() => void run()}
    >
      {label}
    </BusyButton>
  );
  const openLogs = (
    <button
      type="button"
      tabIndex={tabIndex}
      title={store.status === 'Failed' && store.errorStep === 'setup' ? 'The setup job’s logs' : undefined}
      onClick={() => onOpenLogs(logsForTrouble(store, live))}
    >
      Open logs
    </button>
  );
  if (store.status === 'Failed') {
    return (
      <div className="failure-actions">
        {action(
          'retry',
          'Retry',
          'Retrying…',
          'Start again with the settings this store was created with',
          () => actions.getState().retry(),
        )}
        {action('retry', 'Retry with current settings', 'Retrying…', CURRENT_SETTINGS_HINT, () =>
          actions.getState().retry(true),
        )}
        {openLogs}
      </div>
    );
  }
  return (
    <div className="failure-actions">
      {action(
        'reconcile',
        'Repair',
        'Repairing…',
        'Re-apply every object of the store as Storedeck built it',
        () => actions.getState().reconcile(),
      )}
      {openLogs}
    </div>
  );
}
