// The store operations the service layer exposes (health, logs, follow, restart, password),
// over one store row each. Mutations and password reveals are audited here, and only here.
import { randomUUID } from 'node:crypto';
import {
  err,
  ok,
  type EventOf,
  PLANS,
  type Plan,
  type PlanInfo,
  type RestartComponent,
  type ResponseOf,
  type Result,
  type SavedLog,
  type Store,
} from '../../../preload/contract';
import type { KubeClient } from '../../kube/client';
import { KINDS } from '../../kube/kinds';
import { notOwnedMessage, readOwnership } from '../ownership';
import type { StoreContext, StoreStrategy } from '../strategies/strategy';
import { audited, type AuditSink } from './audited';
import { DatabaseForwards } from './database-forwards';
import { WpConsoles } from './wp-console';
import { getStoreHealth } from './health';
import { LogFollowRegistry, type LogLinesEmitter } from './log-follow';
import { pickLogTarget } from './log-target';
import { readLogs, type LogRequest } from './logs';
import { NO_SAVED_LOGS, type SavedLogs } from './saved-logs';
import { toErrorResult } from './operation-error';
import { resetAdminPassword, revealAdminPassword, type Credentials } from './password';
import { restartComponents } from './restart';
import { planInfo } from '../strategies/plan-info';
import { readToolAccess } from './tool-access';

export interface StoreOperationsDeps {
  clientFor(store: Store): KubeClient | Promise<KubeClient>;
  strategyFor(plan: Plan): StoreStrategy;
  /** What the strategy's builders need (null until the engine's first pass decided host and ingress). */
  storeContext(store: Store): StoreContext | null | Promise<StoreContext | null>;
  audit: AuditSink;
  /** Default actor when a call names none, e.g. "desktop:alice". */
  actor: string;
  emitLogLines: LogLinesEmitter;
  /** Setup-job logs kept after the job is gone (SavedLogsRepo). */
  savedLogs?: {
    list(storeId: string): SavedLog[];
    read(storeId: string, pod?: string): { meta: SavedLog; lines: string[] } | null;
  };
  /** Where WP-CLI output goes as it comes (the wpCliOutput event stream). */
  emitWpCliOutput?: (payload: EventOf<'wpCliOutput'>) => void;
  now?: () => Date;
  passwordResetTimeoutMs?: number;
  /** The console pods (shared with backup and restore, which run WP-CLI too). */
  consoles?: WpConsoles;
}

/** Runs a read, turning a thrown cluster error into an error value. */
async function guarded<T>(doing: string, fn: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await fn();
  } catch (error) {
    return toErrorResult<T>(error, doing);
  }
}

export class StoreOperations {
  private readonly follows: LogFollowRegistry;
  private readonly resetting = new Set<string>();
  private readonly databases = new DatabaseForwards();
  private readonly consoles: WpConsoles;

  constructor(private readonly deps: StoreOperationsDeps) {
    this.consoles = deps.consoles ?? new WpConsoles();
    this.follows = new LogFollowRegistry(deps.emitLogLines);
  }

  /** Every plan with its components and capabilities, as its strategy declares them. */
  plans(): PlanInfo[] {
    return PLANS.map((plan) => planInfo(this.deps.strategyFor(plan)));
  }

  health(store: Store): Promise<Result<ResponseOf<'getHealth'>>> {
    return guarded('Reading health', async () =>
      this.inOwnNamespace(store, async (client) =>
        ok(await getStoreHealth(client, store.namespace, this.deps.strategyFor(store.plan), this.deps.now)),
      ),
    );
  }

  logs(store: Store, request: LogRequest): Promise<Result<ResponseOf<'getLogs'>>> {
    const saved = this.savedFor(store);
    if (request.saved)
      // A saved log is local: it is readable while the cluster (or the namespace) is not.
      return guarded('Reading the saved log', async () =>
        readLogs(
          await this.deps.clientFor(store),
          store.namespace,
          request,
          saved,
          this.defaultLogComponent(store),
        ),
      );
    return guarded('Reading logs', async () =>
      this.inOwnNamespace(store, (client) =>
        readLogs(client, store.namespace, request, saved, this.defaultLogComponent(store)),
      ),
    );
  }

