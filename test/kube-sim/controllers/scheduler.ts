import type { KubeObject } from '../types.js';
import type { EventRecorder } from './events.js';
import {
  isoSeconds,
  matchesSelector,
  removeCondition,
  setCondition,
  type Condition,
  type LabelSelector,
} from './meta.js';
import {
  NO_PROVISIONER,
  SELECTED_NODE,
  claimsOf,
  isWaitForFirstConsumer,
  storageClassOf,
} from './pvc.controller.js';
import type { Runtime } from './runtime.js';
import type { SimNode } from './nodes.js';
import { isTerminalPod } from './usage.js';

export { DEFAULT_NODE_NAMES, SIM_NODES, simNodes, type SimNode } from './nodes.js';

const SCHEDULER = { component: 'default-scheduler' };

interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}
interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}
interface PodAffinityTerm {
  labelSelector?: LabelSelector;
  namespaces?: string[];
  topologyKey: string;
}

function requirementMatches(req: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
      return value !== undefined && Number(value) > Number(values[0]);
    case 'Lt':
      return value !== undefined && Number(value) < Number(values[0]);
    default:
      return false;
  }
}

const termMatches = (term: NodeSelectorTerm, n: SimNode): boolean =>
  (term.matchExpressions ?? []).every((r) => requirementMatches(r, n.labels[r.key])) &&
  (term.matchFields ?? []).every((r) =>
    requirementMatches(r, r.key === 'metadata.name' ? n.name : undefined),
  );

function fitsNodeAffinity(pod: KubeObject, n: SimNode): boolean {
  for (const [k, v] of Object.entries((pod.spec?.nodeSelector ?? {}) as Record<string, string>))
    if (n.labels[k] !== v) return false;
  const terms = (pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
    ?.nodeSelectorTerms ?? []) as NodeSelectorTerm[];
  return terms.length === 0 || terms.some((t) => termMatches(t, n));
}

function preferredWeight(pod: KubeObject, n: SimNode): number {
  const prefs = (pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ??
    []) as Array<{ weight: number; preference: NodeSelectorTerm }>;
  return prefs.reduce((w, p) => (termMatches(p.preference, n) ? w + p.weight : w), 0);
}

const scheduledPods = (rt: Runtime): KubeObject[] =>
  rt.store.list('pods').filter((p) => p.spec?.nodeName && !isTerminalPod(p) && !p.metadata.deletionTimestamp);

function podsMatching(pods: KubeObject[], pod: KubeObject, term: PodAffinityTerm): KubeObject[] {
  const namespaces = term.namespaces?.length ? term.namespaces : [pod.metadata.namespace];
  return pods.filter(
    (p) =>
      p.metadata.uid !== pod.metadata.uid &&
      namespaces.includes(p.metadata.namespace) &&
      matchesSelector(term.labelSelector, p.metadata.labels),
  );
}

/** Required pod (anti-)affinity; only kubernetes.io/hostname separates the sim's nodes (one zone). */
function fitsPodAffinity(
  pod: KubeObject,
  n: SimNode,
  pods: KubeObject[],
): { affinity: boolean; anti: boolean } {
  const affinity = (pod.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ??
    []) as PodAffinityTerm[];
  const anti = (pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ??
    []) as PodAffinityTerm[];
  const onNode = (p: KubeObject, t: PodAffinityTerm): boolean =>
    t.topologyKey !== 'kubernetes.io/hostname' || p.spec?.nodeName === n.name;
  const okAffinity = affinity.every((t) => {
    const matching = podsMatching(pods, pod, t);
    // The first pod of a group that matches its own term may go anywhere (as in kube-scheduler).
    if (!matching.length) return matchesSelector(t.labelSelector, pod.metadata.labels);
    return matching.some((p) => onNode(p, t));
  });
  const okAnti = anti.every((t) => !podsMatching(pods, pod, t).some((p) => onNode(p, t)));
  return { affinity: okAffinity, anti: okAnti };
}

const preemption = (total: number): string =>
  `preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`;

function unschedulable(rt: Runtime, events: EventRecorder, pod: KubeObject, detail: string): void {
  const total = rt.nodes.length;
  const message = `0/${total} nodes are available: ${detail}. ${preemption(total)}`;
  const now = isoSeconds(rt.clock.now());
  const conditions = setCondition(
    pod.status?.conditions as Condition[],
    { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastProbeTime: null },
    now,
  );
  if (JSON.stringify(conditions) !== JSON.stringify(pod.status?.conditions ?? [])) {
    rt.store.updateStatus('pods', {
      ...pod,
      status: { ...(pod.status ?? {}), phase: 'Pending', conditions },
    });
  }
  events.record(pod, 'Warning', 'FailedScheduling', message, SCHEDULER);
}

