// Pure mapping from API objects (wire shape) to the contract's health view, so the numbers
// the Health tab shows are unit-tested without a cluster.
import type { StoreHealth } from '../../../preload/contract';
import type { ApiObject } from '../../kube/kube-object';
import { LABEL } from '../model/labels';

type PodHealth = StoreHealth['pods'][number];
type ContainerHealth = PodHealth['containers'][number];
type PvcHealth = StoreHealth['pvcs'][number];
type Amounts = ContainerHealth['requests'];

interface ContainerSpec {
  name?: string;
  image?: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

interface ContainerStatus {
  name?: string;
  image?: string;
  ready?: boolean;
  restartCount?: number;
  state?: { running?: unknown; waiting?: { reason?: string }; terminated?: { reason?: string } };
}

const amounts = (values: Record<string, string> | undefined): Amounts => ({
  cpu: values?.cpu ?? null,
  memory: values?.memory ?? null,
});

function containerState(status: ContainerStatus | undefined): { state: string; reason: string | null } {
  const state = status?.state;
  if (state?.running) return { state: 'running', reason: null };
  if (state?.terminated) return { state: 'terminated', reason: state.terminated.reason ?? null };
  // No status yet means the kubelet has not started it: waiting, like kubectl shows it.
  return { state: 'waiting', reason: state?.waiting?.reason ?? null };
}

function containerHealth(spec: ContainerSpec, status: ContainerStatus | undefined): ContainerHealth {
  return {
    name: spec.name ?? status?.name ?? '',
    image: spec.image ?? status?.image ?? '',
    ready: status?.ready === true,
    restarts: status?.restartCount ?? 0,
    ...containerState(status),
    requests: amounts(spec.resources?.requests),
    limits: amounts(spec.resources?.limits),
  };
}

export function podHealth(pod: ApiObject, now: Date): PodHealth {
  const spec = (pod.spec ?? {}) as { containers?: ContainerSpec[]; nodeName?: string };
  const status = (pod.status ?? {}) as {
    phase?: string;
    startTime?: string;
    conditions?: Array<{ type?: string; status?: string }>;
    containerStatuses?: ContainerStatus[];
  };
  const statuses = status.containerStatuses ?? [];
  const containers = (spec.containers ?? []).map((c) =>
    containerHealth(
      c,
      statuses.find((s) => s.name === c.name),
    ),
  );
  const phase = status.phase ?? 'Pending';
  const started = status.startTime ? Date.parse(status.startTime) : Number.NaN;
  // Uptime only means something while the pod runs; a finished job pod has none.
  const uptime =
    phase === 'Running' && !Number.isNaN(started)
      ? Math.max(0, Math.floor((now.getTime() - started) / 1000))
      : null;
  return {
    name: pod.metadata?.name ?? '',
    component: pod.metadata?.labels?.[LABEL.component] ?? null,
    phase: pod.metadata?.deletionTimestamp ? 'Terminating' : phase,
    ready: (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
    restarts: containers.reduce((sum, c) => sum + c.restarts, 0),
    startedAt: status.startTime ?? null,
    uptimeSeconds: uptime,
    node: spec.nodeName ?? null,
    containers,
  };
}

export function pvcHealth(pvc: ApiObject): PvcHealth {
  const spec = (pvc.spec ?? {}) as {
    storageClassName?: string;
    resources?: { requests?: { storage?: string } };
  };
  const status = (pvc.status ?? {}) as { phase?: string; capacity?: { storage?: string } };
  return {
    name: pvc.metadata?.name ?? '',
    phase: status.phase ?? 'Pending',
    // Until bound there is no capacity; the requested size is what the user asked for.
    capacity: status.capacity?.storage ?? spec.resources?.requests?.storage ?? null,
    storageClass: spec.storageClassName ?? null,
  };
}

export function quotaHealth(quota: ApiObject | undefined): StoreHealth['quota'] {
  if (!quota) return null;
  const spec = (quota.spec ?? {}) as { hard?: Record<string, string> };
  const status = (quota.status ?? {}) as { hard?: Record<string, string>; used?: Record<string, string> };
  return { hard: { ...(status.hard ?? spec.hard ?? {}) }, used: { ...(status.used ?? {}) } };
}

const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name);

export function storeHealth(
  input: {
    pods: ApiObject[];
    pvcs: ApiObject[];
    quotas: ApiObject[];
    quotaName: string;
    /** The plan's components (strategy.components), in its order. */
    components?: ReadonlyArray<{ name: string; label: string }>;
  },
  now: Date,
): StoreHealth {
  const quota = input.quotas.find((q) => q.metadata?.name === input.quotaName) ?? input.quotas[0];
  const pods = input.pods.map((p) => podHealth(p, now)).sort(byName);
  return {
    components: componentHealth(input.components ?? [], pods),
    pods,
    pvcs: input.pvcs.map(pvcHealth).sort(byName),
    quota: quotaHealth(quota),
    observedAt: now.toISOString(),
  };
}

/** The plan's components in its order, each with how many of its pods are ready. */
function componentHealth(
  components: ReadonlyArray<{ name: string; label: string }>,
  pods: readonly PodHealth[],
): StoreHealth['components'] {
  return components.map(({ name, label }) => {
    const own = pods.filter((p) => p.component === name && p.phase !== 'Terminating');
    return { name, label, pods: own.length, ready: own.filter((p) => p.ready).length };
  });
}
