// The Deployments setup depends on, looked at once per pass in the store's watch cache: each one
// that became available is recorded, and while some are not, the namespace is diagnosed, so a
// terminal problem (image pull, quota, missing StorageClass) fails the store at once instead of
// at a timeout. Never blocks: the pass returns and the next watch event brings it back.
import { waitStep } from '../../preload/contract';
import type { Attempt } from './attempt';
import { byName, isDeploymentAvailable, podsOfJob, toObserved, type NamespaceSnapshot } from './observe';
import { withoutDepartedPods } from './graceful-deletion';
import { StepFailure } from './step-failure';
import type { StoreStrategy } from './strategies/strategy';

/** What a pass still waits for: the words of a timeout message and the step it belongs to. */
export interface Waiting {
  step: Attempt['timeline']['current'];
  what: string;
}

/** Before setup runs, a setup Job left failed by an earlier attempt (kept until its TTL) is history, not a cause. */
function withoutSetupJob(snapshot: NamespaceSnapshot, setupJobName: string): NamespaceSnapshot {
  const jobPods = new Set(podsOfJob(snapshot.pods, setupJobName));
  return {
    ...snapshot,
    jobs: snapshot.jobs.filter((job) => job.metadata?.name !== setupJobName),
    pods: snapshot.pods.filter((pod) => !jobPods.has(pod)),
  };
}

/** Writes each wait's "started" once per attempt; returns the first wait (the step a timeout names). */
export function announceWaits(strategy: StoreStrategy, attempt: Attempt): Waiting {
  const names = [...strategy.awaitedDeployments];
  if (!attempt.waitsAnnounced) {
    attempt.waitsAnnounced = true;
    // The limits are named where the wait begins, so a slow first store says how long it may take.
    const limits = attempt.deadline.describeLimits();
    for (const name of names)
      attempt.timeline.note(
        waitStep(name),
        'started',
        `Waiting for ${name} to become available (the store ${limits})`,
      );
  }
  const pending = names.filter((name) => !attempt.available.has(name));
  return {
    step: waitStep(pending[0] ?? names[0] ?? 'deployments'),
    what: `${pending.join(' and ')} to become available`,
  };
}

/** null once every awaited Deployment is available; otherwise what is still awaited. */
export function checkDeployments(
  strategy: StoreStrategy,
  snapshot: NamespaceSnapshot,
  attempt: Attempt,
): Waiting | null {
  const names = [...strategy.awaitedDeployments];
  const { timeline } = attempt;
  announceWaits(strategy, attempt);
  for (const name of names) {
    if (attempt.available.has(name) || !isDeploymentAvailable(byName(snapshot.deployments, name))) continue;
    attempt.available.add(name);
    timeline.note(waitStep(name), 'completed', `${name} is available`);
  }
  const pending = names.filter((name) => !attempt.available.has(name));
  if (pending.length === 0) return null;
  attempt.release.observe(snapshot);
  const current = withoutDepartedPods(withoutSetupJob(snapshot, strategy.setupJobName));
  const diagnosis = attempt.release.soften(strategy.diagnose(toObserved(attempt.baseline.filter(current))));
  attempt.lastDiagnosis = diagnosis;
  if (diagnosis?.terminal) throw new StepFailure(diagnosis.step, diagnosis.message, diagnosis.cause);
  return {
    step: diagnosis?.step ?? waitStep(pending[0] ?? names[0] ?? 'deployments'),
    what: `${pending.join(' and ')} to become available`,
  };
}
