// Where the app's ReadWriteOnce volume is mounted right now: the node of its ready pod. Jobs that
// share that volume (setup, password reset) are pinned there.
import type { KubeClient } from '../kube/client';
import { KINDS } from '../kube/kinds';
import { readyPodNode, selectorOf } from './observe';

export async function appPodNode(
  client: KubeClient,
  namespace: string,
  deployment: string,
  signal?: AbortSignal,
): Promise<string | null> {
  const found = await client.get(KINDS.Deployment, namespace, deployment, signal);
  const selector = selectorOf(found ?? undefined);
  if (!selector) return null;
  const { items } = await client.list(KINDS.Pod, { namespace, labelSelector: selector }, signal);
  return readyPodNode(items);
}
