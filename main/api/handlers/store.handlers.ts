// Handlers for the store lifecycle: list, create, retry, delete, timeline, and the operations
// on one store. Every store request names a store by id; an unknown id is a not_found value.
import { err, ok, type Result, type Store } from '../../../preload/contract';
import type { Engine } from '../../engine/engine';
import type { StoreOperations } from '../../engine/operations/store-operations';
import type { State } from '../../state/open-state';
import type { ContextSession } from '../context-session';
import type { Handlers } from '../handler-types';

export interface StoreHandlerDeps {
  state: State;
  session: ContextSession;
  engine: Engine;
  operations: StoreOperations;
  actor: string;
}

type StoreHandlers = Omit<
  Handlers,
  | 'getAppInfo'
  | 'listContexts'
  | 'selectContext'
  | 'runPreflight'
  | 'getSettings'
  | 'updateSettings'
  | 'listAudit'
  | 'openExternal'
>;

export function storeHandlers({
  state,
  session,
  engine,
  operations,
  actor,
}: StoreHandlerDeps): StoreHandlers {
  const find = (id: string): Result<Store> => {
    const store = state.stores.get(id);
    return store ? ok(store) : err('not_found', `No store with id ${id}`);
  };
  const withStore =
    <R, Q extends { id: string }>(run: (store: Store, request: Q) => Promise<Result<R>>) =>
    async (request: Q): Promise<Result<R>> => {
      const found = find(request.id);
      return found.ok ? run(found.value, request) : found;
    };

  return {
    listStores: async () => {
      const context = session.current();
      return ok(context ? state.stores.list(context) : []);
    },
    getStore: async ({ id }) => find(id),
    createStore: async (request) => {
      const context = session.require();
      if (!context.ok) return context;
      return engine.create({ ...request, context: context.value }, actor);
    },
    deleteStore: async ({ id }) => engine.delete(id, actor),
    retryStore: async ({ id }) => engine.retry(id, actor),
    reconcileStore: async ({ id }) => engine.reconcileNow(id, actor),
    listEvents: withStore(async (store) => ok(state.events.list(store.id))),
    restartStore: withStore((store, { component }) => operations.restart(store, component)),
    resetAdminPassword: withStore((store) => operations.resetPassword(store)),
    revealAdminPassword: withStore((store) => operations.revealPassword(store)),
    createAdminLogin: withStore((store) => operations.adminLogin(store)),
    getHealth: withStore((store) => operations.health(store)),
    getLogs: withStore((store, request) => operations.logs(store, request)),
    startLogFollow: withStore((store, request) => operations.startLogFollow(store, request)),
    stopLogFollow: async ({ subscriptionId }) => operations.stopLogFollow(subscriptionId),
  };
}
