// The password a reset just set, shown this once with a copy button until the user is done.
import { useStore, type StoreApi } from 'zustand';
import { CopyButton } from '../../shared/copy-button';
import type { StoreActionsState } from './actions.state';

export function NewPassword({ actions }: { actions: StoreApi<StoreActionsState> }) {
  const credentials = useStore(actions, (s) => s.newPassword);
  if (!credentials) return null;
  return (
    <div className="secret-box" role="group" aria-label="New admin password">
      <p className="secret-note">
        Copy it now: it is shown only this once (the current password can be revealed again later).
      </p>
      <div className="secret-row">
        <label htmlFor="new-admin-password">New password for {credentials.username}</label>
        <input id="new-admin-password" className="secret-input" readOnly value={credentials.password} />
        <CopyButton value={credentials.password} label="Copy new password" />
      </div>
      <button type="button" onClick={() => actions.getState().dismissNewPassword()}>
        Done
      </button>
    </div>
  );
}
