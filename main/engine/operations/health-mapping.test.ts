import { describe, expect, it } from 'vitest';
import type { ApiObject } from '../../kube/kube-object';
import { podHealth, pvcHealth, quotaHealth, storeHealth } from './health-mapping';

const now = new Date('2025-01-01T12:00:00Z');

const runningPod: ApiObject = {
  metadata: { name: 'wordpress-7d9f-abcde', labels: { 'app.kubernetes.io/component': 'wordpress' } },
  spec: {
    nodeName: 'kind-control-plane',
    containers: [
      {
        name: 'wordpress',
        image: 'wordpress:6.8-apache',
        resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
      },
    ],
  },
  status: {
    phase: 'Running',
    startTime: '2025-01-01T11:58:30Z',
    conditions: [{ type: 'Ready', status: 'True' }],
    containerStatuses: [
      {
        name: 'wordpress',
        ready: true,
        restartCount: 2,
        state: { running: { startedAt: '2025-01-01T11:58:40Z' } },
      },
    ],
  },
};

describe('health mapping', () => {
  it('reports a running pod with uptime, node, restarts and requests/limits', () => {
    expect(podHealth(runningPod, now)).toEqual({
      name: 'wordpress-7d9f-abcde',
      component: 'wordpress',
      phase: 'Running',
      ready: true,
      restarts: 2,
      startedAt: '2025-01-01T11:58:30Z',
      uptimeSeconds: 90,
      node: 'kind-control-plane',
      containers: [
        {
          name: 'wordpress',
          image: 'wordpress:6.8-apache',
          ready: true,
          restarts: 2,
          state: 'running',
          reason: null,
          requests: { cpu: '100m', memory: '256Mi' },
          limits: { cpu: '500m', memory: '512Mi' },
        },
      ],
    });
  });

  it('shows why a container waits and gives no uptime before the pod runs', () => {
    const pulling: ApiObject = {
      metadata: { name: 'mysql-1', labels: {} },
      spec: { containers: [{ name: 'mysql', image: 'mysql:8.4' }] },
      status: {
        phase: 'Pending',
        containerStatuses: [
          {
            name: 'mysql',
            ready: false,
            restartCount: 0,
            state: { waiting: { reason: 'ImagePullBackOff' } },
          },
        ],
      },
    };
    const health = podHealth(pulling, now);
    expect(health).toMatchObject({
      phase: 'Pending',
      ready: false,
      uptimeSeconds: null,
      node: null,
      component: null,
    });
    expect(health.containers[0]).toMatchObject({
      state: 'waiting',
      reason: 'ImagePullBackOff',
      requests: { cpu: null, memory: null },
    });
  });

  it('marks a pod being deleted as Terminating and a finished job container as terminated', () => {
    const done: ApiObject = {
      metadata: { name: 'setup-x', deletionTimestamp: '2025-01-01T11:59:00Z' },
      spec: { containers: [{ name: 'wp-cli' }] },
      status: {
        phase: 'Succeeded',
        containerStatuses: [{ name: 'wp-cli', state: { terminated: { reason: 'Completed' } } }],
      },
    };
    expect(podHealth(done, now)).toMatchObject({
      phase: 'Terminating',
      containers: [{ state: 'terminated', reason: 'Completed' }],
    });
  });

  it('shows bound capacity, or the requested size while a PVC is Pending', () => {
    expect(
      pvcHealth({
        metadata: { name: 'mysql-data' },
        spec: { storageClassName: 'standard' },
        status: { phase: 'Bound', capacity: { storage: '1Gi' } },
      }),
    ).toEqual({
      name: 'mysql-data',
      phase: 'Bound',
      capacity: '1Gi',
      storageClass: 'standard',
    });
    expect(
      pvcHealth({
        metadata: { name: 'wp' },
        spec: { resources: { requests: { storage: '1Gi' } } },
        status: { phase: 'Pending' },
      }),
    ).toEqual({
      name: 'wp',
      phase: 'Pending',
      capacity: '1Gi',
      storageClass: null,
    });
  });

  it('takes quota hard/used from status, and the store quota over any other', () => {
    expect(quotaHealth(undefined)).toBeNull();
    const health = storeHealth(
      {
        pods: [],
        pvcs: [],
        quotaName: 'store-quota',
        quotas: [
          { metadata: { name: 'other' }, status: { hard: { pods: '1' }, used: { pods: '0' } } },
          {
            metadata: { name: 'store-quota' },
            spec: { hard: { pods: '10' } },
            status: {
              hard: { pods: '10', 'requests.cpu': '2' },
              used: { pods: '3', 'requests.cpu': '300m' },
            },
          },
        ],
      },
      now,
    );
    expect(health.quota).toEqual({
      hard: { pods: '10', 'requests.cpu': '2' },
      used: { pods: '3', 'requests.cpu': '300m' },
    });
    expect(health.observedAt).toBe(now.toISOString());
  });
});
