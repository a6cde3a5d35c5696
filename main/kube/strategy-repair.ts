// A Deployment someone switched to RollingUpdate by hand carries the rollingUpdate block the
// apiserver defaulted, owned by their field manager. Forcing `type: Recreate` back with
// server-side apply keeps that block (it is not ours), and the result is invalid: 422 on every
// pass. kubectl's answer is a strategic merge patch with `$retainKeys: [type]`, which drops every
// other key of the strategy; after it the apply goes through.
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import type { KubeClient } from './client';
import type { ApiObject, KubeObject } from './kube-object';
import { classifyError } from './errors';

const FIELD = 'spec.strategy.rollingUpdate';

/** The 422 a Recreate apply gets while a hand edit's rollingUpdate is still there. */
function isStrandedRollingUpdate(error: unknown): boolean {
  const info = classifyError(error);
  if (info.status !== 422) return false;
  const causes = (error as { body?: unknown }).body;
  const text = typeof causes === 'string' ? causes : JSON.stringify(causes ?? '');
  return text.includes(FIELD) || info.message.includes(FIELD);
}

export async function applyRepairingStrategy(
  client: KubeClient,
  obj: KubeObject,
  signal?: AbortSignal,
): Promise<ApiObject> {
  try {
    return await client.apply(obj, { signal });
  } catch (error) {
    const strategy = (obj.spec as { strategy?: { type?: string } } | undefined)?.strategy;
    if (obj.kind !== 'Deployment' || strategy?.type !== 'Recreate' || !isStrandedRollingUpdate(error))
      throw error;
    // Through the typed call: its body goes out as given (the generic one drops `$` keys).
    await client.call(
      () =>
        client.apps.patchNamespacedDeployment(
          {
            name: obj.metadata.name,
            namespace: obj.metadata.namespace ?? '',
            body: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
          },
          setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
        ),
      signal,
    );
    return client.apply(obj, { signal });
  }
}
