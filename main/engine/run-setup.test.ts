// Setup judged from the store's watch cache: a Job this attempt launched that ran, finished and
// met its TTL between two passes (under load a store's next pass can come that late) is still
// read as succeeded from its DELETED event, not waited for forever as "not seen yet".
import { describe, expect, it } from 'vitest';
import type { Store } from '../../preload/contract';
import type { KubeClient } from '../kube/client';
import type { ApiObject, KubeObject } from '../kube/kube-object';
import { Attempts } from './attempt';
import type { NamespaceSnapshot } from './observe';
import { advanceSetup, SETUP_COMPLETED_ANNOTATION } from './run-setup';
import { strategyFor } from './strategies/registry';
import { testContext } from './strategies/woocommerce/test-context.fixture';
import type { StoreWriter } from './store-writer';

const strategy = strategyFor('woocommerce');
const ctx = testContext();

function attemptFor() {
  const writer = {
    event: () => null,
    status: () => null,
    changed: () => undefined,
    attachLog: () => true,
  } as unknown as StoreWriter;
  const attempts = new Attempts(writer, { list: () => [] }, { now: () => 0 } as never);
  const store = { id: ctx.id, status: 'Provisioning' } as Store;
  return attempts.for(store, 1, { noProgressMs: 600_000, overallMs: 1_800_000 }, 0);
}

function recordingClient() {
  const applied: KubeObject[] = [];
  const client = {
    apply: async (obj: KubeObject) => {
      applied.push(obj);
      return obj as ApiObject;
    },
    list: async () => ({ items: [], resourceVersion: '1' }),
    readLog: async () => [],
  } as unknown as KubeClient;
  return { client, applied };
}

const snapshot = (jobs: ApiObject[], departedJobs: ApiObject[]): NamespaceSnapshot => ({
  pods: [],
  pvcs: [],
  events: [],
  deployments: [],
  jobs,
  storageClasses: [],
  departedJobs,
});

const setupJob = (condition: 'Complete' | 'Failed'): ApiObject => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: strategy.setupJobName, namespace: ctx.namespace },
  status: { conditions: [{ type: condition, status: 'True' }] },
});

describe('advanceSetup', () => {
  it('takes a launched Job seen only as deleted after completing as succeeded, and records it', async () => {
    const attempt = attemptFor();
    attempt.setupLaunched = true;
    attempt.setupAnnounced = 'Started the setup job';
    const { client, applied } = recordingClient();
    const signal = new AbortController().signal;
    const waiting = await advanceSetup(
      client,
      strategy,
      ctx,
      snapshot([], [setupJob('Complete')]),
      attempt,
      signal,
    );
    expect(waiting).toBeNull();
    expect(attempt.setupDone).toBe(true);
    await attempt.setupRecording;
    expect(applied.map((o) => o.metadata.annotations?.[SETUP_COMPLETED_ANNOTATION])).toEqual(['1']);
  });

  it('still waits for a just-launched Job the cache has not shown, when nothing of it was deleted', async () => {
    for (const departed of [[], [setupJob('Failed')]]) {
      const attempt = attemptFor();
      attempt.setupLaunched = true;
      attempt.setupAnnounced = 'Started the setup job';
      const { client, applied } = recordingClient();
      const waiting = await advanceSetup(
        client,
        strategy,
        ctx,
        snapshot([], departed),
        attempt,
        new AbortController().signal,
      );
      expect(waiting?.step).toBe('setup');
      expect(attempt.setupDone).toBe(false);
      expect(applied).toEqual([]);
    }
  });
});
