// The engine facade every transport calls: create, retry, delete, resume and reconcile stores.
// Each returns a Result value (never throws for an expected failure); the work itself runs in a
// keyed queue, and progress reaches listeners through the contract's event streams.
import {
  ENGINE_DEFAULTS,
  err,
  ok,
  stepLabel,
  type Plan,
  type Result,
  type Store,
} from '../../preload/contract';
import { createEventBus, type EventBus } from '../primitives/event-bus';
import { UNFINISHED_STATUSES } from '../state/stores.repo';
import { admitStore, type CreateStoreInput } from './create-store';
import { announceDelete, deleteStore } from './delete-store';
import { closeInterruptedSteps } from './interrupted-steps';
import { Attempts } from './attempt';
import { systemClock } from './engine-clock';
import type { EngineOptions } from './engine-options';
import { classifyError } from '../kube/errors';
import { KeyedQueue, type PassOutcome } from './queue';
import { reconcilePass, type ReconcileDeps } from './reconciler';
import { StoreWatches } from './store-watch';
import { contextFromDesired } from './store-context';
import { StoreWriter, Timeline } from './store-writer';
import { strategyFor as registeredStrategy } from './strategies/registry';
import type { StoreContext, StoreStrategy } from './strategies/strategy';

export type { CreateStoreInput } from './create-store';
export type { EngineOptions } from './engine-options';

/** The separator a retry writes into the timeline: which attempt begins, and why. */
function attemptMessage(generation: number, failed: Store, useCurrentSettings: boolean): string {
  const after = failed.errorStep ? `${stepLabel(failed.errorStep)} failed` : 'the last attempt failed';
  const settings = useCurrentSettings
    ? 'with the context’s current settings'
    : 'with the settings frozen at create';
  return `Attempt ${generation}: retry after ${after}, ${settings}`;
}

export class Engine {
  readonly bus: EventBus;
  private readonly writer: StoreWriter;
  private readonly queue: KeyedQueue;
  private readonly actor: string;
  private readonly strategyFor: (plan: Plan) => StoreStrategy;
  private readonly passDeps: ReconcileDeps;
  /** Deletes whose request already wrote the timeline's first line (their pass does not repeat it). */
  private readonly deletesAnnounced = new Set<string>();

  constructor(private readonly options: EngineOptions) {
    this.strategyFor = options.strategyFor ?? registeredStrategy;
    this.bus = options.bus ?? createEventBus();
    this.writer = new StoreWriter(options.stores, options.events, this.bus, options.savedLogs);
    this.actor = options.actor ?? 'storedeck';
    const clock = options.clock ?? systemClock;
    const onWorkerError =
      options.onWorkerError ?? ((id, error) => console.error(`storedeck: store ${id}:`, error));
    this.queue = new KeyedQueue({
      concurrency: () => options.settings.get().concurrency,
      clock,
      worker: (id, signal) => this.work(id, signal),
      // A transient API error is retried by the queue; only anything else is worth a report.
      onError: (id, error) => {
        if (classifyError(error).kind !== 'transient') onWorkerError(id, error);
      },
      paused: options.working === false,
      // A delete is one request and a wait: it never waits for a provisioning slot.
      uncapped: (id) => options.stores.get(id)?.status === 'Deleting',
    });
    this.passDeps = {
      stores: options.stores,
      settings: options.settings,
      writer: this.writer,
      clientFor: options.clientFor,
      isLocal: options.isLocalContext,
      strategyFor: this.strategyFor,
      checkoutRequestTimeoutMs: options.checkoutRequestTimeoutMs,
      attempts: new Attempts(this.writer, options.events, clock),
      // Anything that changes in a store's namespace brings its next pass.
      watches: new StoreWatches((id) => this.queue.enqueue(id, { fromWatch: true })),
      clock,
    };
  }

  /** Passes running right now (the concurrency setting bounds these, not the stores in progress). */
  get passesInFlight(): number {
    return this.queue.runningCount;
  }

  /** Whether this engine runs passes now (it is its data dir's worker). */
  get working(): boolean {
    return !this.queue.isPaused;
  }

  /**
   * Becoming the worker resumes every unfinished store; ceasing to be it stops the passes in
   * flight (they stay Provisioning/Deleting in the database for the worker that takes over).
   */
  async setWorking(working: boolean): Promise<void> {
    if (working === this.working) return;
    if (!working) {
      await this.queue.pause(new Error('another Storedeck process is now the worker'));
      this.passDeps.watches.closeAll();
      this.passDeps.attempts.clear();
      return;
    }
    this.queue.unpause();
    await this.resume();
  }