  startLogFollow(store: Store, request: LogRequest): Promise<Result<{ subscriptionId: string }>> {
    if (request.saved)
      return Promise.resolve(
        err('invalid_state', 'A saved log no longer changes: there is nothing to follow'),
      );
    return guarded('Following logs', () =>
      this.inOwnNamespace(store, async (client) => {
        const pods = (await client.list(KINDS.Pod, { namespace: store.namespace })).items;
        const target = pickLogTarget(
          pods,
          request.pod,
          request.container,
          store.namespace,
          this.defaultLogComponent(store),
        );
        return target.ok
          ? this.follows.start(client, store.namespace, target.value, {
              tailLines: request.tailLines,
              previous: request.previous,
              timestamps: request.timestamps,
            })
          : target;
      }),
    );
  }

  private defaultLogComponent(store: Store): string {
    return this.deps.strategyFor(store.plan).components[0].name;
  }

  /** Idempotent: a session that already ended (pod gone) is simply not there any more. */
  stopLogFollow(subscriptionId: string): Result<Record<string, never>> {
    this.follows.stop(subscriptionId);
    return ok({});
  }

  restart(
    store: Store,
    component: RestartComponent,
    actor?: string,
  ): Promise<Result<ResponseOf<'restartStore'>>> {
    return audited(
      { ...this.auditBase(store, 'restart', actor), details: `id=${store.id} component=${component}` },
      async () => {
        if (store.status === 'Queued' || store.status === 'Deleting') {
          return err(
            'invalid_state',
            `Store "${store.name}" is ${store.status}; there is nothing to restart`,
          );
        }
        return this.inOwnNamespace(store, (client) =>
          restartComponents(
            client,
            store.namespace,
            this.deps.strategyFor(store.plan),
            component,
            this.deps.now,
          ),
        );
      },
      (value) => `restarted=${value.restarted.join(',')}`,
    );
  }

  revealPassword(store: Store, actor?: string): Promise<Result<Credentials>> {
    return audited(this.auditBase(store, 'reveal-password', actor), () =>
      this.inOwnNamespace(store, (client) =>
        revealAdminPassword(client, store, this.deps.strategyFor(store.plan)),
      ),
    );
  }

  resetPassword(store: Store, actor?: string): Promise<Result<Credentials>> {
    return audited(this.auditBase(store, 'reset-password', actor), async () => {
      if (store.status !== 'Ready')
        return err(
          'invalid_state',
          `Store "${store.name}" is ${store.status}; reset the password once it is Ready`,
        );
      // Two resets at once would each restore the other's "previous" password on failure.
      if (this.resetting.has(store.id))
        return err('conflict', `A password reset for "${store.name}" is already running`);
      this.resetting.add(store.id);
      try {
        const ctx = await this.deps.storeContext(store);
        if (!ctx)
          return err(
            'invalid_state',
            `Store "${store.name}" has no recorded host or ingress yet; retry it first`,
          );
        return await this.inOwnNamespace(store, (client) =>
          resetAdminPassword(client, this.deps.strategyFor(store.plan), ctx, {
            timeoutMs: this.deps.passwordResetTimeoutMs,
          }),
        );
      } finally {
        this.resetting.delete(store.id);
      }
    });
  }

  /** The link carries a secret for 60 s: it goes to the caller only, never into the audit. */
  adminLogin(store: Store, actor?: string): Promise<Result<ResponseOf<'createAdminLogin'>>> {
    return audited(this.auditBase(store, 'admin-login', actor), async () => {
      const login = this.deps.strategyFor(store.plan).adminLogin;
      if (!login) return err('not_available', `${store.plan} stores have no one-click admin login`);
      if (store.status !== 'Ready' || !store.url)
        return err(
          'invalid_state',
          `Store "${store.name}" is ${store.status}; open its admin once it is Ready`,
        );
      const target = { namespace: store.namespace, url: store.url, adminEmail: store.adminEmail };
      return this.inOwnNamespace(store, (client) => login(client, target));
    });
  }

  /** The database password goes to the caller (it asked to connect); the audit names the store only. */
  openDatabase(store: Store, actor?: string): Promise<Result<ResponseOf<'openDatabase'>>> {
    return audited(
      this.auditBase(store, 'open-database', actor),
      async () => {
        const db = this.deps.strategyFor(store.plan).database;
        if (!db) return err('not_available', `${store.plan} stores have no database to open`);
        if (store.status === 'Queued' || store.status === 'Deleting')
          return err(
            'invalid_state',
            `Store "${store.name}" is ${store.status}; there is no database to open`,
          );
        return this.inOwnNamespace(store, (client) => this.databases.start(client, store, db));
      },
      (value) => `port=${value.port}`,
    );
  }

