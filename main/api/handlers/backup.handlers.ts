// Handlers for backup, restore and clone: each starts the work and answers with its operation
// id; backupProgress events carry the rest. Restore lands in the current context.
import { err, ok, type Result, type Store } from '../../../preload/contract';
import type { BackupService } from '../../engine/backup/backup-service';
import type { State } from '../../state/open-state';
import type { ContextSession } from '../context-session';
import type { Handlers } from '../handler-types';

export interface BackupHandlerDeps {
  state: State;
  session: ContextSession;
  backups: BackupService;
  actor: string;
}

export type BackupHandlers = Pick<
  Handlers,
  'backupStore' | 'restoreStore' | 'cloneStore' | 'cancelBackupOperation' | 'chooseRestoreArchive'
>;

export function backupHandlers({ state, session, backups, actor }: BackupHandlerDeps): BackupHandlers {
  const find = (id: string): Result<Store> => {
    const store = state.stores.get(id);
    return store ? ok(store) : err('not_found', `No store with id ${id}`);
  };
  return {
    backupStore: async ({ id, path }) => {
      const store = find(id);
      if (!store.ok) return store;
      const started = backups.backup(store.value, path, actor);
      return started.ok ? ok({ operationId: started.value.operationId, path: started.value.path }) : started;
    },
    cloneStore: async ({ id, name, adminEmail }) => {
      const store = find(id);
      if (!store.ok) return store;
      const started = backups.clone(store.value, { name, adminEmail }, actor);
      return started.ok ? ok({ operationId: started.value.operationId }) : started;
    },
    restoreStore: async ({ archive, name, adminEmail }) => {
      const context = session.require();
      if (!context.ok) return context;
      const started = backups.restore(archive, { name, adminEmail, context: context.value }, actor);
      return started.ok ? ok({ operationId: started.value.operationId }) : started;
    },
    cancelBackupOperation: async ({ operationId }) => {
      backups.cancel(operationId);
      return ok({});
    },
    // The desktop shell replaces this with a file dialog; the web UI uploads the file instead.
    chooseRestoreArchive: async () =>
      err('not_available', 'In the web UI, pick the archive with the file upload'),
  };
}
