import { afterEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../types.js';
import { condition, namespace, podsOf, startHarness, type Harness } from './test-harness.js';

let h: Harness;
afterEach(() => h?.stop());

const job = (name: string, extra: Record<string, unknown> = {}, podSpec: Record<string, unknown> = {}) => ({
  metadata: { name, namespace: 'shop' },
  spec: {
    backoffLimit: 3,
    template: {
      spec: {
        restartPolicy: 'Never',
        containers: [
          {
            name: 'wp-cli',
            image: 'wordpress:cli-2.12.0-php8.3',
            command: ['/bin/sh', '-c', 'wp core install'],
          },
        ],
        ...podSpec,
      },
    },
    ...extra,
  },
});

const conditionTypes = (j: KubeObject | undefined): string[] =>
  ((j?.status?.conditions ?? []) as Array<{ type: string }>).map((c) => c.type);

describe('job controller', () => {
  it('runs a pod to Succeeded and completes with SuccessCriteriaMet and Complete', async () => {
    h = startHarness();
    namespace(h, 'shop');
    h.create('jobs.batch', job('woocommerce-setup'));
    const done = await h.waitFor(
      'jobs.batch',
      'shop',
      'woocommerce-setup',
      (j) => condition(j, 'Complete')?.status === 'True',
    );
    expect(conditionTypes(done)).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect(condition(done, 'Complete')).toMatchObject({
      reason: 'CompletionsReached',
      message: 'Reached expected number of succeeded pods',
    });
    expect(done?.status).toMatchObject({
      succeeded: 1,
      ready: 0,
      terminating: 0,
      uncountedTerminatedPods: {},
    });
    expect(done?.status.completionTime).toBeDefined();
    expect(done?.status.active).toBeUndefined();
    const [pod] = podsOf(h, 'shop', 'woocommerce-setup');
    expect(pod?.metadata.name).toMatch(/^woocommerce-setup-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod?.metadata.labels).toMatchObject({
      'job-name': 'woocommerce-setup',
      'batch.kubernetes.io/job-name': 'woocommerce-setup',
      'controller-uid': done?.metadata.uid,
    });
    expect(pod?.status.phase).toBe('Succeeded');
    expect(pod?.status.containerStatuses[0].state.terminated).toMatchObject({
      exitCode: 0,
      reason: 'Completed',
    });
    expect(condition(pod, 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    expect(h.events('shop', 'Completed')[0]).toMatchObject({
      message: 'Job completed',
      source: { component: 'job-controller' },
    });
  });

  it('retries failed pods after a back-off and fails with BackoffLimitExceeded past backoffLimit', async () => {
    h = startHarness({ faults: { jobFailPattern: '^woocommerce-setup$' } });
    namespace(h, 'shop');
    const created: number[] = [];
    h.store.subscribe((e) => {
      if (e.key === 'pods' && e.type === 'ADDED') created.push(h.clock.now());
    });
    h.create('jobs.batch', job('woocommerce-setup', { backoffLimit: 2 }));
    const failed = await h.waitFor(
      'jobs.batch',
      'shop',
      'woocommerce-setup',
      (j) => condition(j, 'Failed')?.status === 'True',
    );
    expect(conditionTypes(failed)).toEqual(['FailureTarget', 'Failed']);
    expect(condition(failed, 'Failed')).toMatchObject({
      reason: 'BackoffLimitExceeded',
      message: 'Job has reached the specified backoff limit',
    });
    expect(failed?.status.failed).toBe(3);
    expect(failed?.status.completionTime).toBeUndefined();
    const pods = podsOf(h, 'shop', 'woocommerce-setup');
    expect(pods).toHaveLength(3);
    for (const p of pods) expect(p.status.phase).toBe('Failed');
    // Back-off doubles between attempts (fast profile: 100 ms, then 200 ms).
    expect((created[1] as number) - (created[0] as number)).toBeGreaterThanOrEqual(100);
    expect((created[2] as number) - (created[1] as number)).toBeGreaterThanOrEqual(200);
    expect(h.events('shop', 'BackoffLimitExceeded')).toHaveLength(1);
    const log = h.controllers.podLogs('shop', pods[0]?.metadata.name as string, {});
    expect(log.lines.at(-1)).toMatch(/^Error: Error establishing a database connection/);
  });

  it('deletes the finished Job and its pods after ttlSecondsAfterFinished', async () => {
    h = startHarness({ timeScale: 0.01 });
    namespace(h, 'shop');
    // Store events are delivered inside the controllers' timers, where now() is the exact sim time.
    const at: Record<string, number> = {};
    h.store.subscribe((e) => {
      if (e.key !== 'jobs.batch') return;
      if (e.type === 'DELETED') at.deleted = h.clock.now();
      else if (condition(e.object, 'Complete')?.status === 'True') at.complete ??= h.clock.now();
    });
    h.create('jobs.batch', job('short', { ttlSecondsAfterFinished: 30 }));
    await h.waitFor('jobs.batch', 'shop', 'short', (j) => j === undefined);
    expect((at.deleted as number) - (at.complete as number)).toBe(30_000);
    await h.until(() => podsOf(h, 'shop', 'short').length === 0, 'pods garbage-collected');
  });

  it('honours node affinity for the Job pod', async () => {
    h = startHarness();
    namespace(h, 'shop');
    const pin = {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['sim-node-2'] }] },
            ],
          },
        },
      },
    };
    h.create('jobs.batch', job('pinned', {}, pin));
    await h.waitFor('jobs.batch', 'shop', 'pinned', (j) => condition(j, 'Complete')?.status === 'True');
    expect(podsOf(h, 'shop', 'pinned')[0]?.spec.nodeName).toBe('sim-node-2');
    h.create(
      'jobs.batch',
      job('nowhere', {}, { nodeSelector: { 'kubernetes.io/hostname': 'no-such-node' } }),
    );
    await h.until(
      () => condition(podsOf(h, 'shop', 'nowhere')[0], 'PodScheduled')?.reason === 'Unschedulable',
      'unschedulable',
    );
    expect(condition(podsOf(h, 'shop', 'nowhere')[0], 'PodScheduled')?.message).toBe(
      "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    );
  });
});
