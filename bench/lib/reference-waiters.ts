// How the reference design waited, modelled for the baselines: read the Deployment (or Job)
// every 5 s until it is ready (its loop: readNamespacedDeployment, check readyReplicas, sleep).
// A watch-driven waiter with the same interface lets a baseline differ from ours in one respect only.
import type { KubeClient } from '../../main/kube/client';
import { isNotFound } from '../../main/kube/errors';
import { KINDS } from '../../main/kube/kinds';
import { waitFor } from '../../main/kube/watch-wait';
import { isDeploymentAvailable, jobState } from '../../main/engine/observe';

export interface ReferenceWaiter {
  readonly kind: 'poll' | 'watch';
  deploymentReady(client: KubeClient, namespace: string, name: string): Promise<void>;
  jobComplete(client: KubeClient, namespace: string, name: string): Promise<void>;
}

export interface PollOptions {
  /** The reference slept 5 s between reads. */
  intervalMs: number;
  /** Sleeps on the cluster's clock (the sim's, so a scaled sim polls at the same cluster-time rate). */
  sleep(ms: number): Promise<void>;
  /** Bound on reads per wait (the reference gave up after 300 s: 60 reads). */
  maxPolls: number;
}

/** The reference's loop: read, return if ready, else sleep the interval and read again. */
async function pollUntil(read: () => Promise<boolean>, options: PollOptions, what: string): Promise<void> {
  for (let poll = 0; poll < options.maxPolls; poll++) {
    if (await read()) return;
    await options.sleep(options.intervalMs);
  }
  throw new Error(`reference flow: ${what} not ready after ${options.maxPolls} polls`);
}

const isTrue = (conditions: Array<{ type: string; status: string }> | undefined, type: string) =>
  (conditions ?? []).some((c) => c.type === type && c.status === 'True');

export function pollingWaiter(options: PollOptions): ReferenceWaiter {
  return {
    kind: 'poll',
    deploymentReady: (client, namespace, name) =>
      pollUntil(
        async () => {
          const deployment = await client.apps.readNamespacedDeployment({ name, namespace });
          return (deployment.status?.readyReplicas ?? 0) >= (deployment.spec?.replicas ?? 1);
        },
        options,
        `deployment ${namespace}/${name}`,
      ),
    jobComplete: (client, namespace, name) =>
      pollUntil(
        async () => {
          try {
            const job = await client.batch.readNamespacedJob({ name, namespace });
            if (isTrue(job.status?.conditions, 'Failed'))
              throw new Error(`reference flow: job ${namespace}/${name} failed`);
            return isTrue(job.status?.conditions, 'Complete');
          } catch (error) {
            // Polled from the moment it is created: an instant before, the Job is simply not there yet.
            if (isNotFound(error)) return false;
            throw error;
          }
        },
        options,
        `job ${namespace}/${name}`,
      ),
  };
}

/** The same waits driven by watches (the engine's own watch-wait), for baselines that isolate ordering. */
export function watchingWaiter(timeoutMs: number): ReferenceWaiter {
  return {
    kind: 'watch',
    async deploymentReady(client, namespace, name) {
      await waitFor(client, KINDS.Deployment, namespace, name, (d) => isDeploymentAvailable(d), {
        timeoutMs,
        what: `deployment ${namespace}/${name}`,
      });
    },
    async jobComplete(client, namespace, name) {
      await waitFor(
        client,
        KINDS.Job,
        namespace,
        name,
        (job) => {
          const state = jobState(job);
          if (state === 'failed') throw new Error(`reference flow: job ${namespace}/${name} failed`);
          return state === 'complete';
        },
        { timeoutMs, what: `job ${namespace}/${name}` },
      );
    },
  };
}
