// Where the checkout check's requests go: a Ready pod the check's Service selects, on the pod
// port the Service's named port targets. That is what the Service's endpoints hold (and what the
// Ingress reaches), read from the store's watch cache rather than asked of the API server.
import { KubeError } from '../kube/errors';
import type { ApiObject, KubeObject } from '../kube/kube-object';

export interface CheckoutEndpoint {
  pod: string;
  port: number;
}

interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
}

interface ContainerPort {
  name?: string;
  containerPort: number;
}

const isReady = (pod: ApiObject): boolean =>
  !pod.metadata?.deletionTimestamp &&
  ((pod.status?.conditions ?? []) as Array<{ type?: string; status?: string }>).some(
    (c) => c.type === 'Ready' && c.status === 'True',
  );

function selects(selector: Record<string, string>, pod: ApiObject): boolean {
  const labels = pod.metadata?.labels ?? {};
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

/** The pod's port number a Service targetPort (number, or a container port's name) names. */
function podPort(pod: ApiObject, target: number | string): number | null {
  if (typeof target === 'number') return target;
  const containers = (pod.spec?.containers ?? []) as Array<{ ports?: ContainerPort[] }>;
  for (const container of containers)
    for (const port of container.ports ?? []) if (port.name === target) return port.containerPort;
  return null;
}

export function checkoutEndpoint(
  service: KubeObject | undefined,
  portName: string,
  pods: ApiObject[],
): CheckoutEndpoint {
  if (!service) throw new Error(`the plan's checkout check names a Service the plan does not build`);
  const name = service.metadata.name;
  const spec = (service.spec ?? {}) as { ports?: ServicePort[]; selector?: Record<string, string> };
  const ports = spec.ports ?? [];
  const servicePort = ports.find((p) => p.name === portName || String(p.port) === portName);
  if (!servicePort) throw new Error(`Service ${name} has no port "${portName}" for the checkout check`);
  const selector = spec.selector ?? {};
  // Sorted by name: the same pod for every request of one check, and for a retry.
  const ready = pods
    .filter((pod) => selects(selector, pod) && isReady(pod))
    .sort((a, b) => String(a.metadata?.name).localeCompare(String(b.metadata?.name)));
  const pod = ready[0];
  // A pod restarting between Ready and this step: worth another pass (a Service would answer 503).
  if (!pod?.metadata?.name)
    throw new KubeError({
      kind: 'transient',
      status: 503,
      reason: 'ServiceUnavailable',
      message: `no Ready pod behind Service ${name} to place the test order with`,
      retryAfterMs: null,
    });
  const port = podPort(pod, servicePort.targetPort ?? servicePort.port);
  if (port === null)
    throw new Error(`pod ${pod.metadata.name} has no port named "${String(servicePort.targetPort)}"`);
  return { pod: pod.metadata.name, port };
}
