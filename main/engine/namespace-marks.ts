// Facts a pass records on the store's Namespace (setup done, checkout verified): an annotation
// holding the generation that achieved it, written with the step's own field manager so the
// store's apply never removes it. Read back from the Namespace the attempt claimed.
import type { KubeClient } from '../kube/client';
import type { ApiObject } from '../kube/kube-object';

export function namespaceMarked(namespace: ApiObject | null, annotation: string): boolean {
  return namespace?.metadata?.annotations?.[annotation] !== undefined;
}

export async function markNamespace(
  client: KubeClient,
  mark: { namespace: string; annotation: string; generation: number; fieldManager: string },
  signal: AbortSignal,
): Promise<void> {
  await client.apply(
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: mark.namespace, annotations: { [mark.annotation]: String(mark.generation) } },
    },
    { fieldManager: mark.fieldManager, signal },
  );
}