  /**
   * Another process changed this store (it reached us through the change feed): the worker runs
   * what it asked for, as if the request had come here. A new delete stops a provisioning pass.
   */
  pickUp(store: Store, previous: Store | null): void {
    if (!this.working) return;
    // Another process touched a Ready store: a reconcile request (see reconcileNow) — re-check it.
    if (store.status === 'Ready' && previous?.status === 'Ready') {
      if (this.queue.state(store.id) === 'idle') this.queue.enqueue(store.id);
      return;
    }
    if (!UNFINISHED_STATUSES.includes(store.status)) return;
    if (store.status === 'Deleting' && previous?.status !== 'Deleting') {
      this.queue.abort(store.id, new Error('store is being deleted'));
      this.queue.enqueue(store.id);
      return;
    }
    // A pass already queued or running sees the row as it is now; a second one would only repeat it.
    if (this.queue.state(store.id) === 'idle') this.queue.enqueue(store.id);
  }

  /** Validates, admits (unique slug, under the context limit), records Queued and schedules provisioning. */
  async create(input: CreateStoreInput, actor = this.actor): Promise<Result<Store>> {
    const { stores, settings } = this.options;
    const admitted = stores.exclusively(() =>
      admitStore(input, stores, settings.get(), settings.ingressHttpPort(input.context).port),
    );
    if (!admitted.ok) return admitted;
    const store = admitted.value;
    this.options.audit.add({
      action: 'create',
      resource: 'store',
      name: store.name,
      details: `id=${store.id} slug=${store.slug} plan=${store.plan} context=${store.context}`,
      actor,
    });
    this.writer.changed(store);
    this.queue.enqueue(store.id);
    return ok(store);
  }

  /**
   * A Failed store starts again: new generation, error cleared, Queued. Its settings stay those
   * frozen at create unless useCurrentSettings takes the context's current ones.
   */
  async retry(
    id: string,
    actor = this.actor,
    { useCurrentSettings = false }: { useCurrentSettings?: boolean } = {},
  ): Promise<Result<Store>> {
    const store = this.options.stores.get(id);
    if (!store) return err('not_found', `No store with id ${id}`);
    if (store.status === 'Queued' || store.status === 'Provisioning') return this.resumeStore(store, actor);
    if (store.status !== 'Failed')
      return err(
        'invalid_state',
        `Store "${store.name}" is ${store.status}; only a Failed store can be retried`,
      );
    if (useCurrentSettings) this.adoptCurrentSettings(id);
    const generation = this.options.stores.bumpGeneration(id);
    const queued = this.options.stores.setStatus(id, 'Queued', { errorStep: null, errorMessage: null });
    if (!queued || generation === null) return err('not_found', `No store with id ${id}`);
    this.options.audit.add({
      action: 'retry',
      resource: 'store',
      name: store.name,
      details:
        `id=${id} generation=${generation}${useCurrentSettings ? ' with current settings' : ''} after ${store.errorStep ?? 'failure'}: ${store.errorMessage ?? ''}`.trim(),
      actor,
    });
    this.writer.changed(queued);
    this.writer.event(id, 'attempt', 'completed', attemptMessage(generation, store, useCurrentSettings));
    this.queue.enqueue(id);
    return ok(queued);
  }

  /**
   * Marks the store Deleting and schedules the namespace deletion (any provisioning pass is
   * stopped first). Calling it again on a store stuck in Deleting continues the deletion.
   */
  async delete(id: string, actor = this.actor): Promise<Result<Store>> {
    const store = this.options.stores.get(id);
    if (!store) return err('not_found', `No store with id ${id}`);
    // Status, audit row and the timeline's first line in one transaction: one durable commit
    // instead of three, so a burst of deletes reaches the cluster sooner (each waits for the disk).
    // A provisioning pass still running may yet write its last lines: then the delete pass
    // writes the first line of the delete after them, as it does in the worker process when
    // that is another one.
    const announce = this.working && this.queue.state(id) !== 'running';
    const deleting = this.options.stores.exclusively(() => {
      const row = this.options.stores.setStatus(id, 'Deleting', { errorStep: null, errorMessage: null });
      if (!row) return null;
      this.options.audit.add({
        action: 'delete',
        resource: 'store',
        name: store.name,
        details: `id=${id} namespace=${store.namespace} context=${store.context}${store.status === 'Deleting' ? ' (continued)' : ''}`,
        actor,
      });
      this.writer.changed(row);
      if (announce) announceDelete(new Timeline(this.writer, id), store.namespace);
      return row;
    });
    if (!deleting) return err('not_found', `No store with id ${id}`);
    if (announce) this.deletesAnnounced.add(id);
    this.queue.abort(id, new Error('store is being deleted'));
    this.queue.enqueue(id);
    return ok(deleting);
  }

