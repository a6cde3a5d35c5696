import { afterEach, describe, expect, it } from 'vitest';
import { condition, namespace, startHarness, type Harness } from './test-harness.js';

let h: Harness;
afterEach(() => h?.stop());

describe('realistic profile, replayed 1000× faster', () => {
  it("takes a small cluster's time: MySQL ready after ~1 min (pull + init), the setup Job ~1 min, namespace gone in ~15 s", async () => {
    h = startHarness({ profile: 'realistic', timeScale: 0.001 });
    const at: Record<string, number> = {};
    const mark = (name: string): void => {
      at[name] ??= h.clock.now();
    };
    h.store.subscribe((e) => {
      if (e.key === 'deployments.apps' && e.object.status?.availableReplicas === 1)
        mark(`${e.object.metadata.name} available`);
      if (e.key === 'jobs.batch' && condition(e.object, 'Complete')?.status === 'True')
        mark('setup complete');
      if (e.key === 'namespaces' && e.type === 'DELETED') mark('namespace gone');
    });
    let started = 0;
    // Created inside a sim-clock callback, so the run is measured in sim time from its first instant.
    await new Promise<void>((resolve) =>
      h.clock.setTimeout(() => {
        started = h.clock.now();
        namespace(h, 'shop');
        for (const [name, image] of [
          ['mysql', 'mysql:8.4.10'],
          ['wordpress', 'wordpress:6.9.4-php8.3-apache'],
        ]) {
          h.create('deployments.apps', {
            metadata: { name, namespace: 'shop' },
            spec: {
              replicas: 1,
              selector: { matchLabels: { app: name } },
              template: {
                metadata: { labels: { app: name } },
                spec: { containers: [{ name, image, readinessProbe: { exec: { command: ['true'] } } }] },
              },
            },
          });
        }
        h.create('jobs.batch', {
          metadata: { name: 'woocommerce-setup', namespace: 'shop' },
          spec: {
            template: {
              spec: {
                restartPolicy: 'Never',
                containers: [{ name: 'wp-cli', image: 'wordpress:cli-2.12.0-php8.3' }],
              },
            },
          },
        });
        resolve();
      }, 0),
    );
    const realStart = Date.now();
    await h.waitFor(
      'jobs.batch',
      'shop',
      'woocommerce-setup',
      (j) => condition(j, 'Complete')?.status === 'True',
    );
    await h.until(
      () => at['mysql available'] !== undefined && at['wordpress available'] !== undefined,
      'both available',
    );
    expect(Date.now() - realStart).toBeLessThan(5000);
    const secs = (k: string): number => ((at[k] as number) - started) / 1000;
    // pull 25 s + start 1.5 s + ready 32 s
    expect(secs('mysql available')).toBeGreaterThan(55);
    expect(secs('mysql available')).toBeLessThan(65);
    expect(secs('wordpress available')).toBeGreaterThan(50);
    // pull 9 s + start 1.5 s + run 60 s
    expect(secs('setup complete')).toBeGreaterThan(68);
    expect(secs('setup complete')).toBeLessThan(75);
    let deleting = 0;
    h.clock.setTimeout(() => {
      deleting = h.clock.now();
      h.store.delete('namespaces', undefined, 'shop');
    }, 0);
    await h.waitFor('namespaces', undefined, 'shop', (n) => n === undefined);
    expect(((at['namespace gone'] as number) - deleting) / 1000).toBeGreaterThanOrEqual(15);
    expect(((at['namespace gone'] as number) - deleting) / 1000).toBeLessThan(20);
  });
});
