// Backup, restore and clone of a store, as the contract's backupStore / restoreStore / cloneStore
// start them: each answers at once with an operation id and runs on, reporting its phase, bytes
// and ETA as backupProgress events, the last one carrying the outcome. Every run is audited
// (store names, sizes and paths; never secrets).
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { err, ok, type EventOf, type Result, type Store } from '../../../preload/contract';
import type { KubeClient } from '../../kube/client';
import { audited, type AuditSink } from '../operations/audited';
import type { WpConsoles } from '../operations/wp-console';
import type { StoreContext, StoreStrategy } from '../strategies/strategy';
import type { Plan } from '../../../preload/contract';
import { ARCHIVE_EXTENSION } from './archive-manifest';
import { ProgressMeter } from './progress-meter';
import { runBackup, runClone, runRestore, type FlowDeps } from './backup-flows';
import type { NewStoreDeps } from './new-store';

export type BackupProgress = EventOf<'backupProgress'>;
type Kind = BackupProgress['kind'];
export interface Outcome {
  path?: string;
  storeId?: string;
  bytes?: number;
}

export interface BackupServiceDeps extends NewStoreDeps {
  clientFor(store: Pick<Store, 'context'>): KubeClient | Promise<KubeClient>;
  strategyFor(plan: Plan): StoreStrategy;
  storeContext(store: Store): StoreContext | null | Promise<StoreContext | null>;
  consoles: WpConsoles;
  audit: AuditSink;
  actor: string;
  /** Where a backup goes when no path is given. */
  backupsDir: string;
  emitProgress(payload: BackupProgress): void;
  now?: () => Date;
}

export interface Started {
  operationId: string;
  /** Resolves with the outcome (also sent as the last backupProgress event). */
  finished: Promise<Result<Outcome>>;
}

const notAvailable = (plan: Plan): string =>
  `Backup, restore and clone are not available for the ${plan === 'medusa' ? 'Medusa' : plan} plan yet`;

const stamp = (d: Date): string => d.toISOString().replace(/[:]/g, '-').replace(/\..*$/, '');

export class BackupService {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly deps: BackupServiceDeps) {}

  /** Stops a running operation; one that already ended (or never was) is simply not there. */
  cancel(operationId: string): void {
    this.running.get(operationId)?.abort(new Error('cancelled'));
  }

  /** Stops every running operation (app quitting): each cleans up what it made. */
  async close(): Promise<void> {
    for (const controller of this.running.values()) controller.abort(new Error('the app is quitting'));
  }

  /** The file a backup of this store goes to when the caller names none. */
  defaultPath(store: Store): string {
    return join(this.deps.backupsDir, `${store.slug}-${stamp(this.now())}${ARCHIVE_EXTENSION}`);
  }

  backup(
    store: Store,
    path: string | undefined,
    actor = this.deps.actor,
  ): Result<Started & { path: string }> {
    const refused = this.refuse(store, 'back it up');
    if (refused) return refused;
    const out = path ?? this.defaultPath(store);
    const started = this.start('backup', store.name, actor, `id=${store.id} to=${out}`, (flow) =>
      runBackup(flow, store, out),
    );
    return ok({ ...started, path: out });
  }

  clone(
    store: Store,
    request: { name: string; adminEmail?: string },
    actor = this.deps.actor,
  ): Result<Started> {
    const refused = this.refuse(store, 'clone it');
    if (refused) return refused;
    return ok(
      this.start('clone', store.name, actor, `id=${store.id} as="${request.name}"`, (flow) =>
        runClone(flow, store, request),
      ),
    );
  }

  restore(
    archive: string,
    request: { name: string; adminEmail?: string; context: string },
    actor = this.deps.actor,
  ): Result<Started> {
    return ok(
      this.start('restore', request.name, actor, `from=${archive}`, (flow) =>
        runRestore(flow, archive, request),
      ),
    );
  }

  private refuse(store: Store, verb: string): Result<never> | null {
    if (!this.deps.strategyFor(store.plan).backup) return err('not_available', notAvailable(store.plan));
    if (store.status !== 'Ready')
      return err('invalid_state', `Store "${store.name}" is ${store.status}; ${verb} once it is Ready`);
    return null;
  }

  private start(
    kind: Kind,
    storeName: string,
    actor: string,
    details: string,
    run: (flow: FlowDeps) => Promise<Result<Outcome>>,
  ): Started {
    const operationId = randomUUID();
    const base = { operationId, kind, storeName };
    const meter = new ProgressMeter((snapshot) =>
      this.deps.emitProgress({
        ...base,
        ...snapshot,
        phase: snapshot.phase as BackupProgress['phase'],
        done: false,
        error: null,
        result: null,
      }),
    );
    const controller = new AbortController();
    this.running.set(operationId, controller);
    const flow: FlowDeps = { ...this.deps, meter, actor, notAvailable, signal: controller.signal };
    const finished = audited(
      { audit: this.deps.audit, actor, action: kind, name: storeName, details },
      () => run(flow),
      (value) =>
        [
          value.path ? `path=${value.path}` : '',
          value.bytes !== undefined ? `bytes=${value.bytes}` : '',
          value.storeId ? `store=${value.storeId}` : '',
        ]
          .filter(Boolean)
          .join(' '),
    ).then((result) => {
      this.running.delete(operationId);
      const last = meter.snapshot();
      this.deps.emitProgress({
        ...base,
        ...last,
        phase: result.ok ? 'done' : 'failed',
        etaSeconds: result.ok ? 0 : null,
        done: true,
        error: result.ok ? null : result.error,
        result: result.ok ? result.value : null,
      });
      return result;
    });
    return { operationId, finished };
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}