  /** On start: picks up every store a stop or crash left Queued, Provisioning or Deleting (none while not working). */
  async resume(): Promise<Result<{ resumed: Store[] }>> {
    if (!this.working) return ok({ resumed: [] });
    const unfinished = this.options.stores.listUnfinished();
    for (const store of unfinished) this.pickUpUnfinished(store.id);
    return ok({ resumed: unfinished });
  }

  /**
   * "Retry" of a store a killed or stopped process left Queued or Provisioning: nothing failed,
   * so nothing restarts from scratch; the worker (this process, when it holds the lease) picks
   * it up where it was. Anywhere else it is refused with where the work will happen.
   */
  private resumeStore(store: Store, actor: string): Result<Store> {
    if (!this.working)
      return err(
        'invalid_state',
        `Store "${store.name}" is ${store.status} and its work is not running in this process: the data dir's worker carries it on (the open app, or \`storedeck retry ${store.slug} --wait\` when none runs)`,
      );
    this.options.audit.add({
      action: 'resume',
      resource: 'store',
      name: store.name,
      details: `id=${store.id} status=${store.status}`,
      actor,
    });
    this.pickUpUnfinished(store.id);
    return ok(store);
  }

  /** Queues an unfinished store that no pass of this process runs, closing steps a dead pass left open. */
  private pickUpUnfinished(id: string): void {
    if (this.queue.state(id) !== 'idle') return;
    closeInterruptedSteps(this.options.events, this.writer, id);
    this.queue.enqueue(id);
  }

  /** Runs a pass now (drift repair for a Ready store; merged with one already queued). */
  async reconcileNow(id: string, actor = this.actor): Promise<Result<Store>> {
    const store = this.options.stores.get(id);
    if (!store) return err('not_found', `No store with id ${id}`);
    if (store.status === 'Failed')
      return err('invalid_state', `Store "${store.name}" failed; retry it instead`);
    if (store.status === 'Deleting') return err('invalid_state', `Store "${store.name}" is being deleted`);
    this.options.audit.add({
      action: 'reconcile',
      resource: 'store',
      name: store.name,
      details: `id=${id}`,
      actor,
    });
    if (this.working) {
      this.queue.enqueue(id);
      return ok(store);
    }
    // The worker is another process: a touched row reaches it through its change feed (pickUp).
    return ok(this.options.stores.touch(id) ?? store);
  }

  private adoptCurrentSettings(id: string): void {
    const state = this.options.stores.getDesired(id);
    if (!state) return;
    const { baseDomain, storageClass, imageRegistry } = this.options.settings.get();
    // The host derives from the base domain, so it is decided again on the next pass.
    const host = baseDomain === state.desired.baseDomain ? state.desired.host : null;
    this.options.stores.setDesired(id, { ...state.desired, baseDomain, storageClass, imageRegistry, host });
  }

  /** Resolves once no pass for the store is queued or running. */
  settled(id: string): Promise<void> {
    return this.queue.idle(id);
  }

  /** What the strategy builders need for a store (null until its first pass decided host and ingress). */
  storeContext(store: Store): StoreContext | null {
    const desired = this.options.stores.getDesired(store.id);
    return desired ? contextFromDesired(store, desired.desired) : null;
  }

  /** Stops every pass (they resume on the next start) and waits for them to return. */
  async stop(): Promise<void> {
    await this.queue.stop();
    this.passDeps.watches.closeAll();
  }

  private async work(id: string, signal: AbortSignal): Promise<PassOutcome | void> {
    const store = this.options.stores.get(id);
    if (!store) {
      this.passDeps.watches.close(id);
      this.passDeps.attempts.end(id);
      return;
    }
    if (store.status === 'Deleting') {
      this.passDeps.watches.close(id);
      this.passDeps.attempts.end(id);
      const announced = this.deletesAnnounced.delete(id);
      await deleteStore(
        {
          stores: this.options.stores,
          writer: this.writer,
          clientFor: this.options.clientFor,
          deleteTimeoutMs: this.options.deleteTimeoutMs ?? ENGINE_DEFAULTS.deleteTimeoutSeconds * 1000,
        },
        id,
        signal,
        { announced },
      );
      return;
    }
    return reconcilePass(this.passDeps, id, signal);
  }
}
