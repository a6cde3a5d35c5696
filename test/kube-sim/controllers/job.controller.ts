import type { KubeObject } from '../types.js';
import type { EventRecorder } from './events.js';
import { createPodFromTemplate } from './pod-control.js';
import { findCondition, isOwnedBy, isoSeconds, setCondition, type Condition } from './meta.js';
import type { Runtime } from './runtime.js';
import { backoffMs } from './timings.js';

const JOB_CONTROLLER = { component: 'job-controller' };
// The Job controller's pod back-off caps at 6 minutes (kubelet's at 5).
const JOB_BACKOFF_CAP_MS = 360_000;

const isTrue = (conditions: unknown, type: string): boolean =>
  findCondition(conditions as Condition[], type)?.status === 'True';
const restartsOf = (p: KubeObject): number =>
  ((p.status?.containerStatuses ?? []) as Array<{ restartCount?: number }>).reduce(
    (n, c) => n + (c.restartCount ?? 0),
    0,
  );
const isFinishedPod = (p: KubeObject): boolean =>
  p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
/** The Job controller's isPodFailed: Failed, or deleted before it succeeded (it may never get to Failed). */
const isFailedPod = (p: KubeObject): boolean =>
  p.status?.phase === 'Failed' || (!!p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded');
const isReadyPod = (p: KubeObject): boolean =>
  ((p.status?.conditions ?? []) as Condition[]).some((c) => c.type === 'Ready' && c.status === 'True');

interface Tally {
  succeeded: Set<string>;
  failed: Set<string>;
  lastFailureAt: number;
  finishedAt?: number;
  created: number;
}

/**
 * The Job controller (batch/v1 of Kubernetes ≥ 1.31): pods <job>-<suffix> run to completion;
 * each failed pod counts, a replacement comes after a back-off, past backoffLimit the Job gets
 * FailureTarget then Failed (BackoffLimitExceeded); success adds SuccessCriteriaMet then
 * Complete; ttlSecondsAfterFinished deletes the finished Job (its pods follow). Key: namespace/name.
 */
export function installJobController(rt: Runtime, events: EventRecorder): void {
  const tallies = new Map<string, Tally>();

  rt.register('job', (key) => {
    const [ns = '', name = ''] = key.split('/');
    const job = rt.store.get('jobs.batch', ns, name);
    if (!job || job.metadata.deletionTimestamp) {
      if (!job) tallies.delete(key);
      return;
    }
    const now = rt.clock.now();
    const stamp = isoSeconds(now);
    const status = structuredClone(job.status ?? {}) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const tally = tallies.get(key) ?? {
      succeeded: new Set(),
      failed: new Set(),
      lastFailureAt: 0,
      created: 0,
    };
    tallies.set(key, tally);
    const pods = rt.store.list('pods', ns).filter((p) => isOwnedBy(p, job));
    for (const p of pods) {
      if (p.status?.phase === 'Succeeded') tally.succeeded.add(p.metadata.uid as string);
      if (isFailedPod(p) && !tally.failed.has(p.metadata.uid as string)) {
        tally.failed.add(p.metadata.uid as string);
        tally.lastFailureAt = now;
      }
    }
    // Terminating pods are not active: with podReplacementPolicy TerminatingOrFailed (the
    // default) the Job replaces them without waiting for them to be gone.
    const active = pods.filter((p) => !isFinishedPod(p) && !p.metadata.deletionTimestamp);
    const succeeded = Math.max(tally.succeeded.size, Number(status.succeeded ?? 0));
    const failed = Math.max(tally.failed.size, Number(status.failed ?? 0));
    const completions = Number(job.spec?.completions ?? 1);
    const parallelism = Number(job.spec?.parallelism ?? 1);
    const backoffLimit = Number(job.spec?.backoffLimit ?? 6);
    const onFailure = job.spec?.template?.spec?.restartPolicy === 'OnFailure';
    status.startTime ??= stamp;
    let conditions = (status.conditions ?? []) as Condition[];
    const cond = (type: string, reason: string, message: string): void => {
      conditions = setCondition(
        conditions,
        { type, status: 'True', reason, message, lastProbeTime: stamp },
        stamp,
      );
    };
    let requeue: number | undefined;

    const finished = isTrue(conditions, 'Complete') || isTrue(conditions, 'Failed');
    if (!finished) {
      const failureTarget = isTrue(conditions, 'FailureTarget');
      const successTarget = isTrue(conditions, 'SuccessCriteriaMet');
      const deadline =
        job.spec?.activeDeadlineSeconds !== undefined
          ? Date.parse(status.startTime) + Number(job.spec.activeDeadlineSeconds) * 1000
          : undefined;
      const restarts = active.reduce((n, p) => n + restartsOf(p), 0);
      if (!failureTarget && !successTarget) {
        if (
          failed > backoffLimit ||
          (onFailure && (backoffLimit === 0 ? restarts > 0 : restarts >= backoffLimit))
        ) {
          cond('FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit');
          events.record(
            job,
            'Warning',
            'BackoffLimitExceeded',
            'Job has reached the specified backoff limit',
            JOB_CONTROLLER,
          );
        } else if (deadline !== undefined && now >= deadline) {
          cond('FailureTarget', 'DeadlineExceeded', 'Job was active longer than specified deadline');
          events.record(
            job,
            'Warning',
            'DeadlineExceeded',
            'Job was active longer than specified deadline',
            JOB_CONTROLLER,
          );
        } else if (succeeded >= completions) {
          cond('SuccessCriteriaMet', 'CompletionsReached', 'Reached expected number of succeeded pods');
        }
      }
      if (isTrue(conditions, 'FailureTarget')) {
        // Terminated by the controller: the active pods are deleted and counted as failed; the
        // Failed condition waits until none of them is still terminating (Kubernetes ≥ 1.31).
        for (const p of active) {
          rt.store.delete('pods', ns, p.metadata.name);
          tally.failed.add(p.metadata.uid as string);
        }
        const reason = findCondition(conditions, 'FailureTarget') as Condition;
        const stopping = rt.store.list('pods', ns).some((p) => isOwnedBy(p, job) && !isFinishedPod(p));
        if (!stopping) {
          cond('Failed', reason.reason as string, reason.message as string);
          tally.finishedAt = now;
        }
      } else if (isTrue(conditions, 'SuccessCriteriaMet')) {
        if (!pods.some((p) => !isFinishedPod(p))) {
          cond('Complete', 'CompletionsReached', 'Reached expected number of succeeded pods');
          status.completionTime = stamp;
          tally.finishedAt = now;
          events.record(job, 'Normal', 'Completed', 'Job completed', JOB_CONTROLLER);
        }
      } else {
        const want = Math.min(parallelism, completions - succeeded) - active.length;
        const retryAt =
          failed > 0
            ? tally.lastFailureAt + Math.min(JOB_BACKOFF_CAP_MS, backoffMs(rt.profile, failed))
            : now;
        if (want > 0 && now < retryAt) requeue = retryAt - now;
        for (let i = 0; i < want && now >= retryAt; i += 1) {
          const created = createPod(job, tally);
          if (created !== true) {
            requeue = backoffMs(rt.profile, 1);
            break;
          }
        }
        if (deadline !== undefined) requeue = Math.min(requeue ?? Number.POSITIVE_INFINITY, deadline - now);
      }
    }

    const livePods = rt.store.list('pods', ns).filter((p) => isOwnedBy(p, job));
    const stillActive = livePods.filter((p) => !isFinishedPod(p) && !p.metadata.deletionTimestamp);
    const terminating = livePods.filter((p) => !isFinishedPod(p) && p.metadata.deletionTimestamp).length;
    const next: Record<string, unknown> = {
      ...(conditions.length ? { conditions } : {}),
      startTime: status.startTime,
      ...(status.completionTime ? { completionTime: status.completionTime } : {}),
      ...(stillActive.length ? { active: stillActive.length } : {}),
      ...(Math.max(tally.succeeded.size, succeeded)
        ? { succeeded: Math.max(tally.succeeded.size, succeeded) }
        : {}),
      ...(Math.max(tally.failed.size, failed) ? { failed: Math.max(tally.failed.size, failed) } : {}),
      ready: stillActive.filter(isReadyPod).length,
      terminating,
      uncountedTerminatedPods: {},
    };
    if (JSON.stringify(next) !== JSON.stringify(job.status ?? {}))
      rt.store.updateStatus('jobs.batch', { ...job, status: next });

    const ttl = job.spec?.ttlSecondsAfterFinished;
    const doneAt =
      tally.finishedAt ?? (isTrue(conditions, 'Complete') || isTrue(conditions, 'Failed') ? now : undefined);
    if (ttl !== undefined && ttl !== null && doneAt !== undefined) {
      tally.finishedAt = doneAt;
      const expireAt = doneAt + Number(ttl) * 1000;
      if (now >= expireAt) {
        // The TTL-after-finished controller deletes in the Foreground, with a uid precondition:
        // the Job lingers with a deletionTimestamp and foregroundDeletion until its pods are gone.
        rt.store.delete('jobs.batch', ns, name, { propagationPolicy: 'Foreground', uid: job.metadata.uid });
        return undefined;
      }
      return expireAt - now;
    }
    return requeue;
  });

  function createPod(job: KubeObject, tally: Tally): true | string {
    const ns = job.metadata.namespace as string;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const name = `${job.metadata.name}-${rt.rngFor(`job-pod:${ns}/${job.metadata.name}/${job.metadata.uid}/${tally.created}`).suffix(5)}`;
      tally.created += 1;
      const outcome = createPodFromTemplate(
        rt,
        events,
        job,
        { name, generateName: `${job.metadata.name}-` },
        JOB_CONTROLLER,
      );
      if (outcome === 'exists') continue;
      return outcome === 'created' ? true : outcome;
    }
    return 'could not find a free pod name';
  }
}
