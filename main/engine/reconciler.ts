// One short, level-based pass for one store, as a controller-runtime Reconcile: read the desired
// store (SQLite row + strategy), observe the world from the store's watch cache, apply what is
// missing, advance as far as the world allows, and return — "done", "look again in N ms"
// (while waiting; the watch brings it back sooner when anything changes), or a terminal
// StepFailure recorded as Failed. It never blocks on a wait, so a store waiting minutes for MySQL
// holds no slot. A transient API error is thrown to the queue, which retries it with backoff;
// the store fails only on a diagnosis, a refusal from the cluster, or one of the two time limits
// (no progress for a while, or the overall cap).
import type { Plan } from '../../preload/contract';
import type { KubeClient } from '../kube/client';
import { classifyError } from '../kube/errors';
import type { SettingsRepo } from '../state/settings.repo';
import type { StoresRepo } from '../state/stores.repo';
import { applyStoreObjects } from './apply-objects';
import { Attempts, type Attempt } from './attempt';
import type { LimitHit, ProvisionLimits } from './deadline';
import { systemClock, type EngineClock } from './engine-clock';
import { prepareRetry } from './fresh-start';
import { recordNamespaceUid } from './ownership';
import { KeyedQueue, type PassOutcome } from './queue';
import { advanceSetup, setupRecorded } from './run-setup';
import { StepFailure } from './step-failure';
import { resolveStoreContext } from './store-context';
import { clusterAnswers, UNREACHABLE_RECHECK_MS, waitingForCluster } from './unreachable-pass';
import { StoreWatches } from './store-watch';
import type { StoreWriter } from './store-writer';
import type { StoreStrategy } from './strategies/strategy';
import { checkoutRecorded, verifyCheckoutStep } from './verify-checkout';
import { announceWaits, checkDeployments, type Waiting } from './wait-deployments';

export interface ReconcileDeps {
  stores: StoresRepo;
  settings: SettingsRepo;
  writer: StoreWriter;
  clientFor(context: string): KubeClient;
  isLocal(context: string): boolean;
  strategyFor(plan: Plan): StoreStrategy;
  /** Per-request timeout of the checkout check (tests shorten it). */
  checkoutRequestTimeoutMs?: number;
  /** What passes of one store remember between them (a cache; SQLite and the cluster are the truth). */
  attempts: Attempts;
  /** The stores' watch caches; their changes enqueue the store. */
  watches: StoreWatches;
  clock: EngineClock;
}

export type StoreOutcome = 'ready' | 'failed' | 'skipped' | 'aborted';

/** The two provisioning limits from the settings, in ms. */
export function provisionLimits(settings: SettingsRepo): ProvisionLimits {
  const { noProgressTimeoutMinutes, provisionTimeoutMinutes } = settings.get();
  return { noProgressMs: noProgressTimeoutMinutes * 60_000, overallMs: provisionTimeoutMinutes * 60_000 };
}

/** The pass's work is over (Ready, Failed, gone): its watch closes and its attempt is forgotten. */
function finish(deps: ReconcileDeps, id: string): PassOutcome {
  deps.watches.close(id);
  deps.attempts.end(id);
  return {};
}

function fail(deps: ReconcileDeps, id: string, failure: StepFailure): PassOutcome {
  deps.writer.event(id, failure.step, 'failed', failure.message);
  deps.writer.status(id, 'Failed', { errorStep: failure.step, errorMessage: failure.message });
  return finish(deps, id);
}

/** Waiting: fail if a limit ran out, else look again when the nearer one would (or on a change). */
function waitFor(deps: ReconcileDeps, attempt: Attempt, waiting: Waiting): PassOutcome {
  const now = deps.clock.now();
  const hit = attempt.deadline.hit(now);
  if (hit) throw timedOut(attempt, hit, waiting);
  // A quota refusal waited on only for a while is judged again when that while ends.
  const recheck = attempt.release.recheckInMs() ?? Number.POSITIVE_INFINITY;
  return { requeueAfterMs: Math.max(1, Math.min(attempt.deadline.dueInMs(now), recheck)) };
}

