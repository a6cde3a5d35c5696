// The setup Job: pinned to the node of the app's pod (its volume is ReadWriteOnce), created only
// when needed (Job specs are immutable: a failed one is deleted and awaited before it is made
// again; a running or finished one is kept), then awaited by watch until Complete. Success is
// recorded on the Namespace so a later pass skips setup after the Job's TTL removed it.
import type { KubeClient } from '../kube/client';
import type { ApiObject } from '../kube/kube-object';
import { KINDS } from '../kube/kinds';
import { appPodNode } from './app-node';
import { keepSetupLog } from './keep-setup-log';
import { SIDE_FIELD_MANAGERS } from '../kube/field-managers';
import { ANNOTATION } from './model/labels';
import { waitForGone, WaitTimeoutError } from '../kube/watch-wait';
import type { Deadline } from './deadline';
import { byName, jobState, podsOfJob, toObserved, type NamespaceSnapshot } from './observe';
import { Baseline } from './fresh-start';
import { isTerminating, QuotaRelease, withoutDepartedPods } from './graceful-deletion';
import { StepFailure } from './step-failure';
import type { Diagnosis, StoreContext, StoreStrategy } from './strategies/strategy';
import type { Timeline } from './store-writer';
import { watchNamespace } from './watch-namespace';

export const SETUP_COMPLETED_ANNOTATION = ANNOTATION.setupCompleted;
const LOG_TAIL_LINES = 20;

export async function setupAlreadyDone(
  client: KubeClient,
  ctx: StoreContext,
  signal: AbortSignal,
): Promise<boolean> {
  const namespace = await client.get(KINDS.Namespace, undefined, ctx.namespace, signal);
  return namespace?.metadata?.annotations?.[SETUP_COMPLETED_ANNOTATION] !== undefined;
}

async function markSetupDone(
  client: KubeClient,
  ctx: StoreContext,
  generation: number,
  signal: AbortSignal,
): Promise<void> {
  await client.apply(
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ctx.namespace, annotations: { [SETUP_COMPLETED_ANNOTATION]: String(generation) } },
    },
    { fieldManager: SIDE_FIELD_MANAGERS.setup, signal },
  );
}

type JobOutcome = { state: 'complete' } | { state: 'failed'; snapshot: NamespaceSnapshot };

async function awaitJob(
  client: KubeClient,
  strategy: StoreStrategy,
  ctx: StoreContext,
  deadline: Deadline,
  signal: AbortSignal,
  retrying: boolean,
): Promise<JobOutcome> {
  let latest: Diagnosis | null = null;
  const release = new QuotaRelease();
  // A retry: the earlier attempt's events (a refused or failed setup pod) are no evidence now.
  const baseline = new Baseline(retrying);
  try {
    return await watchNamespace<JobOutcome>(
      client,
      ctx.namespace,
      (snapshot) => {
        const state = jobState(byName(snapshot.jobs, strategy.setupJobName));
        if (state === 'complete') return { state };
        if (state === 'failed') return { state, snapshot };
        release.observe(snapshot);
        latest = release.soften(
          strategy.diagnose(toObserved(baseline.filter(withoutDepartedPods(snapshot)))),
        );
        if (latest?.terminal) throw new StepFailure(latest.step, latest.message, latest.cause);
        return undefined;
      },
      { timeoutMs: deadline.remainingMs(), signal, what: `job ${strategy.setupJobName}` },
    );
  } catch (error) {
    if (!(error instanceof WaitTimeoutError)) throw error;
    const diagnosis = latest as Diagnosis | null;
    const why = diagnosis ? `: ${diagnosis.message}` : '';
    throw new StepFailure(
      'setup',
      `timed out after ${deadline.describe()} waiting for the setup job ${strategy.setupJobName} to succeed${why}`,
      'Timeout',
    );
  }
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

async function startJob(
  client: KubeClient,
  strategy: StoreStrategy,
  ctx: StoreContext,
  existing: ApiObject | null,
  deadline: Deadline,
  signal: AbortSignal,
): Promise<string> {
  if (existing && (jobState(existing) === 'failed' || isTerminating(existing))) {
    // A Job already being deleted (its TTL deletes in the foreground: it lingers until its pods
    // are gone) cannot be replaced before it is gone either: the name is still taken.
    if (!isTerminating(existing))
      await client.remove(KINDS.Job, ctx.namespace, strategy.setupJobName, {
        propagationPolicy: 'Background',
        signal,
      });
    await waitForGone(client, KINDS.Job, ctx.namespace, strategy.setupJobName, {
      timeoutMs: deadline.remainingMs(),
      signal,
      what: `the failed setup job ${strategy.setupJobName} to be removed`,
    });
  }
  const node = await appPodNode(client, ctx.namespace, strategy.appDeployment, signal);
  await client.apply(strategy.setupJob(ctx, node), { signal });
  return node ? `Started the setup job on node ${node}` : 'Started the setup job';
}

/** Runs setup unless it already succeeded; resolves once it has. */
export async function runSetup(
  client: KubeClient,
  strategy: StoreStrategy,
  ctx: StoreContext,
  generation: number,
  timeline: Timeline,
  deadline: Deadline,
  signal: AbortSignal,
  /** A retry: only what changes after it began can fail setup. */
  retrying = false,
): Promise<void> {
  if (await setupAlreadyDone(client, ctx, signal)) return;
  await timeline.step('setup', strategy.setupMessage, async () => {
    const existing = await client.get(KINDS.Job, ctx.namespace, strategy.setupJobName, signal);
    let started = 'Setup job already running';
    if (jobState(existing ?? undefined) === 'complete') started = 'Setup job had already succeeded';
    else if (!existing || jobState(existing) === 'failed' || isTerminating(existing))
      started = await startJob(client, strategy, ctx, existing, deadline, signal);
    const outcome = await awaitJob(client, strategy, ctx, deadline, signal, retrying);
    await keepSetupLog(
      client,
      ctx.namespace,
      strategy.setupJobName,
      outcome.state === 'failed' ? 'failed' : 'complete',
      timeline,
      signal,
    );
    if (outcome.state === 'failed')
      throw await explainFailure(client, strategy, ctx, outcome.snapshot, signal);
    await markSetupDone(client, ctx, generation, signal);
    return { value: undefined, message: `${started}; setup completed`, notable: true };
  });
}
