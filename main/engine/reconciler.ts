// One level-based pass for one store: read the desired store (SQLite row + strategy), apply it
// to the world, wait for it by watch, run setup once, and record what is observed. A second
// pass over a Ready store changes nothing unless something drifted, which it repairs.
// Transient API errors re-run the pass with backoff; only a diagnosis, a refusal from the
// cluster or the provisioning timeout marks the store Failed.
import type { Plan, StepId } from '../../preload/contract';
import type { KubeClient } from '../kube/client';
import { classifyError } from '../kube/errors';
import { abortableDelay, backoffDelay } from '../kube/retry';
import type { SettingsRepo } from '../state/settings.repo';
import type { StoresRepo } from '../state/stores.repo';
import { applyStoreObjects } from './apply-objects';
import { mayBeUnreachable, waitWhileClusterUnreachable } from './cluster-wait';
import { Deadline } from './deadline';
import { replaceStuckPodsAndWait } from './fresh-start-step';
import { QuotaRelease } from './graceful-deletion';
import { recordNamespaceUid } from './ownership';
import { runSetup } from './run-setup';
import { StepFailure } from './step-failure';
import { resolveStoreContext } from './store-context';
import { Timeline, type StoreWriter } from './store-writer';
import type { StoreStrategy } from './strategies/strategy';
import { verifyCheckoutStep } from './verify-checkout';
import { waitForDeployments } from './wait-deployments';

export interface ReconcileDeps {
  stores: StoresRepo;
  settings: SettingsRepo;
  writer: StoreWriter;
  clientFor(context: string): KubeClient;
  isLocal(context: string): boolean;
  strategyFor(plan: Plan): StoreStrategy;
  /** Per-request timeout of the checkout check (tests shorten it). */
  checkoutRequestTimeoutMs?: number;
}

export type PassOutcome = 'ready' | 'failed' | 'skipped' | 'aborted';

/** Safety bound on re-runs after transient errors; the deadline normally ends them first. */
const MAX_ATTEMPTS = 200;

async function onePass(
  deps: ReconcileDeps,
  id: string,
  timeline: Timeline,
  deadline: Deadline,
  retrying: boolean,
  signal: AbortSignal,
): Promise<void> {
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

  const { ctx, generation } = await resolveStoreContext(
    client,
    deps.stores,
    store,
    deps.isLocal(store.context),
    timeline,
    signal,
  );
  const { namespaceUid } = await applyStoreObjects(client, strategy, ctx, timeline, signal);
  recordNamespaceUid(deps.stores, id, namespaceUid);
  const release = new QuotaRelease();
  if (retrying) await replaceStuckPodsAndWait(client, ctx.namespace, timeline, deadline, signal, release);
  await waitForDeployments(client, strategy, ctx, timeline, deadline, signal, retrying, release);
  await runSetup(client, strategy, ctx, generation, timeline, deadline, signal, retrying);
  const checkout = {
    enabled: deps.settings.get().verifyCheckout,
    generation,
    requestTimeoutMs: deps.checkoutRequestTimeoutMs,
  };
  await verifyCheckoutStep(client, strategy, ctx, checkout, timeline, deadline, signal);
  if (signal.aborted) return;

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

function fail(
  deps: ReconcileDeps,
  id: string,
  timeline: Timeline,
  step: StepId,
  message: string,
): PassOutcome {
  timeline.failed(step, message);
  deps.writer.status(id, 'Failed', { errorStep: step, errorMessage: message });
  return 'failed';
}

/** Runs passes until the store is Ready or Failed, or the pass is aborted (deleted, stopping). */
export async function reconcileStore(
  deps: ReconcileDeps,
  id: string,
  signal: AbortSignal,
): Promise<PassOutcome> {
  const store = deps.stores.get(id);
  if (!store || store.status === 'Failed' || store.status === 'Deleting') return 'skipped';
  const drift = store.status === 'Ready';
  // Queued after a Failed attempt (retry bumped the generation): leftovers are not evidence.
  let retrying: boolean;
  try {
    retrying = store.status === 'Queued' && (deps.stores.getDesired(id)?.generation ?? 1) > 1;
  } catch (error) {
    // A desired state that cannot be read would otherwise leave the store Queued forever.
    return fail(
      deps,
      id,
      new Timeline(deps.writer, id, false),
      'start',
      `Cannot read the store's settings: ${(error as Error).message}`,
    );
  }
  const timeline = new Timeline(deps.writer, id, drift);
  const deadline = new Deadline(deps.settings.get().provisionTimeoutSeconds * 1000);
  if (!drift && store.status !== 'Provisioning')
    deps.writer.status(id, 'Provisioning', { errorStep: null, errorMessage: null });
  if (drift) timeline.current = 'reconcile';

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    try {
      await onePass(deps, id, timeline, deadline, retrying, signal);
      return signal.aborted ? 'aborted' : 'ready';
    } catch (error) {
      if (signal.aborted) return 'aborted';
      if (error instanceof StepFailure) return fail(deps, id, timeline, error.step, error.message);
      // The cluster not answering is waited out, never a failure (nor charged to the deadline).
      if (mayBeUnreachable(error)) {
        const waited = await waitWhileClusterUnreachable(deps.clientFor, store.context, timeline, signal);
        if (signal.aborted) return 'aborted';
        if (waited > 0) {
          deadline.extend(waited);
          continue;
        }
      }
      const classified = classifyError(error);
      if (classified.kind === 'permanent') {
        const message =
          classified.status !== null ? classified.message : `Internal error: ${classified.message}`;
        return fail(deps, id, timeline, timeline.current, message);
      }
      const delay = backoffDelay(Math.min(attempt, 6), classified.retryAfterMs);
      if (deadline.remainingMs() <= delay) {
        return fail(
          deps,
          id,
          timeline,
          timeline.current,
          `timed out after ${deadline.describe()}: the cluster kept failing (${classified.message})`,
        );
      }
      try {
        await abortableDelay(delay, signal);
      } catch {
        return 'aborted';
      }
    }
  }
  return fail(
    deps,
    id,
    timeline,
    timeline.current,
    `gave up after ${MAX_ATTEMPTS} attempts: the cluster kept failing`,
  );
}
