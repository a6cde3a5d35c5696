import { describe, expect, it } from 'vitest';
import type { ApiObject } from '../../kube/kube-object';
import { expectedObjects, judgeLive, type ObservedNamespace } from './judge-live';

const AT = '2026-01-01T10:00:00.000Z';
const desired = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'store-a' } },
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'mysql' }, spec: { replicas: 1 } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'wordpress' } },
];
const pod = (name: string, ready: boolean, extra: Partial<ApiObject['status']> = {}): ApiObject => ({
  metadata: { name, namespace: 'store-a', labels: { 'app.kubernetes.io/component': 'mysql' } },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }], ...extra },
});
const healthy = (): ObservedNamespace => ({
  byKind: {
    Deployment: [{ metadata: { name: 'mysql' }, spec: { replicas: 1 } }],
    Service: [{ metadata: { name: 'wordpress' } }],
    Pod: [pod('mysql-1', true)],
  },
  recentRestarts: {},
});

describe('live status of a Ready store', () => {
  const expected = expectedObjects(desired);

  it('checks only watched kinds, with the replicas the store is built with', () => {
    expect(expected).toEqual([
      { kind: 'Deployment', name: 'mysql', replicas: 1 },
      { kind: 'Service', name: 'wordpress' },
    ]);
    expect(judgeLive('a', expected, healthy(), AT)).toMatchObject({ state: 'Ready', reason: null });
  });

  it('is Drifted when an object is gone or scaled by hand', () => {
    const gone = healthy();
    gone.byKind.Service = [];
    expect(judgeLive('a', expected, gone, AT)).toMatchObject({
      state: 'Drifted',
      drifted: ['Service/wordpress'],
      reason: 'Service wordpress is missing',
    });
    const scaled = healthy();
    scaled.byKind.Deployment = [{ metadata: { name: 'mysql' }, spec: { replicas: 0 } }];
    expect(judgeLive('a', expected, scaled, AT).reason).toMatch(/scaled to 0 \(the store needs 1\)/);
  });

  it('is Degraded when a pod is not ready (with the waiting reason) or restarts climb', () => {
    const crashing = healthy();
    crashing.byKind.Pod = [
      pod('mysql-1', false, { containerStatuses: [{ state: { waiting: { reason: 'CrashLoopBackOff' } } }] }),
    ];
    expect(judgeLive('a', expected, crashing, AT)).toMatchObject({
      state: 'Degraded',
      reason: 'Pod mysql-1 is not ready (CrashLoopBackOff)',
      // "Open logs" opens the pod at fault.
      pod: 'mysql-1',
    });
    const restarting = healthy();
    restarting.byKind.Pod = [
      pod('mysql-1', true, { containerStatuses: [{ lastState: { terminated: { reason: 'OOMKilled' } } }] }),
    ];
    restarting.recentRestarts = { 'mysql-1': 3 };
    expect(judgeLive('a', expected, restarting, AT).reason).toBe(
      'Pod mysql-1 restarted 3 times recently (OOMKilled)',
    );
  });

  it('names the kubelet’s reason when it gave one: create errors, failing probes, liveness kills', () => {
    const unwell = healthy();
    const missing = "couldn't find key MYSQL_PASSWORD in Secret store-a/mysql-credentials";
    unwell.byKind.Pod = [
      pod('mysql-1', false, {
        containerStatuses: [
          { name: 'mysql', state: { waiting: { reason: 'CreateContainerConfigError', message: missing } } },
        ],
      }),
    ];
    expect(judgeLive('a', expected, unwell, AT).reason).toBe(
      `Pod mysql-1 cannot start container "mysql": ${missing} (CreateContainerConfigError)`,
    );

    const unready = healthy();
    unready.byKind.Pod = [
      pod('mysql-1', false, { containerStatuses: [{ name: 'mysql', state: { running: {} } }] }),
    ];
    const event = (reason: string, message: string, lastTimestamp = '2026-01-01T09:59:00Z') => ({
      metadata: { name: `mysql-1.${reason}` },
      involvedObject: { kind: 'Pod', name: 'mysql-1', fieldPath: 'spec.containers{mysql}' },
      reason,
      message,
      count: 4,
      lastTimestamp,
    });
    unready.podEvents = [
      event(
        'Unhealthy',
        "Readiness probe failed: ERROR 2003 (HY000): Can't connect to MySQL server on '127.0.0.1:3306' (111)",
      ),
    ];
    expect(judgeLive('a', expected, unready, AT).reason).toBe(
      "Pod mysql-1 is not ready (readiness probe failing: ERROR 2003 (HY000): Can't connect to MySQL server on '127.0.0.1:3306' (111))",
    );

    const killed = healthy();
    killed.byKind.Pod = [pod('mysql-1', true)];
    killed.recentRestarts = { 'mysql-1': 2 };
    killed.podEvents = [
      event('Unhealthy', 'Liveness probe failed: dial tcp 10.244.0.9:3306: connect: connection refused'),
      event('Killing', 'Container mysql failed liveness probe, will be restarted'),
    ];
    expect(judgeLive('a', expected, killed, AT).reason).toBe(
      'Pod mysql-1 restarted 2 times recently (liveness probe failing: dial tcp 10.244.0.9:3306: connect: connection refused)',
    );
  });

  it('ignores the setup job pods', () => {
    const withJob = healthy();
    withJob.byKind.Pod = [
      ...(withJob.byKind.Pod ?? []),
      {
        metadata: { name: 'setup-x', labels: { 'app.kubernetes.io/component': 'setup' } },
        status: { phase: 'Running' },
      },
    ];
    expect(judgeLive('a', expected, withJob, AT).state).toBe('Ready');
  });
});
