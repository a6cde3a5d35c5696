import { describe, expect, it } from 'vitest';
import { isDeploymentAvailable, jobState, podsOfJob, readyPodNode, selectorOf } from './observe';

const deployment = (status: object, generation = 2, replicas = 1) => ({
  metadata: { name: 'mysql', generation },
  spec: {
    replicas,
    selector: { matchLabels: { 'app.kubernetes.io/name': 'mysql', 'app.kubernetes.io/component': 'mysql' } },
  },
  status,
});
const available = { type: 'Available', status: 'True' };

describe('isDeploymentAvailable', () => {
  it('needs the Available condition, the current generation observed and every replica updated', () => {
    expect(
      isDeploymentAvailable(
        deployment({
          observedGeneration: 2,
          conditions: [available],
          updatedReplicas: 1,
          availableReplicas: 1,
        }),
      ),
    ).toBe(true);
    // An old ReplicaSet still being available must not count (spec just changed).
    expect(
      isDeploymentAvailable(
        deployment({
          observedGeneration: 1,
          conditions: [available],
          updatedReplicas: 1,
          availableReplicas: 1,
        }),
      ),
    ).toBe(false);
    expect(
      isDeploymentAvailable(
        deployment({
          observedGeneration: 2,
          conditions: [available],
          updatedReplicas: 0,
          availableReplicas: 1,
        }),
      ),
    ).toBe(false);
    expect(
      isDeploymentAvailable(
        deployment({
          observedGeneration: 2,
          conditions: [{ type: 'Available', status: 'False' }],
          updatedReplicas: 1,
          availableReplicas: 1,
        }),
      ),
    ).toBe(false);
    expect(isDeploymentAvailable(undefined)).toBe(false);
  });
});

describe('jobState', () => {
  it('reads the Complete and Failed conditions', () => {
    expect(jobState(undefined)).toBe('absent');
    expect(jobState({ status: { active: 1 } })).toBe('running');
    expect(jobState({ status: { conditions: [{ type: 'Complete', status: 'True' }] } })).toBe('complete');
    expect(
      jobState({
        status: { conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded' }] },
      }),
    ).toBe('failed');
  });
});

describe('pods and nodes', () => {
  const pod = (name: string, created: string, extra: object = {}) => ({
    metadata: { name, creationTimestamp: created, labels: { 'job-name': 'woocommerce-setup' } },
    spec: { nodeName: 'node-b' },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
    ...extra,
  });

  it('orders a job pods newest first', () => {
    const pods = [
      pod('a', '2026-01-01T00:00:01Z'),
      pod('b', '2026-01-01T00:00:03Z'),
      { metadata: { name: 'other', labels: {} } },
    ];
    expect(podsOfJob(pods, 'woocommerce-setup').map((p) => p.metadata?.name)).toEqual(['b', 'a']);
  });

  it('finds the node of a ready pod, skipping terminating ones', () => {
    const terminating = pod('old', '1', {
      metadata: { name: 'old', deletionTimestamp: 'x' },
      spec: { nodeName: 'node-a' },
    });
    expect(readyPodNode([terminating, pod('new', '2')])).toBe('node-b');
    expect(readyPodNode([])).toBeNull();
  });

  it('turns matchLabels into a selector', () => {
    expect(selectorOf(deployment({}))).toBe('app.kubernetes.io/name=mysql,app.kubernetes.io/component=mysql');
  });
});
