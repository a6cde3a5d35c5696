// An image reference the kubelet cannot parse is never pulled: the container waits with
// InvalidImageName and the kubelet's InspectFailed event, as on a real node.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidImageMessage } from './controllers/kubelet/image-reference.js';
import type { KubeObject } from './types.js';
import { startWithClients, type SimClients } from './test-kit.js';

let c: SimClients;
beforeAll(async () => {
  c = await startWithClients();
  await c.core.createNamespace({ body: { metadata: { name: 'img' } } });
});
afterAll(() => c.sim.stop());

function waitingReason(name: string): Promise<{ reason: string; message: string }> {
  const of = (pod: KubeObject | undefined) => pod?.status?.containerStatuses?.[0]?.state?.waiting;
  return new Promise((resolve) => {
    const now = of(c.sim.store.get('pods', 'img', name));
    if (now?.reason === 'InvalidImageName') return resolve(now);
    const off = c.sim.store.subscribe((e) => {
      const w = e.key === 'pods' && e.object.metadata.name === name ? of(e.object) : undefined;
      if (w?.reason === 'InvalidImageName') {
        off();
        resolve(w);
      }
    });
  });
}

describe('InvalidImageName', () => {
  it('parses what registries accept and names what they do not', () => {
    expect(invalidImageMessage('mysql:8.4.3')).toBeUndefined();
    expect(invalidImageMessage('registry.local:5000/team/wordpress:6.8-php8.3-apache')).toBeUndefined();
    expect(invalidImageMessage('wordpress:cli-2.12.0-php8.3@sha256:' + 'a'.repeat(64))).toBeUndefined();
    expect(invalidImageMessage('mysql:8.4.3:extra')).toBe(
      'Failed to apply default image tag "mysql:8.4.3:extra": couldn\'t parse image name "mysql:8.4.3:extra": invalid reference format',
    );
  });

  it('keeps a container with an uppercase repository waiting, with the kubelet’s message and events', async () => {
    await c.core.createNamespacedPod({
      namespace: 'img',
      body: { metadata: { name: 'bad' }, spec: { containers: [{ name: 'web', image: 'Nginx:1.27.0' }] } },
    });
    const waiting = await waitingReason('bad');
    expect(waiting.message).toBe(
      'Failed to apply default image tag "Nginx:1.27.0": couldn\'t parse image name "Nginx:1.27.0": invalid reference format: repository name (library/Nginx) must be lowercase',
    );
    const events = (await c.core.listNamespacedEvent({ namespace: 'img' })).items.map(
      (e) => `${e.type} ${e.reason}`,
    );
    expect(events).toEqual(expect.arrayContaining(['Warning InspectFailed', 'Warning Failed']));
    expect(events.some((e) => e.endsWith('Pulling'))).toBe(false);
  });
});