  async closeDatabase(forwardId: string): Promise<Result<Record<string, never>>> {
    await this.databases.stop(forwardId);
    return ok({});
  }

  databaseStatus(forwardId: string): Result<ResponseOf<'databaseStatus'>> {
    const status = this.databases.status(forwardId);
    return ok(status ? { open: true, ...status } : { open: false, connections: 0, lastError: null });
  }

  /**
   * Starts a WP-CLI command and answers with its run id at once; the output and the exit code
   * follow as events. Audited with the command's first two words only: arguments may carry
   * passwords (wp user update --user_pass=…).
   */
  async runWpCli(store: Store, args: string[], actor?: string): Promise<Result<ResponseOf<'runWpCli'>>> {
    const access = this.deps.strategyFor(store.plan).wpCli;
    if (!access) return err('not_available', `${store.plan} stores have no WP-CLI`);
    if (store.status !== 'Ready' && store.status !== 'Failed')
      return err(
        'invalid_state',
        `Store "${store.name}" is ${store.status}; WP-CLI runs once it is provisioned`,
      );
    const ctx = await this.deps.storeContext(store);
    if (!ctx) return err('invalid_state', `Store "${store.name}" has no recorded host yet; retry it first`);
    const runId = randomUUID();
    const emit = (payload: Omit<EventOf<'wpCliOutput'>, 'runId'>) =>
      this.deps.emitWpCliOutput?.({ runId, ...payload });
    const base = this.auditBase(store, 'wp-cli', actor);
    void audited(
      { ...base, details: `${base.details} command=wp ${args.slice(0, 2).join(' ')}` },
      () =>
        this.inOwnNamespace(store, async (client) => {
          const exitCode = await this.consoles.run(client, ctx, access, args, (text, stream) =>
            emit({ stream, text, done: false, exitCode: null }),
          );
          emit({ stream: 'stdout', text: '', done: true, exitCode });
          return ok({ exitCode });
        }),
      (value) => `exit=${value.exitCode}`,
    ).then((result) => {
      if (!result.ok)
        emit({ stream: 'stderr', text: `${result.error.message}\n`, done: true, exitCode: null });
    });
    return ok({ runId });
  }

  private savedFor(store: Store): SavedLogs {
    const repo = this.deps.savedLogs;
    if (!repo) return NO_SAVED_LOGS;
    return { list: () => repo.list(store.id), read: (pod) => repo.read(store.id, pod) };
  }

  toolAccess(store: Store): Promise<Result<ResponseOf<'getToolAccess'>>> {
    return guarded('Checking access', () =>
      this.inOwnNamespace(store, async (client) => ok(await readToolAccess(client, store.namespace))),
    );
  }

  /** A deleted store's forwards go with it. */
  forgetStore(storeId: string): Promise<void> {
    return this.databases.stopStore(storeId);
  }

  /** Ends every log follow (each emits its final ended: true) and every database forward. */
  close(): void {
    this.follows.stopAll();
    void this.databases.stopAll();
    void this.consoles.closeAll();
  }

  /**
   * Runs fn only if the store's namespace is its own (or absent: then nothing is there to read);
   * a namespace of that name that belongs to someone else is refused before anything inside it
   * is read or written.
   */
  private async inOwnNamespace<T>(
    store: Store,
    fn: (client: KubeClient) => Promise<Result<T>>,
  ): Promise<Result<T>> {
    const client = await this.deps.clientFor(store);
    const owner = await readOwnership(client, store.namespace, store.id);
    if (owner.state === 'foreign')
      return err(
        'forbidden',
        `${notOwnedMessage(store.namespace, owner.reason)}; Storedeck will not act in it`,
      );
    return fn(client);
  }

  private auditBase(store: Store, action: string, actor?: string) {
    return {
      audit: this.deps.audit,
      actor: actor ?? this.deps.actor,
      action,
      name: store.name,
      details: `id=${store.id}`,
    };
  }
}
