// The composition root every transport starts from (Electron main, the web host, the CLI):
// local state, the cluster clients, the engine, the operations and the contract's handlers.
import { userInfo } from 'node:os';
import { ClientPool } from '../kube/client-pool';
import { Engine } from '../engine/engine';
import { StoreOperations } from '../engine/operations/store-operations';
import { strategyFor } from '../engine/strategies/registry';
import { databaseFile, ensureDataDir } from '../state/data-dir';
import { openState } from '../state/open-state';
import { ContextSession } from './context-session';
import { createEventBus } from './event-bus';
import type { EventBus, Handlers } from './handler-types';
import { appHandlers } from './handlers/app.handlers';
import { storeHandlers } from './handlers/store.handlers';

export interface CreateAppOptions {
  dataDir: string;
  kubeconfigPath?: string;
  /** Overrides the remembered context for this run only. */
  context?: string;
  mode: 'desktop' | 'web' | 'cli';
  /** Start provisioning and deletions left unfinished by the last run (default true). */
  resume?: boolean;
}

export interface AppCore {
  handlers: Handlers;
  bus: EventBus;
  engine: Engine;
  close(): Promise<void>;
}

function whoami(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export async function createApp(options: CreateAppOptions): Promise<AppCore> {
  const state = openState(databaseFile(ensureDataDir(options.dataDir)));
  const kubeconfigPath = options.kubeconfigPath ?? null;
  const bus = createEventBus();
  const pool = new ClientPool(kubeconfigPath);
  const session = new ContextSession(kubeconfigPath, state.settings, options.context ?? null);
  const actor = `${options.mode}:${whoami()}`;

  const engine = new Engine({
    stores: state.stores,
    events: state.events,
    audit: state.audit,
    settings: state.settings,
    clientFor: (context) => pool.clientFor(context),
    isLocalContext: (context) => pool.isLocal(context),
    strategyFor,
    bus,
    actor,
  });
  const operations = new StoreOperations({
    clientFor: (store) => pool.clientFor(store.context),
    strategyFor,
    storeContext: (store) => engine.storeContext(store),
    audit: state.audit,
    actor,
    emitLogLines: (payload) => bus.emit('logLines', payload),
  });

  const uiMode = options.mode === 'desktop' ? 'desktop' : 'web';
  const handlers: Handlers = {
    ...appHandlers({ state, session, pool, mode: uiMode, kubeconfigPath }),
    ...storeHandlers({ state, session, engine, operations, actor }),
  };
  if (options.resume ?? true) await engine.resume();

  let closed = false;
  return {
    handlers,
    bus,
    engine,
    async close() {
      if (closed) return;
      closed = true;
      operations.close();
      // Passes in flight stop here and resume on the next start; nothing is lost.
      await engine.stop();
      state.close();
    },
  };
}
