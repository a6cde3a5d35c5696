// The Actions tab: restarts, admin password reset and retry, each with its own progress and outcome.
import { useStore, type StoreApi } from 'zustand';
import type { PlanInfo, Store } from '../../../../preload/contract';
import { BusyButton } from '../../shared/busy-button';
import { FeedbackMessage } from '../../shared/feedback-message';
import { usePlan } from '../shell/use-plan';
import { useClusterDown } from '../stores/use-cluster-down';
import type { RestartComponent, StoreActionsState } from './actions.state';
import { NewPassword } from './new-password';

type Restart = { component: RestartComponent; label: string; hint: string };

/** "Restart all" and one button per component of the store's plan, as its strategy lists them. */
function restartsOf(plan: PlanInfo | undefined): Restart[] {
  const components = plan?.components ?? [];
  const labels = components.map((c) => c.label).sort();
  const all =
    labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}` : 'every component';
  return [
    { component: 'all', label: 'Restart all', hint: all },
    ...components.map((c) => ({ component: c.name, label: `Restart ${c.label}`, hint: c.restartHint })),
  ];
}

type Props = { store: Store; actions: StoreApi<StoreActionsState> };

export function ActionsTab({ store, actions }: Props) {
  const pending = useStore(actions, (s) => s.pending);
  const feedback = useStore(actions, (s) => s.feedback);
  const busyStore = store.status === 'Queued' || store.status === 'Deleting';
  const restarts = restartsOf(usePlan(store.plan));
  // Every action below talks to the cluster: while it does not answer, say so instead of failing.
  const down = useClusterDown();
  const why = down ? `${down}: this waits until it answers` : undefined;

  return (
    <div className="actions-tab">
      {down && (
        <p className="muted" role="note">
          {down}: restarts, repair and password resets are possible again once it answers.
        </p>
      )}
      {store.status === 'Failed' ? (
        <section className="action-group action-group-retry" aria-labelledby="retry-title">
          <h3 id="retry-title">Retry</h3>
          <p className="muted">Provision again from the start once the cause above is fixed.</p>
          <BusyButton
            className="primary"
            busy={Boolean(pending.retry)}
            busyText="Retrying…"
            onClick={() => void actions.getState().retry()}
          >
            Retry
          </BusyButton>
          <FeedbackMessage feedback={feedback.retry} />
        </section>
      ) : (
        // The store left Failed, so the button went; what the retry said stays.
        <FeedbackMessage feedback={feedback.retry} />
      )}
      <section className="action-group" aria-labelledby="restart-title">
        <h3 id="restart-title">Restart</h3>
        {busyStore && <p className="muted">Restarts are possible once the store has been provisioned.</p>}
        <ul className="action-list">
          {restarts.map(({ component, label, hint }) => (
            <li key={component}>
              <BusyButton
                busy={Boolean(pending[`restart-${component}`])}
                busyText="Restarting…"
                disabled={busyStore || !!down}
                title={why}
                aria-label={label}
                onClick={() => void actions.getState().restart(component)}
              >
                {label}
              </BusyButton>
              <span className="muted action-hint">{hint}</span>
              <FeedbackMessage feedback={feedback[`restart-${component}`]} />
            </li>
          ))}
        </ul>
      </section>
      <section className="action-group" aria-labelledby="reconcile-title">
        <h3 id="reconcile-title">Repair</h3>
        <p className="muted">
          Compares every object of the store with the cluster and puts back anything deleted or edited by
          hand.
        </p>
        <BusyButton
          busy={Boolean(pending.reconcile)}
          busyText="Requesting…"
          disabled={store.status !== 'Ready' || !!down}
          title={why}
          onClick={() => void actions.getState().reconcile()}
        >
          Repair drift
        </BusyButton>
        <FeedbackMessage feedback={feedback.reconcile} />
      </section>
      <section className="action-group" aria-labelledby="reset-title">
        <h3 id="reset-title">Admin password</h3>
        <p className="muted">Sets a new random password for the store's admin user and shows it once.</p>
        <BusyButton
          busy={Boolean(pending['reset-password'])}
          busyText="Resetting…"
          disabled={store.status !== 'Ready' || !!down}
          title={why}
          onClick={() => void actions.getState().resetPassword()}
        >
          Reset admin password
        </BusyButton>
        {store.status !== 'Ready' && <p className="muted">Possible once the store is Ready.</p>}
        <FeedbackMessage feedback={feedback['reset-password']} />
        <NewPassword actions={actions} />
      </section>
    </div>
  );
}
