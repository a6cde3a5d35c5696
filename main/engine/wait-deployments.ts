// Waits (by watch) until every Deployment setup depends on is Available, diagnosing the namespace
// on every change so a terminal problem (image pull, quota, missing StorageClass) fails the store
// at once instead of at the timeout.
import { waitStep } from '../../preload/contract';
import type { KubeClient } from '../kube/client';
import { WaitTimeoutError } from '../kube/watch-wait';
import type { Deadline } from './deadline';
import { byName, isDeploymentAvailable, podsOfJob, toObserved, type NamespaceSnapshot } from './observe';
import { Baseline } from './fresh-start';
import { QuotaRelease, withoutDepartedPods } from './graceful-deletion';
import { StepFailure } from './step-failure';
import type { Diagnosis, StoreContext, StoreStrategy } from './strategies/strategy';
import type { Timeline } from './store-writer';
import { watchNamespace } from './watch-namespace';

/** Before setup runs, a setup Job left failed by an earlier attempt (kept until its TTL) is history, not a cause. */
function withoutSetupJob(snapshot: NamespaceSnapshot, setupJobName: string): NamespaceSnapshot {
  const jobPods = new Set(podsOfJob(snapshot.pods, setupJobName));
  return {
    ...snapshot,
    jobs: snapshot.jobs.filter((job) => job.metadata?.name !== setupJobName),
    pods: snapshot.pods.filter((pod) => !jobPods.has(pod)),
  };
}

export async function waitForDeployments(
  client: KubeClient,
  strategy: StoreStrategy,
  ctx: StoreContext,
  timeline: Timeline,
  deadline: Deadline,
  signal: AbortSignal,
  /** A retry: only what changes after it began can fail it. */
  retrying = false,
  /** Softens quota refusals while pods terminate (shared with the retry's fresh start). */
  release = new QuotaRelease(),
): Promise<void> {
  const names = [...strategy.awaitedDeployments];
  const baseline = new Baseline(retrying);
  const done = new Set<string>();
  let latest: Diagnosis | null = null;
  for (const name of names)
    timeline.note(waitStep(name), 'started', `Waiting for ${name} to become available`);

  try {
    await watchNamespace(
      client,
      ctx.namespace,
      (snapshot) => {
        for (const name of names) {
          if (done.has(name) || !isDeploymentAvailable(byName(snapshot.deployments, name))) continue;
          done.add(name);
          timeline.note(waitStep(name), 'completed', `${name} is available`);
        }
        if (done.size === names.length) return true;
        release.observe(snapshot);
        const current = withoutDepartedPods(withoutSetupJob(snapshot, strategy.setupJobName));
        latest = release.soften(strategy.diagnose(toObserved(baseline.filter(current))));
        if (latest?.terminal) throw new StepFailure(latest.step, latest.message, latest.cause);
        return undefined;
      },
      { timeoutMs: deadline.remainingMs(), signal, what: `deployments ${names.join(', ')}` },
    );
  } catch (error) {
    if (!(error instanceof WaitTimeoutError)) throw error;
    const pending = names.filter((name) => !done.has(name));
    const diagnosis = latest as Diagnosis | null;
    const why = diagnosis ? `: ${diagnosis.message}` : '';
    throw new StepFailure(
      diagnosis?.step ?? waitStep(pending[0] ?? names[0] ?? 'deployments'),
      `timed out after ${deadline.describe()} waiting for ${pending.join(' and ')} to become available${why}`,
      'Timeout',
    );
  }
}
