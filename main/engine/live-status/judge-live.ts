// What is true of a Ready store now, from the objects the shared watches hold: Drifted when an
// object it needs is missing or was changed by hand, Degraded when a pod is not ready or keeps
// restarting, Ready otherwise. Pure, so every rule is unit-tested.
import type { LiveStatus } from '../../../preload/contract';
import type { ApiObject } from '../../kube/kube-object';
import { JOB_COMPONENT, LABEL } from '../model/labels';
import type { KubeObject } from '../../kube/kube-object';
import type { SignalEvent } from '../signals/workload-signals';
import { createReason, livenessReason, readinessReason } from './pod-signal-reason';

/** The kinds whose loss or change breaks a store, and which the observer watches. */
export const WATCHED_KINDS = ['Deployment', 'Service', 'Ingress', 'PersistentVolumeClaim', 'Pod'] as const;
export type WatchedKind = (typeof WATCHED_KINDS)[number];

export interface ExpectedObject {
  kind: WatchedKind;
  name: string;
  /** Deployments: the replica count the store is built with. */
  replicas?: number;
}

/** The objects of a store's desired set that the observer can check (Pods are judged, not expected). */
export function expectedObjects(desired: KubeObject[]): ExpectedObject[] {
  const out: ExpectedObject[] = [];
  for (const obj of desired) {
    if (obj.kind === 'Pod' || !(WATCHED_KINDS as readonly string[]).includes(obj.kind)) continue;
    const spec = obj.spec as { replicas?: unknown } | undefined;
    out.push({
      kind: obj.kind as WatchedKind,
      name: obj.metadata.name,
      ...(obj.kind === 'Deployment'
        ? { replicas: typeof spec?.replicas === 'number' ? spec.replicas : 1 }
        : {}),
    });
  }
  return out;
}

export interface ObservedNamespace {
  /** Objects of the store's namespace by kind (only those the watches carry). */
  byKind: Partial<Record<WatchedKind, ApiObject[]>>;
  /** Restarts seen since the observer started, per pod name (climbing restarts). */
  recentRestarts: Record<string, number>;
  /** Events of the namespace's unwell pods, when read (the kubelet's probe and create messages). */
  podEvents?: ApiObject[];
}

const JOB_COMPONENTS = new Set<string>([JOB_COMPONENT.setup, JOB_COMPONENT.passwordReset]);

interface ContainerStatus {
  name?: string;
  ready?: boolean;
  restartCount?: number;
  state?: { waiting?: { reason?: string; message?: string }; terminated?: { reason?: string } };
  lastState?: { terminated?: { reason?: string; exitCode?: number } };
}

function podProblem(pod: ApiObject, restartsSeen: number, events: SignalEvent[]): string | null {
  const name = pod.metadata?.name ?? 'pod';
  const containers = (pod.status?.containerStatuses ?? []) as ContainerStatus[];
  const waiting = containers.find((c) => c.state?.waiting?.reason)?.state?.waiting?.reason;
  const lastReason = containers.find((c) => c.lastState?.terminated?.reason)?.lastState?.terminated?.reason;
  const conditions = (pod.status?.conditions ?? []) as Array<{ type?: string; status?: string }>;
  const ready = conditions.some((c) => c.type === 'Ready' && c.status === 'True');
  if (!ready) {
    const created = createReason(pod, events);
    if (created) return `Pod ${name} ${created}`;
    const liveness = !waiting || waiting === 'CrashLoopBackOff' ? livenessReason(pod, events) : null;
    const probe = liveness ?? (waiting ? null : readinessReason(pod, events));
    const why = waiting ?? (pod.status?.phase as string | undefined) ?? 'not ready';
    if (probe) return `Pod ${name} is not ready (${waiting ? `${waiting}: ` : ''}${probe})`;
    return `Pod ${name} is not ready (${why})`;
  }
  if (restartsSeen > 0) {
    const times = restartsSeen === 1 ? 'once' : `${restartsSeen} times`;
    const why = livenessReason(pod, events) ?? lastReason;
    return `Pod ${name} restarted ${times} recently${why ? ` (${why})` : ''}`;
  }
  return null;
}

export function judgeLive(
  storeId: string,
  expected: ExpectedObject[],
  observed: ObservedNamespace,
  observedAt: string,
): LiveStatus {
  const find = (kind: WatchedKind, name: string) =>
    (observed.byKind[kind] ?? []).find((o) => o.metadata?.name === name && !o.metadata?.deletionTimestamp);

  const drifted: string[] = [];
  const reasons: string[] = [];
  for (const want of expected) {
    const found = find(want.kind, want.name);
    if (!found) {
      drifted.push(`${want.kind}/${want.name}`);
      reasons.push(`${want.kind} ${want.name} is missing`);
      continue;
    }
    const replicas = typeof found.spec?.replicas === 'number' ? (found.spec.replicas as number) : 1;
    if (want.kind === 'Deployment' && want.replicas !== undefined && replicas !== want.replicas) {
      drifted.push(`${want.kind}/${want.name}`);
      reasons.push(`Deployment ${want.name} was scaled to ${replicas} (the store needs ${want.replicas})`);
    }
  }
  if (drifted.length > 0)
    return { storeId, state: 'Drifted', reason: reasons.join('; '), drifted, observedAt };

  const problems: string[] = [];
  let atFault: string | null = null;
  for (const pod of observed.byKind.Pod ?? []) {
    if (pod.metadata?.deletionTimestamp) continue;
    if (JOB_COMPONENTS.has(pod.metadata?.labels?.[LABEL.component] ?? '')) continue;
    // A pod already replaced by a newer one (rollout) is not the store's problem.
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
    const problem = podProblem(
      pod,
      observed.recentRestarts[pod.metadata?.name ?? ''] ?? 0,
      (observed.podEvents ?? []) as SignalEvent[],
    );
    if (!problem) continue;
    problems.push(problem);
    atFault ??= pod.metadata?.name ?? null;
  }
  if (problems.length > 0)
    return {
      storeId,
      state: 'Degraded',
      reason: problems.join('; '),
      drifted: [],
      pod: atFault,
      observedAt,
    };
  return { storeId, state: 'Ready', reason: null, drifted: [], observedAt };
}

/** Same verdict (what a user would notice), ignoring when it was observed. */
export function sameLive(a: LiveStatus | undefined | null, b: LiveStatus): boolean {
  return (
    !!a &&
    a.state === b.state &&
    a.reason === b.reason &&
    a.drifted.join() === b.drifted.join() &&
    (a.pod ?? null) === (b.pod ?? null)
  );
}
