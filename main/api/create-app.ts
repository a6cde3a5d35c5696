// The composition root every transport starts from (Electron main, the web host, the CLI):
// local state, the cluster clients, the engine, the operations and the contract's handlers.
// Several of them may share a data dir: only the holder of its worker lease runs passes, and
// the change feed brings every other process's writes onto this process's bus.
import { userInfo } from 'node:os';
import { ClientPool } from '../kube/client-pool';
import { Engine } from '../engine/engine';
import { LiveStatusHub } from '../engine/live-status/live-status-hub';
import { startContextProbe } from '../engine/live-status/context-probe';
import { StoreOperations } from '../engine/operations/store-operations';
import { strategyFor } from '../engine/strategies/registry';
import { ChangeFeed } from '../state/change-feed';
import { databaseFile, ensureDataDir } from '../state/data-dir';
import { keepLease, type LeaseKeeper } from '../state/lease-keeper';
import { openState } from '../state/open-state';
import { WorkerLease, type LeaseHolder } from '../state/worker-lease';
import { ContextSession } from './context-session';
import { createEventBus, type EventBus } from '../primitives/event-bus';
import type { Handlers } from './handler-types';
import { parseRequest, type ContextHealth } from '../../preload/contract';
import { watchKubeconfig, type KubeconfigReloader } from './kubeconfig-reloader';
import { appHandlers } from './handlers/app.handlers';
import { clusterHandlers } from './handlers/cluster.handlers';
import { LocalClusterService } from './local-cluster';
import { storeHandlers } from './handlers/store.handlers';
import { backupHandlers } from './handlers/backup.handlers';
import { BackupService } from '../engine/backup/backup-service';
import { WpConsoles } from '../engine/operations/wp-console';
import { join } from 'node:path';

export interface CreateAppOptions {
  dataDir: string;
  kubeconfigPath?: string;
  /** Overrides the remembered context for this run only. */
  context?: string;
  mode: 'desktop' | 'web' | 'cli';
  /** The cluster is Storedeck's simulator (npm run demo): getAppInfo says so and the UI shows it. */
  simulated?: boolean;
  /**
   * 'auto' (default): run provisioning and deletions (resuming unfinished ones) whenever this
   * process holds the data dir's worker lease, and keep trying to get it. 'never': only record
   * requests for the worker, e.g. a CLI command that does not wait.
   */
  worker?: 'auto' | 'never';
  /** Environment for the kind/docker commands (tests put stand-ins on PATH); default process.env. */
  toolEnv?: NodeJS.ProcessEnv;
  /** Lease and change-feed timing (tests shorten them). */
  timing?: { heartbeatMs?: number; staleMs?: number; feedIntervalMs?: number; probeIntervalMs?: number };
}

export interface WorkerStatus {
  /** Whether this process runs passes now. */
  working: boolean;
  /** Who holds the data dir's worker lease (possibly this process), or null. */
  holder: LeaseHolder | null;
}

export interface WorkerHandle {
  status(): WorkerStatus;
  /** Called whenever this process becomes or stops being the worker; returns an unsubscribe. */
  onChange(listener: (working: boolean) => void): () => void;
}

