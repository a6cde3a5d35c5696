// The default profile behaves like a Kind node as `storedeck cluster create` makes it: one node
// named <cluster>-control-plane, and a kubelet that pulls one image at a time, so the second
// image waits for the first and time-to-Ready is the sum, as on a fresh Kind cluster. Observed
// through client-node only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfile } from './profiles/load-profile.js';
import { startWithClients, type SimClients } from './test-kit.js';
import { openWatch } from './watch-log.js';

let c: SimClients;
beforeAll(async () => {
  c = await startWithClients();
  await c.core.createNamespace({ body: { metadata: { name: 'shop' } } });
});
afterAll(() => c.sim.stop());

/** Go's Duration.String() as the kubelet prints it, back to ms ("20.14s", "1m5.2s", "60ms"). */
function goMs(text: string): number {
  const m = /^(?:(\d+)m)?(?:([\d.]+)s)?(?:([\d.]+)ms)?$/.exec(text);
  if (!m) throw new Error(`not a Go duration: ${text}`);
  return Number(m[1] ?? 0) * 60_000 + Number(m[2] ?? 0) * 1000 + Number(m[3] ?? 0);
}

const PULLED =
  /^Successfully pulled image "([^"]+)" in (\S+) \((\S+) including waiting\)\. Image size: (\d+) bytes\.$/;

describe('the default (Kind-like) profile', () => {
  it('is Kind: one node named storedeck-control-plane, where every pod lands', async () => {
    expect(c.sim.profile.name).toBe('kind');
    const pods = await openWatch(c.kc, '/api/v1/namespaces/shop/pods');
    await c.core.createNamespacedPod({
      namespace: 'shop',
      body: { metadata: { name: 'one' }, spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] } },
    });
    const scheduled = await pods.until((e) => !!e.object.spec?.nodeName);
    pods.stop();
    expect(scheduled.object.spec.nodeName).toBe('storedeck-control-plane');
    const unschedulable = await openWatch(c.kc, '/api/v1/namespaces/shop/events', {
      fieldSelector: 'reason=FailedScheduling',
    });
    await c.core.createNamespacedPod({
      namespace: 'shop',
      body: {
        metadata: { name: 'elsewhere' },
        spec: { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'app', image: 'busybox:1.36' }] },
      },
    });
    const refused = await unschedulable.until(() => true);
    unschedulable.stop();
    expect((refused.object as { message?: string }).message).toMatch(
      /^0\/1 nodes are available: 1 node\(s\) didn't match Pod's node affinity\/selector\. /,
    );
  });

  it('pulls one image at a time: the second waits for the first, and says so in its Pulled event', async () => {
    // The same profile replayed 10x slower than usual, so that MySQL's pull (~2 s real) is still
    // under way when WordPress is asked for, however busy the machine is.
    const slow = await startWithClients({ profile: { ...loadProfile('kind'), timeScale: 0.1 } });
    await slow.core.createNamespace({ body: { metadata: { name: 'shop' } } });
    const pulled = await openWatch(slow.kc, '/api/v1/namespaces/shop/events', {
      fieldSelector: 'reason=Pulled',
    });
    const servers: Array<[string, string]> = [
      ['db', 'mysql:8.4.3'],
      ['web', 'wordpress:6.8.1-php8.3-apache'],
    ];
    for (const [name, image] of servers)
      await slow.core.createNamespacedPod({
        namespace: 'shop',
        body: { metadata: { name }, spec: { containers: [{ name, image }] } },
      });
    const of = (pod: string) =>
      pulled.until((e) => (e.object as { involvedObject?: { name?: string } }).involvedObject?.name === pod);
    const [db, web] = await Promise.all([of('db'), of('web')]);
    pulled.stop();
    await slow.sim.stop();
    const parse = (e: typeof db) => {
      const event = e.object as { message?: string; lastTimestamp?: string };
      const m = PULLED.exec(event.message ?? '');
      if (!m) throw new Error(`unexpected Pulled message: ${event.message}`);
      const at = Date.parse(event.lastTimestamp ?? '');
      return { pull: goMs(m[2] as string), total: goMs(m[3] as string), size: Number(m[4]), at };
    };
    const first = parse(db);
    const second = parse(web);
    // Pulls take the size over the profile's bandwidth (plus a fixed part): MySQL's ~233 MB ≈ 20 s.
    expect(first.size).toBe(233_000_000);
    expect(first.pull).toBeGreaterThan(15_000);
    expect(first.total).toBe(first.pull);
    // WordPress asked while MySQL was pulling, waited its turn, then pulled: it is done exactly
    // its own pull time after MySQL (event times are whole seconds of sim time).
    expect(second.total - second.pull).toBeGreaterThan(0);
    expect(second.total - second.pull).toBeLessThan(first.pull);
    expect(Math.abs(second.at - first.at - second.pull)).toBeLessThanOrEqual(1000);
  });
});
