// The operations on one store, each with its own busy flag and the outcome of its last run,
// taken from the Result. Passwords live here only while shown.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RequestOf, ResponseOf, Result, StoredeckApi } from '../../../../preload/contract';
import type { Feedback } from '../../shared/feedback-message';

export type RestartComponent = RequestOf<'restartStore'>['component'];
export type ActionKey =
  | `restart-${RestartComponent}`
  | 'reset-password'
  | 'retry'
  | 'reconcile'
  | 'reveal-password'
  | 'admin-login'
  | 'delete';
export type { Feedback };
export type Credentials = ResponseOf<'revealAdminPassword'>;

export type StoreActionsState = {
  pending: Partial<Record<ActionKey, boolean>>;
  feedback: Partial<Record<ActionKey, Feedback>>;
  /** The password a reset just set: shown once, until dismissed. */
  newPassword: Credentials | null;
  /** The current password, while the user asked to see it. */
  revealed: Credentials | null;
  restart(component: RestartComponent): Promise<void>;
  resetPassword(): Promise<void>;
  /** useCurrentSettings: replace the settings frozen at create with the context's current ones. */
  retry(useCurrentSettings?: boolean): Promise<void>;
  reconcile(): Promise<void>;
  reveal(): Promise<void>;
  /** Creates a one-time signed-in admin link and hands it to `open` (system browser or new tab). */
  openAdminLoggedIn(open: (url: string) => Promise<Result<unknown>> | void): Promise<void>;
  hide(): void;
  dismissNewPassword(): void;
  remove(): Promise<boolean>;
};

const joinNames = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? 'nothing') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

export function createStoreActionsStore(api: StoredeckApi, id: string): StoreApi<StoreActionsState> {
  return createStore<StoreActionsState>((set, get) => {
    /** Runs one action: busy while it runs, then its feedback; returns the value on success. */
    async function run<T>(
      key: ActionKey,
      call: () => Promise<Result<T>>,
      describe: ((value: T) => string) | null,
    ): Promise<T | null> {
      if (get().pending[key]) return null;
      const { [key]: _previous, ...feedback } = get().feedback;
      set({ pending: { ...get().pending, [key]: true }, feedback });
      const result = await call();
      const outcome: Feedback | null = result.ok
        ? describe && { kind: 'ok', message: describe(result.value) }
        : { kind: 'error', message: result.error.message };
      set({
        pending: { ...get().pending, [key]: false },
        feedback: outcome ? { ...get().feedback, [key]: outcome } : get().feedback,
      });
      return result.ok ? result.value : null;
    }

    return {
      pending: {},
      feedback: {},
      newPassword: null,
      revealed: null,
      async restart(component) {
        await run(
          `restart-${component}`,
          () => api.restartStore({ id, component }),
          (value) => `Restarted ${joinNames(value.restarted)}.`,
        );
      },
      async resetPassword() {
        const credentials = await run(
          'reset-password',
          () => api.resetAdminPassword({ id }),
          () => 'The admin password was reset.',
        );
        // A shown old password is wrong now.
        if (credentials) set({ newPassword: credentials, revealed: null });
      },
      async retry(useCurrentSettings = false) {
        await run(
          'retry',
          () => api.retryStore(useCurrentSettings ? { id, useCurrentSettings } : { id }),
          () => 'Retrying: the store is queued again.',
        );
      },
      async reconcile() {
        await run(
          'reconcile',
          () => api.reconcileStore({ id }),
          () => 'Checking the store against the cluster; repairs appear in the timeline.',
        );
      },
      async reveal() {
        const credentials = await run('reveal-password', () => api.revealAdminPassword({ id }), null);
        if (credentials) set({ revealed: credentials });
      },
      async openAdminLoggedIn(open) {
        // The link works once and only for 60 s: it is opened at once and never kept in state.
        await run(
          'admin-login',
          async () => {
            const link = await api.createAdminLogin({ id });
            if (!link.ok) return link;
            const opened = await open(link.value.url);
            return opened && !opened.ok ? opened : link;
          },
          () => 'Opened the admin, signed in, in your browser.',
        );
      },
      hide() {
        set({ revealed: null });
      },
      dismissNewPassword() {
        set({ newPassword: null });
      },
      async remove() {
        return (
          (await run(
            'delete',
            () => api.deleteStore({ id }),
            () => 'Deleting the store…',
          )) !== null
        );
      },
    };
  });
}
