// pods/log?previous=true and timestamps=true as the kubelet answers them: the instance named by
// lastState.terminated's container ID, a 400 in upstream's words before any restart, and the
// RFC3339NanoFixed prefix (always nine fraction digits).
import { afterEach, describe, expect, it } from 'vitest';
import { StatusError, type KubeObject } from '../../types.js';
import { namespace, podsOf, startHarness, type Harness } from '../test-harness.js';
import { rfc3339NanoFixed } from './pod-logs.js';

let h: Harness;
afterEach(() => h?.stop());

const app = {
  metadata: { name: 'app', namespace: 'shop' },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'app' } },
    template: {
      metadata: { labels: { app: 'app' } },
      spec: { containers: [{ name: 'web', image: 'busybox:1.37' }] },
    },
  },
};

type Status = { restartCount?: number; state?: { running?: unknown } };
const status = (pod: KubeObject | undefined): Status =>
  ((pod?.status?.containerStatuses ?? []) as Status[])[0] ?? {};

function statusError(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StatusError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('previous container logs', () => {
  it('answers 400 before a restart, then serves the crashed instance while the new one runs', async () => {
    h = startHarness({ profile: 'fast' });
    namespace(h, 'shop');
    h.create('deployments.apps', app);
    await h.waitFor('deployments.apps', 'shop', 'app', (d) => d?.status?.readyReplicas === 1);
    const first = podsOf(h, 'shop', 'app')[0]?.metadata.name as string;
    expect(statusError(() => h.controllers.podLogs('shop', first, { previous: true }))).toMatchObject({
      code: 400,
      reason: 'BadRequest',
      message: `previous terminated container "web" in pod "${first}" not found`,
    });
    // Its replacement crashes at start until the fault is lifted, then serves.
    h.faults.crashLoopPattern = '^busybox';
    h.store.delete('pods', 'shop', first);
    const pod = () => podsOf(h, 'shop', 'app').find((p) => p.metadata.name !== first);
    await h.until(() => (status(pod()).restartCount ?? 0) >= 1, 'a restart');
    delete h.faults.crashLoopPattern;
    await h.until(() => status(pod()).state?.running !== undefined, 'serving after the restart');
    const name = pod()?.metadata.name as string;

    const previous = h.controllers.podLogs('shop', name, { previous: true }).lines;
    expect(previous.at(-1)).toBe('fatal: web exited with status 1');
    const current = h.controllers.podLogs('shop', name, {}).lines;
    expect(current).toContain('Starting web (busybox:1.37)');
    // The previous instance ended before the current one began.
    const stamp = (line: string | undefined) => Date.parse((line ?? '').split(' ')[0] as string);
    const [prevLast, curFirst] = [
      h.controllers.podLogs('shop', name, { previous: true, timestamps: true }).lines.at(-1),
      h.controllers.podLogs('shop', name, { timestamps: true }).lines[0],
    ];
    expect(stamp(prevLast)).toBeLessThanOrEqual(stamp(curFirst));
    // Following a terminated instance replays it and ends at once.
    const followed = h.controllers.podLogs('shop', name, { previous: true, follow: true });
    await new Promise<void>((resolve) => followed.follow?.(() => undefined, resolve) ?? resolve());
    expect(followed.lines).toEqual(previous);
  });

  it('prefixes lines with the kubelet timestamp, nine fraction digits', async () => {
    h = startHarness({ profile: 'fast' });
    namespace(h, 'shop');
    h.create('deployments.apps', app);
    await h.waitFor('deployments.apps', 'shop', 'app', (d) => d?.status?.readyReplicas === 1);
    const name = podsOf(h, 'shop', 'app')[0]?.metadata.name as string;
    const lines = h.controllers.podLogs('shop', name, { timestamps: true }).lines;
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z \S/);
    expect(rfc3339NanoFixed(Date.UTC(2026, 0, 2, 3, 4, 5, 60))).toBe('2026-01-02T03:04:05.060000000Z');
  });
});
