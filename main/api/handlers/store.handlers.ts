// Handlers for the store lifecycle: list, create, retry, delete, timeline, and the operations
// on one store. Every store request names a store by id; an unknown id is a not_found value.
import {
  err,
  ok,
  RECENT_EVENTS,
  type Result,
  type Store,
  type StoreSummary,
} from '../../../preload/contract';
import type { Engine } from '../../engine/engine';
import type { LiveStatusHub } from '../../engine/live-status/live-status-hub';
import type { StoreOperations } from '../../engine/operations/store-operations';
import type { State } from '../../state/open-state';
import type { ContextSession } from '../context-session';
import type { Handlers } from '../handler-types';
import type { AppHandlers } from './app.handlers';
import type { BackupHandlers } from './backup.handlers';
import type { ClusterHandlers } from './cluster.handlers';

export interface StoreHandlerDeps {
  state: State;
  session: ContextSession;
  engine: Engine;
  operations: StoreOperations;
  actor: string;
  /** Live status of Ready stores (null in the CLI, which does not watch). */
  live: LiveStatusHub | null;
}

/** Every request the other handler groups do not answer: the store lifecycle and its operations. */
type StoreHandlers = Omit<Handlers, keyof AppHandlers | keyof ClusterHandlers | keyof BackupHandlers>;

export function storeHandlers({
  state,
  session,
  engine,
  operations,
  actor,
  live,
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
    listPlans: async () => ok(operations.plans()),
    // One answer carries what every card shows (latest events, live status): no request per card.
    listStores: async () => {
      const context = session.current();
      if (!context) return ok([]);
      const recent = state.events.recentByContext(context, RECENT_EVENTS);
      return ok(
        state.stores.list(context).map((store): StoreSummary => ({
          ...store,
          recentEvents: recent.get(store.id) ?? [],
          live: live?.liveOf(store.id) ?? null,
        })),
      );
    },
    getStore: async ({ id }) => find(id),
    createStore: async (request) => {
      const context = session.require();
      if (!context.ok) return context;
      return engine.create({ ...request, context: context.value }, actor);
    },
    deleteStore: async ({ id }) => engine.delete(id, actor),
    retryStore: async ({ id, useCurrentSettings }) =>
      engine.retry(id, actor, { useCurrentSettings: useCurrentSettings ?? false }),
    reconcileStore: async ({ id }) => engine.reconcileNow(id, actor),
    listEvents: withStore(async (store) => ok(state.events.list(store.id))),
    restartStore: withStore((store, { component }) => operations.restart(store, component)),
    resetAdminPassword: withStore((store) => operations.resetPassword(store)),
    revealAdminPassword: withStore((store) => operations.revealPassword(store)),
    createAdminLogin: withStore((store) => operations.adminLogin(store)),
    openDatabase: withStore((store) => operations.openDatabase(store)),
    runWpCli: withStore((store, { args }) => operations.runWpCli(store, args)),
    closeDatabase: async ({ forwardId }) => operations.closeDatabase(forwardId),
    databaseStatus: async ({ forwardId }) => operations.databaseStatus(forwardId),
    getHealth: withStore((store) => {
      // The detail is open: its live status is worth a fresh look (polled kinds listed now).
      live?.lookNow(store.id);
      return operations.health(store);
    }),
    getToolAccess: withStore((store) => operations.toolAccess(store)),
    getLogs: withStore((store, request) => operations.logs(store, request)),
    startLogFollow: withStore((store, request) => operations.startLogFollow(store, request)),
    stopLogFollow: async ({ subscriptionId }) => operations.stopLogFollow(subscriptionId),
  };
}
