// What the kubelet and the volume provisioner say about a pod or claim that does not come up,
// read from the objects and events they write (pkg/kubelet/prober, kuberuntime, the external
// provisioner). Plan-neutral and pure: each plan's diagnosis and the live status put these
// facts into plain words. Every field is optional, so an unusual object never throws.

export interface SignalEvent {
  reason?: string;
  message?: string;
  type?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string };
  involvedObject?: { kind?: string; name?: string; fieldPath?: string };
}

interface Named {
  metadata?: { name?: string; annotations?: Record<string, string> };
}

/** The annotation the scheduler sets on a WaitForFirstConsumer claim once it picked a node. */
export const SELECTED_NODE = 'volume.kubernetes.io/selected-node';

/** How many times an event was reported (client-go folds repeats into count or a series). */
export const timesOf = (e: SignalEvent): number => Math.max(1, e.series?.count ?? e.count ?? 1);

const stamp = (s?: string | null): number => (s ? Date.parse(s) : Number.NaN);
const lastOf = (e: SignalEvent): number =>
  stamp(e.lastTimestamp ?? e.series?.lastObservedTime ?? e.eventTime ?? e.firstTimestamp);

/** Seconds between an event's first and last report (0 when unknown). */
export function spanSeconds(e: SignalEvent): number {
  const from = stamp(e.firstTimestamp ?? e.eventTime);
  const to = lastOf(e);
  return Number.isFinite(from) && Number.isFinite(to) ? Math.max(0, (to - from) / 1000) : 0;
}

/** Events about one object, most recent first. */
export function eventsAbout(events: SignalEvent[], kind: string, name: string | undefined): SignalEvent[] {
  return events
    .filter((e) => e.involvedObject?.kind === kind && e.involvedObject.name === name)
    .sort((a, b) => (lastOf(b) || 0) - (lastOf(a) || 0));
}

export interface ProvisioningFailure {
  /** The node the scheduler chose for the claim's first pod. */
  node: string;
  /** The provisioner's own words. */
  message: string;
  attempts: number;
}

/**
 * A WaitForFirstConsumer claim whose node is chosen (so its pod waits for it) and whose
 * provisioner reports ProvisioningFailed: the pod will not start until the volume exists.
 */
export function provisioningFailure(pvc: Named, events: SignalEvent[]): ProvisioningFailure | null {
  const node = pvc.metadata?.annotations?.[SELECTED_NODE];
  if (!node) return null;
  const failed = eventsAbout(events, 'PersistentVolumeClaim', pvc.metadata?.name).find(
    (e) => e.reason === 'ProvisioningFailed',
  );
  if (!failed) return null;
  return { node, message: (failed.message ?? 'ProvisioningFailed').trim(), attempts: timesOf(failed) };
}

export type ProbeKind = 'Readiness' | 'Liveness' | 'Startup';

export interface ProbeFailure {
  probe: ProbeKind;
  /** The prober's output after "<Kind> probe failed: " (an HTTP status, a refused dial…). */
  detail: string;
  times: number;
  seconds: number;
  container?: string;
}

const PROBE_MESSAGE = /^(Readiness|Liveness|Startup) probe (?:failed|errored): ?([\s\S]*)$/;
const containerOf = (e: SignalEvent): string | undefined =>
  /\{([^}]+)\}/.exec(e.involvedObject?.fieldPath ?? '')?.[1];

/** The pod's most recent failing probe of the given kinds, from its Unhealthy events. */
export function probeFailure(
  pod: Named,
  events: SignalEvent[],
  kinds: ProbeKind[] = ['Readiness', 'Startup', 'Liveness'],
): ProbeFailure | null {
  for (const e of eventsAbout(events, 'Pod', pod.metadata?.name)) {
    if (e.reason !== 'Unhealthy') continue;
    const m = PROBE_MESSAGE.exec((e.message ?? '').trim());
    if (!m || !kinds.includes(m[1] as ProbeKind)) continue;
    const container = containerOf(e);
    return {
      probe: m[1] as ProbeKind,
      detail: (m[2] ?? '').trim(),
      times: timesOf(e),
      seconds: spanSeconds(e),
      ...(container ? { container } : {}),
    };
  }
  return null;
}

/** Whether the kubelet has killed a container of this pod for failing its liveness probe. */
export function killedByLiveness(pod: Named, events: SignalEvent[], container?: string): boolean {
  return eventsAbout(events, 'Pod', pod.metadata?.name).some(
    (e) =>
      e.reason === 'Killing' &&
      /failed liveness probe/.test(e.message ?? '') &&
      (!container || !containerOf(e) || containerOf(e) === container),
  );
}

export type CreateFailureKind = 'missing-config' | 'security' | 'config' | 'runtime';

export interface CreateFailure {
  kind: CreateFailureKind;
  reason: 'CreateContainerConfigError' | 'CreateContainerError';
  message: string;
  /** How often the kubelet tried (its "Error: <message>" Failed event), at least 1. */
  attempts: number;
}

/**
 * A container the kubelet cannot create: CreateContainerConfigError is its own check of the
 * spec against the cluster (a Secret or ConfigMap or key missing, runAsNonRoot against the
 * image's user); CreateContainerError is the runtime refusing (containerd's own message).
 */
export function createFailure(
  pod: Named,
  waiting: { reason?: string; message?: string } | undefined,
  events: SignalEvent[],
): CreateFailure | null {
  const reason = waiting?.reason;
  if (reason !== 'CreateContainerConfigError' && reason !== 'CreateContainerError') return null;
  const message = (waiting?.message ?? reason).trim();
  const tried = eventsAbout(events, 'Pod', pod.metadata?.name).find(
    (e) => e.reason === 'Failed' && (e.message ?? '').trim() === `Error: ${message}`,
  );
  const kind: CreateFailureKind =
    reason === 'CreateContainerError'
      ? 'runtime'
      : /not found|couldn't find key/.test(message)
        ? 'missing-config'
        : /runAsNonRoot|non-root|runAsUser/.test(message)
          ? 'security'
          : 'config';
  return { kind, reason, message, attempts: tried ? timesOf(tried) : 1 };
}
