import { StatusError, type KubeObject } from '../types.js';
import type { EventRecorder, EventSource } from './events.js';
import { controllerRef } from './meta.js';
import type { Runtime } from './runtime.js';

/**
 * Creates one pod from a controller's pod template, owned by it, and records SuccessfulCreate or
 * FailedCreate on the owner, as Kubernetes' shared PodControl does for ReplicaSets and Jobs.
 * Returns 'created', 'exists' (the name is taken: pick another), or the refusal's message
 * (e.g. quota exceeded).
 */
export function createPodFromTemplate(
  rt: Runtime,
  events: EventRecorder,
  owner: KubeObject,
  pod: { name: string; generateName: string; extraLabels?: Record<string, string> },
  component: EventSource,
): 'created' | 'exists' | string {
  const ns = owner.metadata.namespace as string;
  if (rt.store.get('pods', ns, pod.name)) return 'exists';
  const template = owner.spec?.template ?? {};
  try {
    rt.store.create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: pod.name,
        generateName: pod.generateName,
        namespace: ns,
        labels: { ...(template.metadata?.labels ?? {}), ...(pod.extraLabels ?? {}) },
        ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
        ownerReferences: [controllerRef(owner)],
      },
      spec: structuredClone(template.spec ?? {}),
    });
    events.record(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.name}`, component);
    return 'created';
  } catch (err) {
    if (!(err instanceof StatusError) || err.code === 409) throw err;
    events.record(owner, 'Warning', 'FailedCreate', `Error creating: ${err.message}`, component);
    return err.message;
  }
}
