// The admin login: links to the storefront and the admin (wp-admin or Medusa's /app), and the password on demand (never
// fetched until asked for, hidden again with one click).
import { useStore, type StoreApi } from 'zustand';
import type { Store } from '../../../../preload/contract';
import { useAppStores } from '../../app-stores-context';
import { BusyButton } from '../../shared/busy-button';
import { CopyButton } from '../../shared/copy-button';
import { FeedbackMessage } from '../../shared/feedback-message';
import type { StoreActionsState } from '../actions/actions.state';
import { usePlan } from '../shell/use-plan';
import { StoreLink } from '../stores/store-link';
import { useClusterDown } from '../stores/use-cluster-down';

export function AdminAccess({ store, actions }: { store: Store; actions: StoreApi<StoreActionsState> }) {
  const { api, transport } = useAppStores();
  const plan = usePlan(store.plan);
  const loggingIn = useStore(actions, (s) => Boolean(s.pending['admin-login']));
  const loginFeedback = useStore(actions, (s) => s.feedback['admin-login']);
  // The app hands the link to the system browser; the web UI opens it in a new tab.
  const openLink = (url: string) =>
    transport === 'desktop' ? api.openExternal({ url }) : void window.open(url, '_blank', 'noopener'); // eng-disable OPEN_EXTERNAL_JS_CHECK the contract method and main checks the URL
  const revealed = useStore(actions, (s) => s.revealed);
  const busy = useStore(actions, (s) => Boolean(s.pending['reveal-password']));
  const feedback = useStore(actions, (s) => s.feedback['reveal-password']);
  const available = store.status === 'Ready' || store.status === 'Failed' || store.status === 'Provisioning';
  // Both read from the cluster (the Secret, a ticket in the pod): disabled with the reason while it is down.
  const down = useClusterDown();
  const whyDown = down ? `${down}: possible again once it answers` : undefined;

  return (
    <section className="admin-access" aria-label="Store access">
      <div className="access-links">
        {store.url && (
          <StoreLink url={store.url} label={`Open storefront of ${store.name}`} className="button-link">
            Open storefront ↗
          </StoreLink>
        )}
        {store.adminUrl && (
          <StoreLink url={store.adminUrl} label={`Open admin of ${store.name}`} className="button-link">
            Open admin ↗
          </StoreLink>
        )}
        {plan?.capabilities.adminLogin && (
          <BusyButton
            busy={loggingIn}
            busyText="Signing in…"
            disabled={store.status !== 'Ready' || !!down}
            title={
              whyDown ??
              (store.status === 'Ready'
                ? `Opens the ${plan.label} admin already signed in as the store's admin (a one-time link, valid 60 s)`
                : 'Possible once the store is Ready')
            }
            onClick={() => void actions.getState().openAdminLoggedIn(openLink)}
          >
            Open admin (logged in) ↗
          </BusyButton>
        )}
      </div>
      <FeedbackMessage feedback={loginFeedback} />
      <div className="secret-row">
        <label htmlFor="admin-password">
          Admin password{revealed ? ` for ${revealed.username}` : ''}{' '}
          <span className="muted">({store.adminEmail})</span>
        </label>
        <input
          id="admin-password"
          className="secret-input"
          readOnly
          value={revealed ? revealed.password : ''}
          placeholder={available ? 'hidden' : 'available once provisioned'}
        />
        {revealed ? (
          <>
            <button type="button" onClick={() => actions.getState().hide()}>
              Hide password
            </button>
            <CopyButton value={revealed.password} label="Copy admin password" />
          </>
        ) : (
          <BusyButton
            busy={busy}
            disabled={!available || !!down}
            title={whyDown}
            busyText="Reading…"
            onClick={() => void actions.getState().reveal()}
          >
            Show password
          </BusyButton>
        )}
      </div>
      <FeedbackMessage feedback={feedback} />
    </section>
  );
}
