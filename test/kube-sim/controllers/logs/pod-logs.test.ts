import { afterEach, describe, expect, it } from 'vitest';
import { StatusError } from '../../types.js';
import { namespace, podsOf, startHarness, type Harness } from '../test-harness.js';

let h: Harness;
afterEach(() => h?.stop());

const deploy = (name: string, image: string, containers?: unknown[]) => ({
  metadata: { name, namespace: 'shop' },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: {
        containers: containers ?? [
          {
            name,
            image,
            env: [
              { name: 'MYSQL_DATABASE', value: 'wordpress' },
              { name: 'MYSQL_USER', value: 'wp' },
            ],
            readinessProbe: { tcpSocket: { port: 80 } },
          },
        ],
      },
    },
  },
});

function statusError(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (err) {
    if (err instanceof StatusError) return err;
    throw err;
  }
  throw new Error('expected an error');
}

describe('pod logs', () => {
  it('tails MySQL startup lines, with sim-clock timestamps on request', async () => {
    h = startHarness({ profile: 'realistic', timeScale: 0.001 });
    namespace(h, 'shop');
    h.create('deployments.apps', deploy('mysql', 'mysql:8.4.10'));
    await h.waitFor('deployments.apps', 'shop', 'mysql', (d) => d?.status?.readyReplicas === 1);
    const name = podsOf(h, 'shop', 'mysql')[0]?.metadata.name as string;
    const all = h.controllers.podLogs('shop', name, {}).lines;
    expect(all.some((l) => l.includes('[Entrypoint]: Creating database wordpress'))).toBe(true);
    expect(all.some((l) => l.includes('[Entrypoint]: Creating user wp'))).toBe(true);
    const tail = h.controllers.podLogs('shop', name, { tailLines: 2, timestamps: true }).lines;
    expect(tail).toHaveLength(2);
    expect(tail[1]).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z .*\/usr\/sbin\/mysqld: ready for connections\. Version: '8\.4\.10'/,
    );
    const stamp = Date.parse((tail[1] as string).split(' ')[0] as string);
    expect(stamp).toBeLessThanOrEqual(h.clock.now());
  });

  it('follows a setup Job pod to its last line and ends when the container exits', async () => {
    h = startHarness({ profile: 'realistic', timeScale: 0.001 });
    namespace(h, 'shop');
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
    await h.until(
      () => podsOf(h, 'shop', 'woocommerce-setup')[0]?.status?.phase === 'Running',
      'setup pod running',
    );
    const name = podsOf(h, 'shop', 'woocommerce-setup')[0]?.metadata.name as string;
    const result = h.controllers.podLogs('shop', name, { follow: true });
    const followed: string[] = [...result.lines];
    await new Promise<void>((resolve) => result.follow?.((l) => followed.push(l), resolve));
    expect(followed).toContain('Success: WordPress installed successfully.');
    expect(followed.at(-1)).toBe('Store setup complete.');
    expect(new Set(followed).size).toBe(followed.length);
    expect(h.store.get('pods', 'shop', name)?.status.phase).toBe('Succeeded');
  });

  it('streams probe lines from a running WordPress while following, until unsubscribed', async () => {
    h = startHarness({ profile: 'realistic', timeScale: 0.001 });
    namespace(h, 'shop');
    h.create('deployments.apps', deploy('wordpress', 'wordpress:6.9.4-php8.3-apache'));
    await h.waitFor('deployments.apps', 'shop', 'wordpress', (d) => d?.status?.readyReplicas === 1);
    const name = podsOf(h, 'shop', 'wordpress')[0]?.metadata.name as string;
    const r = h.controllers.podLogs('shop', name, { follow: true, tailLines: 1 });
    expect(r.lines).toHaveLength(1);
    const probes: string[] = [];
    await new Promise<void>((resolve) => {
      const stop = r.follow?.(
        (l) => {
          probes.push(l);
          if (probes.length === 3) {
            stop?.();
            resolve();
          }
        },
        () => resolve(),
      );
    });
    for (const p of probes)
      expect(p).toMatch(
        /^10\.42\.\d+\.1 - - \[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0000\] "GET \/wp-login\.php HTTP\/1\.1" 200 \d+ "-" "kube-probe\/1\.31"$/,
      );
  });

  it('answers like the API server: 404, container required, waiting to start, image pull back-off', async () => {
    h = startHarness({ profile: 'realistic', timeScale: 0.01, faults: { imagePullFailPattern: ':nope$' } });
    namespace(h, 'shop');
    expect(statusError(() => h.controllers.podLogs('shop', 'ghost', {}))).toMatchObject({
      code: 404,
      message: 'pods "ghost" not found',
    });
    h.create(
      'deployments.apps',
      deploy('two', '', [
        { name: 'a', image: 'mysql:8.4.10' },
        { name: 'b', image: 'nginx:nope' },
      ]),
    );
    await h.until(() => !!podsOf(h, 'shop', 'two')[0]?.spec?.nodeName, 'scheduled');
    const name = podsOf(h, 'shop', 'two')[0]?.metadata.name as string;
    expect(statusError(() => h.controllers.podLogs('shop', name, {}))).toMatchObject({
      code: 400,
      message: `a container name must be specified for pod ${name}, choose one of: [a b]`,
    });
    expect(statusError(() => h.controllers.podLogs('shop', name, { container: 'zzz' })).message).toBe(
      `container zzz is not valid for pod ${name}`,
    );
    await h.until(
      () =>
        h.store.get('pods', 'shop', name)?.status?.containerStatuses?.[0]?.state?.waiting?.reason ===
        'ContainerCreating',
      'creating',
    );
    expect(statusError(() => h.controllers.podLogs('shop', name, { container: 'a' }))).toMatchObject({
      code: 400,
      message: `container "a" in pod "${name}" is waiting to start: ContainerCreating`,
    });
    await h.until(
      () =>
        h.store.get('pods', 'shop', name)?.status?.containerStatuses?.[1]?.state?.waiting?.reason ===
        'ImagePullBackOff',
      'back-off',
    );
    expect(statusError(() => h.controllers.podLogs('shop', name, { container: 'b' })).message).toBe(
      `container "b" in pod "${name}" is waiting to start: trying and failing to pull image`,
    );
  });
});
