// A failure, or a Ready store that is not well, with what fixes it right there: Retry (with the
// settings frozen at create, or the context's current ones), Repair, and the logs that explain it.
import type { StoreApi } from 'zustand';
import { useStore } from 'zustand';
import type { LiveStatus, Store } from '../../../../preload/contract';
import { useAppStores } from '../../app-stores-context';
import { BusyButton } from '../../shared/busy-button';
import { FeedbackMessage } from '../../shared/feedback-message';
import { stepLabel } from '../../shared/step-label';
import type { StoreActionsState } from '../actions/actions.state';
import { useClusterDown } from './use-cluster-down';

/** Which logs explain a failed step: the component whose pod ran it. */
export function logsForStep(step: string | null): string {
  if (step === 'setup') return 'setup';
  if (step === 'wait-mysql') return 'mysql';
  return 'wordpress';
}

export function FailureBox({
  store,
  live,
  actions,
}: {
  store: Store;
  live: LiveStatus | undefined;
  actions: StoreApi<StoreActionsState>;
}) {
  const { view } = useAppStores();
  const pending = useStore(actions, (s) => s.pending);
  const feedback = useStore(actions, (s) => s.feedback);
  const down = useClusterDown();
  const why = down ? `${down}: try again once it answers` : undefined;
  const unwell = store.status === 'Ready' && live && live.state !== 'Ready';
  if (store.status !== 'Failed' && !unwell) return null;

  if (store.status === 'Failed') {
    return (
      <div className="failure failure-large" role="alert">
        <p className="failure-step">
          Failed at {store.errorStep ? stepLabel(store.errorStep) : 'an unknown step'}
          {store.errorStep && <code className="step-code">{store.errorStep}</code>}
        </p>
        <p className="failure-reason">{store.errorMessage ?? 'No reason was recorded.'}</p>
        <div className="failure-actions">
          <BusyButton
            busy={Boolean(pending.retry)}
            busyText="Retrying…"
            disabled={!!down}
            title={why}
            onClick={() => void actions.getState().retry()}
          >
            Retry
          </BusyButton>
          <BusyButton
            busy={Boolean(pending.retry)}
            busyText="Retrying…"
            disabled={!!down}
            title={
              why ?? 'Use the Settings as they are now instead of those saved when the store was created'
            }
            onClick={() => void actions.getState().retry(true)}
          >
            Retry with current settings
          </BusyButton>
          <button type="button" onClick={() => view.getState().openLogs(logsForStep(store.errorStep))}>
            Open logs
          </button>
        </div>
        <p className="muted failure-note">
          A store keeps the settings (base domain, StorageClass, image registry) it was created with; “Retry
          with current settings” replaces them with today’s.
        </p>
        <FeedbackMessage feedback={feedback.retry} />
      </div>
    );
  }
  return (
    <div className={`failure failure-large failure-${live?.state.toLowerCase()}`} role="alert">
      <p className="failure-step">
        {live?.state === 'Drifted' ? 'Drifted from what Storedeck built' : 'Degraded'}
      </p>
      <p className="failure-reason">{live?.reason}</p>
      <div className="failure-actions">
        <BusyButton
          busy={Boolean(pending.reconcile)}
          busyText="Repairing…"
          disabled={!!down}
          title={why ?? 'Re-apply every object of the store as Storedeck built it'}
          onClick={() => void actions.getState().reconcile()}
        >
          Repair
        </BusyButton>
        <button type="button" onClick={() => view.getState().openLogs(null)}>
          Open logs
        </button>
      </div>
      <FeedbackMessage feedback={feedback.reconcile} />
    </div>
  );
}
