// The setup Job, advanced one look at a time from the store's watch cache: pinned to the node of
// the app's pod (its volume is ReadWriteOnce), created only when needed (Job specs are immutable:
// a failed one left by an earlier attempt is deleted, and made again once it is gone; a running
// or finished one is kept), done once Complete. Success is recorded on the Namespace, so a later
// pass skips setup after the Job's TTL removed it.
import type { KubeClient } from '../kube/client';
import type { ApiObject } from '../kube/kube-object';
import { KINDS } from '../kube/kinds';
import { SIDE_FIELD_MANAGERS } from '../kube/field-managers';
import type { Attempt } from './attempt';
import { keepSetupLog } from './keep-setup-log';
import { ANNOTATION } from './model/labels';
import { markNamespace, namespaceMarked } from './namespace-marks';
import { byName, jobState, podsOfJob, readyPodNode, toObserved, type NamespaceSnapshot } from './observe';
import { withoutDepartedPods } from './graceful-deletion';
import { StepFailure } from './step-failure';
import type { StoreContext, StoreStrategy } from './strategies/strategy';
import type { Waiting } from './wait-deployments';

export const SETUP_COMPLETED_ANNOTATION = ANNOTATION.setupCompleted;
const LOG_TAIL_LINES = 20;

/** Whether the Namespace (as read when the attempt claimed it) says setup already succeeded. */
export function setupRecorded(namespace: ApiObject | null): boolean {
  return namespaceMarked(namespace, SETUP_COMPLETED_ANNOTATION);
}

/** The node of the app Deployment's ready pod, from the cache (where the RWO volume is mounted). */
export function appNodeIn(snapshot: NamespaceSnapshot, deployment: string): string | null {
  const labels = byName(snapshot.deployments, deployment)?.spec?.selector?.matchLabels as
    Record<string, string> | undefined;
  if (!labels || Object.keys(labels).length === 0) return null;
  const pods = snapshot.pods.filter((pod) =>
    Object.entries(labels).every(([key, value]) => pod.metadata?.labels?.[key] === value),
  );
  return readyPodNode(pods);
}

async function explainFailure(
  client: KubeClient,
  strategy: StoreStrategy,
  ctx: StoreContext,
  snapshot: NamespaceSnapshot,
  signal: AbortSignal,
): Promise<StepFailure> {
  const pod = podsOfJob(snapshot.pods, strategy.setupJobName)[0];
  const name = pod?.metadata?.name;
  const tail = name ? await client.logTail(ctx.namespace, name, LOG_TAIL_LINES, undefined, signal) : [];
  const diagnosis = strategy.diagnose(toObserved(snapshot, tail));
  if (diagnosis) return new StepFailure(diagnosis.step, diagnosis.message, diagnosis.cause);
  const lastLines = tail.length > 0 ? `; last log lines:\n${tail.slice(-5).join('\n')}` : '';
  return new StepFailure('setup', `The setup job ${strategy.setupJobName} failed${lastLines}`, 'JobFailed');
}

/**
 * The Job this attempt launched, seen by the cache only as deleted after it completed: under
 * load a Job can run, finish and meet its TTL between two passes of its store, and waiting for
 * it to show up would then wait forever.
 */
function finishedOursMeanwhile(
  snapshot: NamespaceSnapshot,
  name: string,
  attempt: Attempt,
): ApiObject | undefined {
  if (!attempt.setupLaunched) return undefined;
  const last = byName(snapshot.departedJobs ?? [], name);
  return jobState(last) === 'complete' ? last : undefined;
}