function timedOut(attempt: Attempt, hit: LimitHit, waiting: Waiting): StepFailure {
  const diagnosis = attempt.lastDiagnosis;
  const why = diagnosis ? `: ${diagnosis.message}` : '';
  return new StepFailure(
    diagnosis?.step ?? waiting.step,
    attempt.deadline.message(hit, waiting.what, why),
    'Timeout',
  );
}

/** Everything after the bookkeeping: returns null once the store is Ready, else what it waits for. */
async function advance(
  deps: ReconcileDeps,
  id: string,
  attempt: Attempt,
  signal: AbortSignal,
): Promise<Waiting | null> {
  const store = deps.stores.get(id);
  if (!store) throw new StepFailure('start', 'The store record disappeared');
  const strategy = deps.strategyFor(store.plan);
  let client: KubeClient;
  try {
    client = deps.clientFor(store.context);
  } catch (error) {
    throw new StepFailure(
      'start',
      `Cannot use cluster context "${store.context}": ${(error as Error).message}`,
      'NoContext',
    );
  }
  const { timeline } = attempt;
  const { ctx, generation } = await resolveStoreContext(
    client,
    deps.stores,
    store,
    deps.isLocal(store.context),
    timeline,
    signal,
  );
  if (!attempt.applied) {
    // The cache lists while the objects are applied: the first look is ready when they are.
    const firstClaim = !deps.stores.getDesired(id)?.desired.namespaceUid;
    const applied = await applyStoreObjects(
      client,
      strategy,
      ctx,
      timeline,
      signal,
      () => deps.watches.open(id, client, ctx.namespace),
      firstClaim,
    );
    recordNamespaceUid(deps.stores, id, applied.namespaceUid);
    const namespace = { metadata: { annotations: applied.annotations } };
    attempt.setupDone = setupRecorded(namespace);
    attempt.checkoutVerified = checkoutRecorded(namespace);
    attempt.applied = true;
  }

  const snapshot = deps.watches.open(id, client, ctx.namespace).snapshot();
  if (!snapshot)
    return attempt.freshStartDone || !attempt.retrying
      ? announceWaits(strategy, attempt)
      : { step: 'retry', what: `the first look at namespace ${ctx.namespace}` };
  if (attempt.progress.observe(snapshot)) attempt.deadline.progressed(deps.clock.now());

  const retry = await prepareRetry(client, ctx.namespace, snapshot, attempt, signal);
  if (retry) return retry;
  const deployments = checkDeployments(strategy, snapshot, attempt);
  if (deployments) return deployments;
  const setup = await advanceSetup(client, strategy, ctx, snapshot, attempt, signal);
  if (setup) return setup;
  attempt.lastDiagnosis = null;

  if (!attempt.checkoutVerified) {
    await verifyCheckoutStep(
      client,
      strategy,
      ctx,
      {
        enabled: deps.settings.get().verifyCheckout,
        generation,
        requestTimeoutMs: deps.checkoutRequestTimeoutMs,
        alreadyVerified: false,
        remainingMs: attempt.deadline.remainingMs(deps.clock.now()),
        pods: snapshot.pods,
      },
      timeline,
      signal,
    );
    attempt.checkoutVerified = true;
  }
  await attempt.setupRecording;
  if (signal.aborted) throw signal.reason;
  markReady(deps, id, strategy, ctx, timeline);
  return null;
}

function markReady(
  deps: ReconcileDeps,
  id: string,
  strategy: StoreStrategy,
  ctx: Parameters<StoreStrategy['urls']>[0],
  timeline: Attempt['timeline'],
): void {
  const { url, adminUrl } = strategy.urls(ctx);
  const current = deps.stores.get(id);
  if (!current) return;
  if (
    current.status === 'Ready' &&
    current.url === url &&
    current.adminUrl === adminUrl &&
    !current.errorStep
  )
    return;
  deps.writer.status(id, 'Ready', {
    url,
    adminUrl,
    errorStep: null,
    errorMessage: null,
    provisionedAt: current.provisionedAt ?? new Date().toISOString(),
  });
  timeline.note('ready', 'completed', `Store is ready at ${url}`);
}

