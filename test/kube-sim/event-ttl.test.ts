// Events expire an hour (sim time) after their last write, as the apiserver's --event-ttl does:
// a diagnosis built on old events must not find them forever.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TTL_MS } from './controllers/events.js';
import { loadProfile } from './profiles/load-profile.js';
import { startWithClients, type SimClients } from './test-kit.js';

let c: SimClients;
beforeAll(async () => {
  // 1 h of sim time in well under a second.
  c = await startWithClients({ profile: { ...loadProfile('fast'), timeScale: 0.0001 } });
});
afterAll(() => c.sim.stop());

describe('event TTL', () => {
  it('deletes an event one hour after its last write', async () => {
    await c.core.createNamespace({ body: { metadata: { name: 'ttl' } } });
    const gone = new Promise<{ lastTimestamp: string; at: number }>((resolve) => {
      const off = c.sim.store.subscribe((e) => {
        if (e.key === 'events' && e.type === 'DELETED' && e.object.metadata.namespace === 'ttl') {
          off();
          resolve({ lastTimestamp: String(e.object.lastTimestamp), at: c.sim.clock.now() });
        }
      });
    });
    await c.core.createNamespacedPod({
      namespace: 'ttl',
      body: { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27.0' }] } },
    });
    const { lastTimestamp, at } = await gone;
    expect(at - Date.parse(lastTimestamp)).toBeGreaterThanOrEqual(EVENT_TTL_MS);
    expect(at - Date.parse(lastTimestamp)).toBeLessThan(EVENT_TTL_MS + 2000);
  });
});
