// Where the app's ReadWriteOnce volume is mounted right now: the node of its ready pod. Jobs that
// share that volume (setup, password reset) are pinned there.
import type { KubeClient } from '../kube/client';
import { KINDS } from '../kube/kinds';
import type { ApiObject } from '../kube/kube-object';
import { readyPod, selectorOf } from './observe';

/** The deployment's ready pod right now (where exec-based tools run), if there is one. */
export async function appPod(
  client: KubeClient,
  namespace: string,
  deployment: string,
  signal?: AbortSignal,
): Promise<ApiObject | undefined> {
  const found = await client.get(KINDS.Deployment, namespace, deployment, signal);
  const selector = selectorOf(found ?? undefined);
  if (!selector) return undefined;
  const { items } = await client.list(KINDS.Pod, { namespace, labelSelector: selector }, signal);
  return readyPod(items);
}

export async function appPodNode(
  client: KubeClient,
  namespace: string,
  deployment: string,
  signal?: AbortSignal,
): Promise<string | null> {
  const pod = await appPod(client, namespace, deployment, signal);
  return pod ? String(pod.spec.nodeName) : null;
}
