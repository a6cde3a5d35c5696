import { describe, expect, it } from 'vitest';
import type { ApiObject } from '../../kube/kube-object';
import { logPods, pickLogTarget } from './log-target';

const pod = (
  name: string,
  component: string,
  created: string,
  phase = 'Running',
  containers = [component],
  extra: Partial<ApiObject['metadata']> = {},
): ApiObject => ({
  metadata: {
    name,
    creationTimestamp: created,
    labels: { 'app.kubernetes.io/component': component },
    ...extra,
  },
  spec: { containers: containers.map((c) => ({ name: c })) },
  status: { phase },
});

const pods = [
  pod('wordpress-old', 'wordpress', '2025-01-01T10:00:00Z', 'Running', ['wordpress'], {
    deletionTimestamp: '2025-01-01T11:00:00Z',
  }),
  pod('wordpress-new', 'wordpress', '2025-01-01T11:00:00Z', 'Running', ['wordpress', 'sidecar']),
  pod('mysql-1', 'mysql', '2025-01-01T10:00:00Z'),
  pod('woocommerce-setup-abc', 'setup', '2025-01-01T10:05:00Z', 'Succeeded', ['wp-cli']),
];

describe('pickLogTarget', () => {
  it('defaults to the live WordPress pod and its first container', () => {
    expect(pickLogTarget(pods, undefined, undefined, 'store-shop', 'wordpress')).toEqual({
      ok: true,
      value: { pod: 'wordpress-new', container: 'wordpress' },
    });
  });

  it('resolves components, including a finished setup job pod', () => {
    expect(pickLogTarget(pods, 'mysql', undefined, 'ns')).toEqual({
      ok: true,
      value: { pod: 'mysql-1', container: 'mysql' },
    });
    expect(pickLogTarget(pods, 'setup', undefined, 'ns')).toEqual({
      ok: true,
      value: { pod: 'woocommerce-setup-abc', container: 'wp-cli' },
    });
  });

  it('resolves a workload name to its pod (a failed wait-<deployment> step opens that pod)', () => {
    const server = pod('medusa-server-7d9f-abcde', 'server', '2025-01-01T10:00:00Z', 'Running', ['medusa'], {
      labels: { 'app.kubernetes.io/component': 'server', 'pod-template-hash': '7d9f' },
      ownerReferences: [{ kind: 'ReplicaSet', name: 'medusa-server-7d9f', uid: 'u1' }],
    });
    const viaDeployment = pod('redis-x', 'redis', '2025-01-01T10:00:00Z', 'Running', ['redis'], {
      ownerReferences: [{ kind: 'Deployment', name: 'redis', uid: 'u2' }],
    });
    expect(pickLogTarget([server, viaDeployment], 'medusa-server', undefined, 'ns')).toEqual({
      ok: true,
      value: { pod: 'medusa-server-7d9f-abcde', container: 'medusa' },
    });
    expect(pickLogTarget([server, viaDeployment], 'redis', undefined, 'ns')).toMatchObject({
      value: { pod: 'redis-x' },
    });
    expect(pickLogTarget([server], 'medusa', undefined, 'ns').ok).toBe(false);
  });

  it('takes an exact pod name and a named container', () => {
    expect(pickLogTarget(pods, 'wordpress-old', undefined, 'ns')).toEqual({
      ok: true,
      value: { pod: 'wordpress-old', container: 'wordpress' },
    });
    expect(pickLogTarget(pods, 'wordpress', 'sidecar', 'ns')).toEqual({
      ok: true,
      value: { pod: 'wordpress-new', container: 'sidecar' },
    });
  });

  it('names what exists when the pod or container does not', () => {
    const noPod = pickLogTarget(pods, 'redis', undefined, 'store-shop');
    expect(noPod.ok ? '' : noPod.error).toEqual({
      code: 'not_found',
      message:
        'No pod "redis" in store-shop (pods: wordpress-old, wordpress-new, mysql-1, woocommerce-setup-abc)',
    });
    const noContainer = pickLogTarget(pods, 'mysql', 'nginx', 'ns');
    expect(noContainer.ok ? '' : noContainer.error.message).toBe(
      'No container "nginx" in pod mysql-1 (containers: mysql)',
    );
    const empty = pickLogTarget([], undefined, undefined, 'store-x', 'wordpress');
    expect(empty.ok ? '' : empty.error.message).toBe(
      'No pod "wordpress" in store-x (it has no pods right now)',
    );
  });

  it('lists pods for the picker, sorted, with their containers', () => {
    expect(logPods(pods).map((p) => [p.name, p.component, p.containers.join('+')])).toEqual([
      ['mysql-1', 'mysql', 'mysql'],
      ['woocommerce-setup-abc', 'setup', 'wp-cli'],
      ['wordpress-new', 'wordpress', 'wordpress+sidecar'],
      ['wordpress-old', 'wordpress', 'wordpress'],
    ]);
  });

  it("carries each container's restart count (the Previous container toggle shows above 0)", () => {
    const restarted: ApiObject = {
      ...pod('wordpress-r', 'wordpress', '2025-01-01T12:00:00Z', 'Running', ['wordpress', 'sidecar']),
      status: {
        phase: 'Running',
        containerStatuses: [
          { name: 'wordpress', restartCount: 2 },
          { name: 'sidecar', restartCount: 0 },
        ],
      },
    };
    expect(logPods([restarted, pods[2] as ApiObject]).map((p) => p.restarts)).toEqual([
      {},
      { wordpress: 2, sidecar: 0 },
    ]);
  });
});