export interface AppCore {
  handlers: Handlers;
  bus: EventBus;
  engine: Engine;
  worker: WorkerHandle;
  /** Checks every few seconds whether a context answers; onChange on each change (and the first answer). */
  probeContext(context: string, onChange: (health: ContextHealth) => void): () => void;
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
    savedLogs: state.savedLogs,
    clientFor: (context) => pool.clientFor(context),
    isLocalContext: (context) => pool.isLocal(context),
    strategyFor,
    bus,
    actor,
    working: false,
  });
  // One set of console pods for WP-CLI commands and for what backup and restore run through WP-CLI.
  const consoles = new WpConsoles();
  const operations = new StoreOperations({
    consoles,
    clientFor: (store) => pool.clientFor(store.context),
    strategyFor,
    storeContext: (store) => engine.storeContext(store),
    audit: state.audit,
    actor,
    emitLogLines: (payload) => bus.emit('logLines', payload),
    savedLogs: state.savedLogs,
    emitWpCliOutput: (payload) => bus.emit('wpCliOutput', payload),
  });
  const backups = new BackupService({
    bus,
    getStore: (id) => state.stores.get(id),
    // A restored store's email comes from the archive: through the contract's parser like any request.
    create: ({ context, ...request }, by) => {
      const parsed = parseRequest('createStore', request);
      return parsed.ok ? engine.create({ ...parsed.value, context }, by) : Promise.resolve(parsed);
    },
    remove: (id, by) => engine.delete(id, by),
    clientFor: (store) => pool.clientFor(store.context),
    strategyFor,
    storeContext: (store) => engine.storeContext(store),
    consoles,
    audit: state.audit,
    actor,
    backupsDir: join(options.dataDir, 'backups'),
    emitProgress: (payload) => bus.emit('backupProgress', payload),
  });
  // A deleted store's open database forwards have nothing left to reach.
  bus.subscribe((name, payload) => {
    if (name === 'storeRemoved') void operations.forgetStore((payload as { id: string }).id);
  });

  // A UI shows what is true now; the CLI answers one question and leaves, so it does not watch.
  const live =
    options.mode === 'cli'
      ? null
      : new LiveStatusHub({
          listStores: (context) => state.stores.list(context),
          storeContext: (store) => engine.storeContext(store),
          strategyFor,
          clientFor: (context) => pool.clientFor(context),
          bus,
          probeIntervalMs: options.timing?.probeIntervalMs,
        });
  live?.observe(session.current());
  // Every mode follows the kubeconfig file: a CLI `--wait` outlives a cluster recreated meanwhile.
  const reloader: KubeconfigReloader = watchKubeconfig(kubeconfigPath, () => {
    pool.reload();
    live?.restart();
  });

  const localCluster = new LocalClusterService({
    state,
    bus,
    session,
    pool,
    kubeconfigPath,
    dataDir: options.dataDir,
    actor,
    env: options.toolEnv,
  });

  const uiMode = options.mode === 'desktop' ? 'desktop' : 'web';
  const handlers: Handlers = {
    ...appHandlers({
      state,
      session,
      pool,
      mode: uiMode,
      kubeconfigPath,
      actor,
      live,
      simulated: options.simulated,
      plans: () => operations.plans(),
    }),
    ...storeHandlers({ state, session, engine, operations, actor, live }),
    ...backupHandlers({ state, session, backups, actor }),
    ...clusterHandlers(localCluster),
  };

  const feed = new ChangeFeed({
    ...state,
    bus,
    intervalMs: options.timing?.feedIntervalMs,
    onExternalStore: (store, previous) => engine.pickUp(store, previous),
  }).start();
  const lease = new WorkerLease(state.db, { mode: options.mode, staleMs: options.timing?.staleMs });
  const listeners = new Set<(working: boolean) => void>();
  const keeper: LeaseKeeper | null =
    (options.worker ?? 'auto') === 'never'
      ? null
      : keepLease({
          lease,
          intervalMs: options.timing?.heartbeatMs,
          onChange: (held) => {
            void engine.setWorking(held);
            for (const listener of listeners) listener(held);
          },
        });

  let closed = false;
  return {
    handlers,
    bus,
    engine,
    probeContext(context, onChange) {
      const probe = startContextProbe({
        context,
        clientFor: (name) => pool.clientFor(name),
        onChange,
        intervalMs: options.timing?.probeIntervalMs,
      });
      return () => probe.stop();
    },
    worker: {
      status: () => ({ working: engine.working, holder: lease.holder() }),
      onChange(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    async close() {
      if (closed) return;
      closed = true;
      keeper?.stop();
      reloader.stop();
      live?.close();
      feed.stop();
      await backups.close();
      operations.close();
      localCluster.close();
      await localCluster.settled();
      // Passes in flight stop here and resume on the next start (here or elsewhere); nothing is lost.
      await engine.stop();
      // Only once nothing runs here: a waiting process takes over on its next heartbeat.
      if (keeper) lease.release();
      state.close();
    },
  };
}
