// Finds which IngressClass stores should use and where its controller runs, from the cluster
// itself: k3s ships Traefik in kube-system, Kind setups often run ingress-nginx or Traefik in
// their own namespace, so no namespace is ever assumed.
import type { KubeClient } from './client';
import type { ApiObject } from './kube-object';
import { KINDS } from './kinds';

export type IngressControllerKind = 'traefik' | 'nginx' | 'other';

export interface IngressDetection {
  /** The IngressClass to use, or null when the cluster has none. */
  className: string | null;
  /** The class's spec.controller, e.g. "traefik.io/ingress-controller". */
  controller: string;
  kind: IngressControllerKind;
  /** Namespace of the controller's pods; null when none were found. */
  controllerNamespace: string | null;
  /** The label its pods were found by, e.g. { "app.kubernetes.io/name": "traefik" }. */
  controllerPodLabels?: Record<string, string>;
  /** Plain-language reason the cluster cannot serve store ingresses yet, or null. */
  problem: string | null;
}

export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

const CONTROLLER_KINDS: Array<{ match: RegExp; kind: IngressControllerKind; podLabels: string[] }> = [
  {
    match: /^traefik\.io\/ingress-controller$/,
    kind: 'traefik',
    podLabels: ['app.kubernetes.io/name=traefik', 'app=traefik'],
  },
  {
    match: /^k8s\.io\/ingress-nginx$/,
    kind: 'nginx',
    podLabels: [
      'app.kubernetes.io/name=ingress-nginx',
      'app.kubernetes.io/name=rke2-ingress-nginx',
      'app=ingress-nginx',
    ],
  },
];

export function controllerKind(controller: string): IngressControllerKind {
  return CONTROLLER_KINDS.find((c) => c.match.test(controller))?.kind ?? 'other';
}

/** The default class (annotation "true"), else the only class, else null with the reason. */
export function pickIngressClass(classes: ApiObject[]): { chosen: ApiObject | null; problem: string | null } {
  const defaults = classes.filter((c) => c.metadata?.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true');
  if (defaults.length === 1) return { chosen: defaults[0] ?? null, problem: null };
  if (defaults.length > 1) {
    const names = defaults.map((c) => c.metadata?.name).join(', ');
    return {
      chosen: null,
      problem: `Several IngressClasses are marked default (${names}); keep one default so stores know which to use.`,
    };
  }
  if (classes.length === 1) return { chosen: classes[0] ?? null, problem: null };
  if (classes.length === 0) {
    return {
      chosen: null,
      problem:
        'The cluster has no IngressClass: install an ingress controller (for example Traefik) so stores can be reached.',
    };
  }
  const names = classes.map((c) => c.metadata?.name).join(', ');
  return {
    chosen: null,
    problem: `The cluster has several IngressClasses (${names}) and none is the default; mark one with ${DEFAULT_CLASS_ANNOTATION}: "true".`,
  };
}

function namespaceOfRunningPods(pods: ApiObject[]): string | null {
  const running = pods.find((p) => p.status?.phase === 'Running') ?? pods[0];
  return running?.metadata?.namespace ?? null;
}

export async function detectIngress(client: KubeClient, signal?: AbortSignal): Promise<IngressDetection> {
  const { items: classes } = await client.list(KINDS.IngressClass, {}, signal);
  const { chosen, problem } = pickIngressClass(classes);
  if (!chosen) return { className: null, controller: '', kind: 'other', controllerNamespace: null, problem };

  const className = chosen.metadata?.name ?? null;
  const controller = String(chosen.spec?.controller ?? '');
  const kind = controllerKind(controller);
  const labels = CONTROLLER_KINDS.find((c) => c.kind === kind)?.podLabels ?? [];
  // Both well-known families are searched: a class's controller string is sometimes custom.
  const searchOrder = [
    ...labels,
    ...CONTROLLER_KINDS.flatMap((c) => c.podLabels).filter((l) => !labels.includes(l)),
  ];
  for (const labelSelector of searchOrder) {
    const { items } = await client.list(KINDS.Pod, { labelSelector }, signal);
    const namespace = namespaceOfRunningPods(items);
    const [key = '', value = ''] = labelSelector.split('=');
    if (namespace)
      return {
        className,
        controller,
        kind,
        controllerNamespace: namespace,
        controllerPodLabels: { [key]: value },
        problem: null,
      };
  }
  return {
    className,
    controller,
    kind,
    controllerNamespace: null,
    problem: `Found IngressClass "${className}" (controller ${controller || 'unknown'}) but no pods of its controller; looked for ${searchOrder.join(', ')} in every namespace.`,
  };
}

// The store URL rule lives with the slug rule, where the create dialog previews it too.
export { storeHost, storeOrigin } from '../../preload/store-address';

/** How long one detection answers for every store of the context (a burst of creates shares one). */
export const DETECTION_REUSE_MS = 60_000;
const recent = new WeakMap<KubeClient, { at: number; detection: Promise<IngressDetection> }>();

/**
 * detectIngress, shared by the stores of one context: concurrent calls share one look, and a
 * controller found is reused for DETECTION_REUSE_MS (two cluster-wide lists per store otherwise,
 * for a fact that changes when someone reinstalls the controller). A look that found none, or
 * failed, is not kept: the next store looks again.
 */
export async function detectIngressShared(
  client: KubeClient,
  signal?: AbortSignal,
  now: () => number = Date.now,
): Promise<IngressDetection> {
  const kept = recent.get(client);
  if (kept && now() - kept.at < DETECTION_REUSE_MS) return abortable(kept.detection, signal);
  const detection = detectIngress(client);
  const entry = { at: now(), detection };
  recent.set(client, entry);
  detection.then(
    (found) => {
      if (found.problem || !found.controllerNamespace) forget(client, entry);
    },
    () => forget(client, entry),
  );
  return abortable(detection, signal);
}

function forget(client: KubeClient, entry: object): void {
  if (recent.get(client) === entry) recent.delete(client);
}

/** The shared look goes on for the others when one caller's pass is aborted. */
function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