/** One pass over a store; what the queue should do next. */
export async function reconcilePass(
  deps: ReconcileDeps,
  id: string,
  signal: AbortSignal,
): Promise<PassOutcome> {
  const store = deps.stores.get(id);
  if (!store || store.status === 'Failed' || store.status === 'Deleting') return finish(deps, id);
  let attempt: Attempt;
  try {
    const generation = deps.stores.getDesired(id)?.generation ?? 1;
    attempt = deps.attempts.for(store, generation, provisionLimits(deps.settings), deps.clock.now());
  } catch (error) {
    // A desired state that cannot be read would otherwise leave the store Queued forever.
    return fail(
      deps,
      id,
      new StepFailure('start', `Cannot read the store's settings: ${(error as Error).message}`),
    );
  }
  if (!attempt.drift && store.status !== 'Provisioning')
    deps.writer.status(id, 'Provisioning', { errorStep: null, errorMessage: null });

  try {
    const waiting = await advance(deps, id, attempt, signal);
    clusterAnswers(attempt, store.context, deps.clock.now());
    if (!waiting) return finish(deps, id);
    return waitFor(deps, attempt, waiting);
  } catch (error) {
    if (signal.aborted) throw error;
    if (error instanceof StepFailure) return fail(deps, id, error);
    // The cluster not answering is waited out, never a failure (nor charged to the limits).
    if (await waitingForCluster(error, deps.clientFor, store.context, attempt, deps.clock.now()))
      return { requeueAfterMs: UNREACHABLE_RECHECK_MS };
    clusterAnswers(attempt, store.context, deps.clock.now());
    const classified = classifyError(error);
    if (classified.kind === 'permanent') {
      const message =
        classified.status !== null ? classified.message : `Internal error: ${classified.message}`;
      return fail(deps, id, new StepFailure(attempt.timeline.current, message));
    }
    // Transient: the queue retries it with backoff, unless a limit ran out meanwhile.
    const hit = attempt.deadline.hit(deps.clock.now());
    if (hit) {
      const what = { step: attempt.timeline.current, what: 'the cluster' };
      const failure = timedOut(attempt, hit, what);
      return fail(
        deps,
        id,
        new StepFailure(
          failure.step,
          `${failure.message}; it kept failing: ${classified.message}`,
          'Timeout',
        ),
      );
    }
    throw error;
  }
}

/**
 * Runs one store to Ready or Failed outside an engine (a tool, a test): its own queue, watch
 * caches and attempt state, the same passes.
 */
export async function reconcileStore(
  deps: Omit<ReconcileDeps, 'attempts' | 'watches' | 'clock'> & { clock?: EngineClock },
  id: string,
  signal: AbortSignal,
): Promise<StoreOutcome> {
  const before = deps.stores.get(id);
  if (!before || before.status === 'Failed' || before.status === 'Deleting') return 'skipped';
  const clock = deps.clock ?? systemClock;
  let queue: KeyedQueue | null = null;
  const watches = new StoreWatches((key) => queue?.enqueue(key, { fromWatch: true }));
  const full: ReconcileDeps = {
    ...deps,
    clock,
    watches,
    attempts: new Attempts(deps.writer, { list: () => [] }, clock),
  };
  const ownQueue = new KeyedQueue({
    concurrency: () => 1,
    clock,
    worker: (key, passSignal) => reconcilePass(full, key, passSignal),
  });
  queue = ownQueue;
  const onAbort = () => void ownQueue.stop(signal.reason as Error);
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    ownQueue.enqueue(id);
    await ownQueue.idle(id);
  } finally {
    signal.removeEventListener('abort', onAbort);
    watches.closeAll();
  }
  if (signal.aborted) return 'aborted';
  const after = deps.stores.get(id);
  if (after?.status === 'Ready') return 'ready';
  return after?.status === 'Failed' ? 'failed' : 'aborted';
}
