// Installs Traefik from our own manifests with our own client (server-side apply, so a second
// run repairs rather than fails) and waits, by watch, until its Deployment is available. Pod
// states along the way are reported, so a slow image pull reads as progress, not a hang.
import type { KubeClient } from '../client';
import type { ApiObject } from '../kube-object';
import { KINDS } from '../kinds';
import { watchUntil } from '../watch-wait';
import { TRAEFIK, traefikManifests } from './traefik-manifests';

const INGRESS_READY_TIMEOUT_MS = 5 * 60_000;

export interface InstallIngressOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  onLine?: (line: string) => void;
}

function available(deployment: ApiObject | undefined): boolean {
  if (!deployment) return false;
  const generation = deployment.metadata?.generation ?? 0;
  const status = deployment.status ?? {};
  if ((status.observedGeneration ?? 0) < generation) return false;
  const condition = (status.conditions ?? []).find((c: { type: string }) => c.type === 'Available');
  return condition?.status === 'True' && (status.availableReplicas ?? 0) >= 1;
}

/** "traefik-5d4…: Pending (Unschedulable: 0/1 nodes…)" — the one line that says where a pod is. */
function describePod(pod: ApiObject): string {
  const name = pod.metadata?.name ?? 'pod';
  const waiting = (pod.status?.containerStatuses ?? [])
    .map((c: { state?: { waiting?: { reason?: string; message?: string } } }) => c.state?.waiting)
    .find(Boolean);
  if (waiting?.reason) return `${name}: ${waiting.reason}${waiting.message ? ` (${waiting.message})` : ''}`;
  const unscheduled = (pod.status?.conditions ?? []).find(
    (c: { type: string; status: string }) => c.type === 'PodScheduled' && c.status === 'False',
  );
  if (unscheduled) return `${name}: not scheduled (${unscheduled.message ?? unscheduled.reason})`;
  const ready = (pod.status?.conditions ?? []).some(
    (c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True',
  );
  return `${name}: ${pod.status?.phase ?? 'Pending'}${ready ? ', ready' : ''}`;
}

export async function installIngress(client: KubeClient, options: InstallIngressOptions = {}): Promise<void> {
  const say = options.onLine ?? (() => {});
  for (const object of traefikManifests()) {
    const where = object.metadata.namespace ? `${object.metadata.namespace}/` : '';
    say(`Applying ${object.kind} ${where}${object.metadata.name}`);
    await client.apply(object, { signal: options.signal });
  }
  say(`Waiting for Traefik (${TRAEFIK.image}) to become ready`);
  let last = '';
  await watchUntil(
    client,
    {
      deployment: { kind: KINDS.Deployment, scope: { namespace: TRAEFIK.namespace, name: TRAEFIK.name } },
      pods: {
        kind: KINDS.Pod,
        scope: { namespace: TRAEFIK.namespace, labelSelector: 'app.kubernetes.io/name=traefik' },
      },
    },
    ({ deployment, pods }) => {
      const line = pods.map(describePod).join('; ');
      if (line && line !== last) say((last = line));
      return available(deployment[0]) ? true : undefined;
    },
    {
      timeoutMs: options.timeoutMs ?? INGRESS_READY_TIMEOUT_MS,
      signal: options.signal,
      what: 'the Traefik ingress controller to become ready',
    },
  );
  say(`Traefik is ready; IngressClass "${TRAEFIK.ingressClass}" is the cluster default`);
}
