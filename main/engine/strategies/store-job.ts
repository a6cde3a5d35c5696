// The Jobs every plan runs (setup, password reset), shaped once: the retry policy from the
// plan's facts, pods kept on failure, and pinned to the node of the pod whose ReadWriteOnce
// volume they mount.
import type { KubeObject } from '../../kube/kube-object';

export interface JobPolicy {
  backoffLimit: number;
  ttlSecondsAfterFinished: number;
}

/**
 * Required node affinity on the node's own name (matchFields metadata.name, as DaemonSets do)
 * rather than spec.nodeName: the pod still goes through the scheduler (resources, taints, clear
 * Unschedulable events) and, unlike the kubernetes.io/hostname label, the name always matches.
 */
export function pinToNode(nodeName: string | null): Record<string, unknown> {
  if (!nodeName) return {};
  return {
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] },
          ],
        },
      },
    },
  };
}

export function storeJob(
  metadata: KubeObject['metadata'],
  podLabels: Record<string, string>,
  policy: JobPolicy,
  podSpec: Record<string, unknown>,
): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata,
    spec: {
      backoffLimit: policy.backoffLimit,
      ttlSecondsAfterFinished: policy.ttlSecondsAfterFinished,
      template: {
        metadata: { labels: podLabels },
        // Never: a failed pod stays, so its log can explain the failure.
        spec: { restartPolicy: 'Never', ...podSpec },
      },
    },
  };
}
