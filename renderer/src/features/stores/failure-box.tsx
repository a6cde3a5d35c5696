// A failure, or a Ready store that is not well, in the detail: what happened, why, and the
// buttons that fix it right there (failure-actions.tsx; the card shows the same ones).
import type { StoreApi } from 'zustand';
import { useStore } from 'zustand';
import type { LiveStatus, Store } from '../../../../preload/contract';
import { useAppStores } from '../../app-stores-context';
import { FeedbackMessage } from '../../shared/feedback-message';
import { stepLabel } from '../../shared/step-label';
import type { StoreActionsState } from '../actions/actions.state';
import { FailureActions } from './failure-actions';

/** Whether a store needs the failure box: Failed, or Ready but Drifted/Degraded now. */
export const inTrouble = (store: Store, live: LiveStatus | undefined | null): boolean =>
  store.status === 'Failed' || (store.status === 'Ready' && !!live && live.state !== 'Ready');

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
  const feedback = useStore(actions, (s) => s.feedback);
  if (!inTrouble(store, live)) return null;
  const openLogs = (target: string | null) => view.getState().openLogs(target);

  if (store.status === 'Failed') {
    return (
      <div className="failure failure-large" role="alert">
        <p className="failure-step">
          Failed at {store.errorStep ? stepLabel(store.errorStep) : 'an unknown step'}
          {store.errorStep && <code className="step-code">{store.errorStep}</code>}
        </p>
        <p className="failure-reason">{store.errorMessage ?? 'No reason was recorded.'}</p>
        <FailureActions store={store} live={live} actions={actions} onOpenLogs={openLogs} />
        <p className="muted failure-note">
          Settings are frozen per store when it is created (base domain, StorageClass, image registry).
          “Retry” keeps them; “Retry with current settings” replaces them with today’s Settings.
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
      <FailureActions store={store} live={live} actions={actions} onOpenLogs={openLogs} />
      <FeedbackMessage feedback={feedback.reconcile} />
    </div>
  );
}
