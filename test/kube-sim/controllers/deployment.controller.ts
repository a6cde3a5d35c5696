import type { KubeObject } from '../types.js';
import { fnv32a, KUBE_ALPHANUMS } from '../rng.js';
import { deploymentStatus, rollingParams } from './deployment-status.js';
import type { EventRecorder } from './events.js';
import { isOwnedBy, type Condition } from './meta.js';
import { createPodFromTemplate } from './pod-control.js';
import type { Runtime } from './runtime.js';
import { backoffMs } from './timings.js';
import { isTerminalPod } from './usage.js';

const DEPLOYMENT_CONTROLLER = { component: 'deployment-controller' };
const REPLICASET_CONTROLLER = { component: 'replicaset-controller' };

/** JSON with sorted keys, so equal templates hash equally whatever their key order. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** pod-template-hash as Kubernetes computes it: FNV-32a of the template, its decimal digits mapped through SafeEncodeString. */
export function podTemplateHash(template: unknown, collisionCount = 0): string {
  const h = fnv32a(`${stable(template)}${collisionCount ? `#${collisionCount}` : ''}`);
  return [...String(h)].map((ch) => KUBE_ALPHANUMS[ch.charCodeAt(0) % KUBE_ALPHANUMS.length]).join('');
}

const isReadyPod = (p: KubeObject): boolean =>
  ((p.status?.conditions ?? []) as Condition[]).some((c) => c.type === 'Ready' && c.status === 'True');

function readySince(p: KubeObject): number {
  const c = ((p.status?.conditions ?? []) as Condition[]).find(
    (x) => x.type === 'Ready' && x.status === 'True',
  );
  return c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : Number.POSITIVE_INFINITY;
}

/** Recreate's oldPodsRunning: an old pod counts until it is Succeeded/Failed or gone, even while terminating. */
const oldPodsStopping = (pods: KubeObject[], d: KubeObject, isNew: (p: KubeObject) => boolean): boolean =>
  pods.some((p) => isOwnedBy(p, d) && !isNew(p) && !isTerminalPod(p));

/**
 * The Deployment controller, ReplicaSet-free: pods named <deploy>-<hash>-<suffix> follow the
 * template hash; Recreate replaces all at once, RollingUpdate surges then removes old pods once
 * new ones are available; status and conditions follow the pods. Key: namespace/name.
 */
export function installDeploymentController(rt: Runtime, events: EventRecorder): void {
  const seenHashes = new Map<string, Set<string>>();
  const counters = new Map<string, number>();
  const failures = new Map<string, number>();
  const failureMessages = new Map<string, string>();
  // After a refused create, wait out the back-off unless the namespace's quotas changed meanwhile.
  const retryGate = new Map<string, { until: number; quotas: string }>();
  const quotaVersion = (ns: string): string =>
    [...rt.store.list('resourcequotas', ns), ...rt.store.list('limitranges', ns)]
      .map((q) => `${q.metadata.name}@${q.metadata.resourceVersion}`)
      .join(',');
  const lastProgress = new Map<string, number>();

  function createPod(d: KubeObject, hash: string): string | undefined {
    const ns = d.metadata.namespace as string;
    const id = `${ns}/${d.metadata.name}`;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const n = counters.get(id) ?? 0;
      counters.set(id, n + 1);
      const name = `${d.metadata.name}-${hash}-${rt.rngFor(`pod-name:${id}/${hash}/${n}`).suffix(5)}`;
      const outcome = createPodFromTemplate(
        rt,
        events,
        d,
        { name, generateName: `${d.metadata.name}-${hash}-`, extraLabels: { 'pod-template-hash': hash } },
        REPLICASET_CONTROLLER,
      );
      if (outcome === 'exists') continue;
      return outcome === 'created' ? undefined : outcome;
    }
    return undefined;
  }

  rt.register('deployment', (key) => {
    const [ns = '', name = ''] = key.split('/');
    const d = rt.store.get('deployments.apps', ns, name);
    if (!d) {
      seenHashes.delete(key);
      lastProgress.delete(key);
      return;
    }
    if (d.metadata.deletionTimestamp) return;
    const now = rt.clock.now();
    const desired = Number(d.spec?.replicas ?? 1);
    const hash = podTemplateHash(d.spec?.template ?? {}, Number(d.status?.collisionCount ?? 0));
    const rsName = `${name}-${hash}`;
    const minReadyMs = Number(d.spec?.minReadySeconds ?? 0) * 1000;
    const available = (p: KubeObject): boolean => isReadyPod(p) && readySince(p) + minReadyMs <= now;
    const owned = (): KubeObject[] =>
      rt.store.list('pods', ns).filter((p) => isOwnedBy(p, d) && !p.metadata.deletionTimestamp);
    for (const p of owned().filter(isTerminalPod)) rt.store.delete('pods', ns, p.metadata.name);
    let pods = owned();
    const hashes = seenHashes.get(key) ?? new Set<string>();
    seenHashes.set(key, hashes);
    const newRs = !hashes.has(hash);
    hashes.add(hash);
    const isNew = (p: KubeObject): boolean => p.metadata.labels?.['pod-template-hash'] === hash;
    const oldPods = pods.filter((p) => !isNew(p));
    let failure: string | undefined;
    const scaleEvent = (rs: string, from: number, to: number): void =>
      events.record(
        d,
        'Normal',
        'ScalingReplicaSet',
        `Scaled ${to > from ? 'up' : 'down'} replica set ${rs} from ${from} to ${to}`,
        DEPLOYMENT_CONTROLLER,
      );
    const deleteOld = (victims: KubeObject[]): void => {
      const byHash = new Map<string, number>();
      for (const v of victims)
        byHash.set(
          v.metadata.labels?.['pod-template-hash'] ?? '',
          (byHash.get(v.metadata.labels?.['pod-template-hash'] ?? '') ?? 0) + 1,
        );
      for (const [h, n] of byHash) {
        const had = oldPods.filter((p) => p.metadata.labels?.['pod-template-hash'] === h).length;
        scaleEvent(`${name}-${h}`, had, had - n);
      }
      for (const v of victims) rt.store.delete('pods', ns, v.metadata.name);
    };
    const scaleNewTo = (target: number): void => {
      const current = pods.filter(isNew);
      if (current.length > target) {
        const extra = [...current]
          .sort((a, b) => Number(isReadyPod(a)) - Number(isReadyPod(b)))
          .slice(0, current.length - target);
        scaleEvent(rsName, current.length, target);
        for (const p of extra) rt.store.delete('pods', ns, p.metadata.name);
        return;
      }
      if (current.length < target) scaleEvent(rsName, current.length, target);
      const gate = retryGate.get(key);
      if (gate && now < gate.until && gate.quotas === quotaVersion(ns)) return;
      for (let i = current.length; i < target && !failure; i += 1) failure = createPod(d, hash);
    };
    if (d.spec?.strategy?.type === 'Recreate') {
      // oldPodsRunning: the new pods wait until no old pod runs, terminating ones included.
      if (oldPods.length) deleteOld(oldPods);
      else if (!oldPodsStopping(rt.store.list('pods', ns), d, isNew)) scaleNewTo(desired);
    } else {
      const { maxSurge, maxUnavailable } = rollingParams(d, desired);
      const newCount = pods.filter(isNew).length;
      const target =
        newCount > desired
          ? desired
          : Math.min(desired, newCount + Math.max(0, desired + maxSurge - pods.length));
      scaleNewTo(target);
      pods = owned();
      const newUnavailable = pods.filter((p) => isNew(p) && !available(p)).length;
      const maxScaleDown = pods.length - (desired - maxUnavailable) - newUnavailable;
      const old = pods.filter((p) => !isNew(p)).sort((a, b) => Number(available(a)) - Number(available(b)));
      if (maxScaleDown > 0 && old.length) deleteOld(old.slice(0, maxScaleDown));
    }
    pods = owned();
    const counts = {
      replicas: pods.length,
      updated: pods.filter(isNew).length,
      ready: pods.filter(isReadyPod).length,
      available: pods.filter(available).length,
    };
    const prev = d.status ?? {};
    const progressed =
      newRs ||
      counts.updated !== Number(prev.updatedReplicas ?? 0) ||
      counts.ready !== Number(prev.readyReplicas ?? 0) ||
      counts.available !== Number(prev.availableReplicas ?? 0) ||
      counts.replicas !== Number(prev.replicas ?? 0);
    if (progressed || !lastProgress.has(key)) lastProgress.set(key, now);
    const deadlineMs = Number(d.spec?.progressDeadlineSeconds ?? 600) * 1000;
    const complete =
      counts.updated === desired && counts.replicas === desired && counts.available === desired;
    const timedOut = !complete && now - (lastProgress.get(key) as number) >= deadlineMs;
    if (failure) {
      failures.set(key, (failures.get(key) ?? 0) + 1);
      failureMessages.set(key, failure);
      retryGate.set(key, {
        until: now + backoffMs(rt.profile, failures.get(key) ?? 1),
        quotas: quotaVersion(ns),
      });
    } else if (counts.updated >= desired) {
      failures.delete(key);
      failureMessages.delete(key);
      retryGate.delete(key);
    }
    // Like the ReplicaSet's ReplicaFailure condition, the last create error stands until the pods are all there.
    const status = deploymentStatus({
      d,
      desired,
      counts,
      rsName,
      newRs,
      progressed,
      timedOut,
      failure: failureMessages.get(key),
      now,
    });
    if (JSON.stringify(status) !== JSON.stringify(prev))
      rt.store.updateStatus('deployments.apps', { ...d, status });
    // Look again: after a failed create (back-off), when a pod becomes available (minReadySeconds), at the deadline.
    const wakeups: number[] = [];
    const gate = retryGate.get(key);
    if (gate && gate.until > now) wakeups.push(gate.until - now);
    if (minReadyMs > 0)
      for (const p of pods.filter((x) => isReadyPod(x) && !available(x)))
        wakeups.push(readySince(p) + minReadyMs - now);
    if (!complete && !timedOut) wakeups.push((lastProgress.get(key) as number) + deadlineMs - now);
    const next = Math.min(...wakeups.filter((w) => w > 0));
    return Number.isFinite(next) ? next : undefined;
  });
}
