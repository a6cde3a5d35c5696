// The WP-CLI console: each command is exec'd into the store's console pod (the WP-CLI image,
// idling next to WordPress on its volume), its output streamed as it comes. The pod is made on
// the first command and deleted once the console has been idle for a while, so a store keeps
// no extra pod around when nobody uses it.
import type { KubeClient } from '../../kube/client';
import { KINDS } from '../../kube/kinds';
import { execInPod } from '../../kube/pod-exec';
import { waitFor, waitForGone } from '../../kube/watch-wait';
import { appPodNode } from '../app-node';
import { applyPodWithinQuota } from './pod-within-quota';
import type { StoreContext, WpCliAccess } from '../strategies/strategy';

export type OutputSink = (text: string, stream: 'stdout' | 'stderr') => void;

const POD_START_TIMEOUT_MS = 180_000;
/** A command may run long (a plugin install, a search-replace), but not for ever. */
const COMMAND_TIMEOUT_MS = 15 * 60_000;

const isUsable = (pod: { status?: { phase?: string }; metadata?: { deletionTimestamp?: string } }) =>
  pod.status?.phase === 'Running' && !pod.metadata?.deletionTimestamp;

export class WpConsoles {
  private readonly idle = new Map<string, { timer: NodeJS.Timeout; remove: () => Promise<unknown> }>();

  constructor(private readonly idleMs = 10 * 60_000) {}

  async run(
    client: KubeClient,
    ctx: StoreContext,
    access: WpCliAccess,
    args: string[],
    output: OutputSink,
    options: { stdin?: string } = {},
  ): Promise<number> {
    this.cancelIdle(ctx.namespace);
    try {
      await this.ensurePod(client, ctx, access);
      const outcome = await execInPod(
        client.kubeConfig,
        { namespace: ctx.namespace, pod: access.podName, container: access.container },
        ['wp', ...args],
        {
          collect: false,
          stdin: options.stdin,
          onStdout: (chunk) => output(chunk.toString('utf8'), 'stdout'),
          onStderr: (chunk) => output(chunk.toString('utf8'), 'stderr'),
          timeoutMs: COMMAND_TIMEOUT_MS,
        },
      );
      return outcome.exitCode;
    } finally {
      this.scheduleIdle(client, ctx.namespace, access.podName);
    }
  }

  /** Deletes every console pod this process made (app quitting). */
  async closeAll(): Promise<void> {
    const pending = [...this.idle.values()];
    this.idle.clear();
    await Promise.all(
      pending.map(async ({ timer, remove }) => {
        clearTimeout(timer);
        await remove().catch(() => undefined);
      }),
    );
  }

  private async ensurePod(client: KubeClient, ctx: StoreContext, access: WpCliAccess): Promise<void> {
    const existing = await client.get(KINDS.Pod, ctx.namespace, access.podName);
    if (existing && isUsable(existing)) return;
    if (existing) {
      // A finished, failed or terminating console pod: replace it (pods are mostly immutable).
      await client.remove(KINDS.Pod, ctx.namespace, access.podName).catch(() => false);
      await waitForGone(client, KINDS.Pod, ctx.namespace, access.podName, {
        timeoutMs: POD_START_TIMEOUT_MS,
      });
    }
    const node = await appPodNode(client, ctx.namespace, access.appDeployment);
    // The previous command's console pod may still be terminating (and so still hold its quota).
    await applyPodWithinQuota(client, access.pod(ctx, node));
    await waitFor(client, KINDS.Pod, ctx.namespace, access.podName, isUsable, {
      timeoutMs: POD_START_TIMEOUT_MS,
      what: `the WP-CLI console pod ${access.podName} to start`,
    });
  }

  private cancelIdle(namespace: string): void {
    const entry = this.idle.get(namespace);
    if (entry) clearTimeout(entry.timer);
    this.idle.delete(namespace);
  }

  private scheduleIdle(client: KubeClient, namespace: string, podName: string): void {
    this.cancelIdle(namespace);
    const remove = () => client.remove(KINDS.Pod, namespace, podName);
    const timer = setTimeout(() => {
      this.idle.delete(namespace);
      void remove().catch(() => undefined);
    }, this.idleMs);
    timer.unref();
    this.idle.set(namespace, { timer, remove });
  }
}