/** One look at setup: null once it has succeeded (recorded), else what the pass waits for. */
export async function advanceSetup(
  client: KubeClient,
  strategy: StoreStrategy,
  ctx: StoreContext,
  snapshot: NamespaceSnapshot,
  attempt: Attempt,
  signal: AbortSignal,
): Promise<Waiting | null> {
  if (attempt.setupDone) return null;
  const { timeline } = attempt;
  const name = strategy.setupJobName;
  const job = byName(snapshot.jobs, name) ?? finishedOursMeanwhile(snapshot, name, attempt);
  const state = jobState(job);
  const removing = Boolean(job?.metadata?.deletionTimestamp);
  if (job) attempt.setupSeen = true;
  if (attempt.setupAnnounced === null) {
    timeline.note('setup', 'started', strategy.setupMessage);
    attempt.setupAnnounced =
      state === 'complete'
        ? 'Setup job had already succeeded'
        : state === 'running' && !removing
          ? 'Setup job already running'
          : '';
  }
  timeline.current = 'setup';
  const waiting: Waiting = { step: 'setup', what: `the setup job ${name} to succeed` };

  // Complete wins over terminating: a finished Job its TTL is deleting still says setup succeeded.
  if (state === 'complete') {
    // Recorded alongside the next steps, not before them: the checkout starts the moment setup
    // is done (the records begin once this pass has yielded). Both are awaited before Ready; a
    // record that failed is made again on the next pass.
    attempt.setupRecording = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      const logs = keepSetupLog(
        client,
        ctx.namespace,
        name,
        'complete',
        timeline,
        signal,
        snapshot.pods,
      ).catch(() => 0);
      const recorded = markNamespace(
        client,
        {
          namespace: ctx.namespace,
          annotation: SETUP_COMPLETED_ANNOTATION,
          generation: attempt.generation,
          fieldManager: SIDE_FIELD_MANAGERS.setup,
        },
        signal,
      ).catch((error: unknown) => {
        attempt.setupDone = false;
        throw error;
      });
      await Promise.all([logs, recorded]);
    });
    attempt.setupRecording.catch(() => undefined);
    attempt.setupDone = true;
    timeline.completed('setup', `${attempt.setupAnnounced || 'Setup job ran'}; setup completed`, true);
    return null;
  }
  // A Job being deleted (a failed one we removed, or its TTL's foreground deletion) holds the name.
  if (removing) return { ...waiting, what: `the setup job ${name} being deleted to be gone` };
  if (state === 'failed') {
    if (attempt.setupLaunched) {
      await keepSetupLog(client, ctx.namespace, name, 'failed', timeline, signal, snapshot.pods);
      throw await explainFailure(client, strategy, ctx, snapshot, signal);
    }
    // Left failed by an earlier attempt: Job specs are immutable, so it goes and is made again.
    if (!attempt.setupJobRemoval) {
      attempt.setupJobRemoval = true;
      await client.remove(KINDS.Job, ctx.namespace, name, { propagationPolicy: 'Background', signal });
    }
    return { ...waiting, what: `the failed setup job ${name} to be removed` };
  }
  if (state === 'absent') {
    // Just created: the cache has not caught up yet (applying again could pick another node).
    if (attempt.setupLaunched && !attempt.setupSeen) return waiting;
    const node = appNodeIn(snapshot, strategy.appDeployment);
    await client.apply(strategy.setupJob(ctx, node), { signal });
    attempt.setupLaunched = true;
    attempt.setupSeen = false;
    if (!attempt.setupAnnounced)
      attempt.setupAnnounced = node ? `Started the setup job on node ${node}` : 'Started the setup job';
    return waiting;
  }
  // Running: ours now, whoever started it (a killed process, or this attempt).
  attempt.setupLaunched = true;
  attempt.release.observe(snapshot);
  // A retry: the earlier attempt's events (a refused or failed setup pod) are no evidence now.
  const current = attempt.setupBaseline.filter(withoutDepartedPods(snapshot));
  const diagnosis = attempt.release.soften(strategy.diagnose(toObserved(current)));
  attempt.lastDiagnosis = diagnosis;
  if (diagnosis?.terminal) throw new StepFailure(diagnosis.step, diagnosis.message, diagnosis.cause);
  return waiting;
}
