import { ApiException } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import type { KubeClient } from '../../kube/client';
import type { KubeObject } from '../../kube/kube-object';
import { applyPodWithinQuota } from './pod-within-quota';

const forbidden = (message: string) =>
  new ApiException(
    403,
    'x',
    JSON.stringify({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      code: 403,
      reason: 'Forbidden',
      message,
    }),
    {},
  );
const QUOTA =
  'pods "wp-console" is forbidden: exceeded quota: store-quota, requested: limits.memory=512Mi, used: limits.memory=1792Mi, limited: limits.memory=2Gi';
const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'wp-console', namespace: 'store-a' },
};

/** A client whose apply answers from a script: errors to throw in turn, then success. */
function scripted(errors: Error[]): { client: KubeClient; calls: () => number } {
  let calls = 0;
  const client = {
    apply: async () => {
      calls += 1;
      const next = errors.shift();
      if (next) throw next;
      return pod;
    },
  } as unknown as KubeClient;
  return { client, calls: () => calls };
}

describe('applyPodWithinQuota', () => {
  it('waits out a quota refusal while the old pod still counts, then creates the pod', async () => {
    const { client, calls } = scripted([forbidden(QUOTA), forbidden(QUOTA)]);
    await applyPodWithinQuota(client, pod, { waitMs: 10_000 });
    expect(calls()).toBe(3);
  });

  it('gives a refusal that is not about quota back at once', async () => {
    const { client, calls } = scripted([
      forbidden('pods is forbidden: User "u" cannot create resource "pods"'),
    ]);
    await expect(applyPodWithinQuota(client, pod, { waitMs: 10_000 })).rejects.toThrow();
    expect(calls()).toBe(1);
  });

  it('gives the quota refusal back once the wait is over', async () => {
    const { client, calls } = scripted(Array.from({ length: 20 }, () => forbidden(QUOTA)));
    await expect(applyPodWithinQuota(client, pod, { waitMs: 700 })).rejects.toThrow();
    expect(calls()).toBeLessThanOrEqual(3);
  });
});