/**
 * One scheduling attempt for a pod without spec.nodeName. Returns true once the pod is bound.
 * Pods wait (without a verdict) while the WaitForFirstConsumer claims of their chosen node provision.
 */
export function schedulePod(rt: Runtime, events: EventRecorder, pod: KubeObject): boolean {
  const namespace = pod.metadata.namespace as string;
  const refuse = (detail: string): false => {
    unschedulable(rt, events, pod, detail);
    return false;
  };
  const volumeNodes = new Set<string>();
  const toProvision: KubeObject[] = [];
  for (const claim of claimsOf(pod)) {
    const pvc = rt.store.get('persistentvolumeclaims', namespace, claim);
    if (!pvc) return refuse(`persistentvolumeclaim "${claim}" not found`);
    if (pvc.metadata.deletionTimestamp) return refuse(`persistentvolumeclaim "${claim}" is being deleted`);
    const sc = storageClassOf(rt, pvc);
    const selected = pvc.metadata.annotations?.[SELECTED_NODE];
    if (pvc.status?.phase === 'Bound') {
      if (isWaitForFirstConsumer(sc) && selected) volumeNodes.add(selected);
      continue;
    }
    if (!isWaitForFirstConsumer(sc)) return refuse('pod has unbound immediate PersistentVolumeClaims');
    if (String(sc?.provisioner) === NO_PROVISIONER)
      return refuse(`${rt.nodes.length} node(s) didn't find available persistent volumes to bind`);
    if (selected) volumeNodes.add(selected);
    toProvision.push(pvc);
  }
  const pods = scheduledPods(rt);
  const reasons = new Map<string, number>();
  const fail = (why: string): false => {
    reasons.set(why, (reasons.get(why) ?? 0) + 1);
    return false;
  };
  const labelled = rt.nodes.map((n) => ({ ...n, labels: { ...n.labels, ...rt.nodeLabels[n.name] } }));
  const candidates = labelled.filter((n) => {
    if (!fitsNodeAffinity(pod, n)) return fail("node(s) didn't match Pod's node affinity/selector");
    if ([...volumeNodes].some((v) => v !== n.name)) return fail('node(s) had volume node affinity conflict');
    const fit = fitsPodAffinity(pod, n, pods);
    if (!fit.affinity) return fail("node(s) didn't match pod affinity rules");
    if (!fit.anti) return fail("node(s) didn't match pod anti-affinity rules");
    return true;
  });
  if (!candidates.length)
    return refuse(
      [...reasons]
        .map(([why, n]) => `${n} ${why}`)
        .sort()
        .join(', '),
    );
  // Least-loaded node first (kube-scheduler spreads), preferred node affinity outweighing it; ties by name.
  const load = (n: SimNode): number => pods.filter((p) => p.spec?.nodeName === n.name).length;
  const chosen = [...candidates].sort(
    (a, b) => preferredWeight(pod, b) - preferredWeight(pod, a) || load(a) - load(b),
  )[0] as SimNode;
  let waiting = false;
  for (const pvc of toProvision) {
    waiting = true;
    if (pvc.metadata.annotations?.[SELECTED_NODE]) continue;
    rt.store.update('persistentvolumeclaims', {
      ...pvc,
      metadata: {
        ...pvc.metadata,
        annotations: { ...(pvc.metadata.annotations ?? {}), [SELECTED_NODE]: chosen.name },
      },
    });
  }
  if (waiting) return false;
  const bound = rt.store.update('pods', { ...pod, spec: { ...pod.spec, nodeName: chosen.name } });
  const now = isoSeconds(rt.clock.now());
  const conditions = setCondition(
    removeCondition(bound.status?.conditions as Condition[], 'PodScheduled'),
    { type: 'PodScheduled', status: 'True', lastProbeTime: null },
    now,
  );
  rt.store.updateStatus('pods', { ...bound, status: { ...(bound.status ?? {}), conditions } });
  events.record(
    bound,
    'Normal',
    'Scheduled',
    `Successfully assigned ${namespace}/${pod.metadata.name} to ${chosen.name}`,
    SCHEDULER,
  );
  return true;
}
