// HTTP through the API server's service proxy, against kube-sim through a real kubeconfig: the
// request reaches the Service's backend with the store's Host header and without the user's
// credentials; the API server's own failures are transient errors, the app's answers are values.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKubeSim, type KubeSim } from '../../test/kube-sim/index';
import { KubeClient } from './client';
import { KubeError } from './errors';
import { KINDS } from './kinds';
import { serviceHttp } from './service-proxy';
import { waitFor } from './watch-wait';

let sim: KubeSim;
let client: KubeClient;
let backend: Server;
const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];

beforeAll(async () => {
  sim = await startKubeSim({ profile: 'fast', seed: 5 });
  const kc = new KubeConfig();
  kc.loadFromString(sim.kubeconfig);
  client = new KubeClient(kc, { maxAttempts: 1 });
  backend = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res
      .writeHead(418, { 'Content-Type': 'application/json' })
      .end('{"code":"teapot","message":"short and stout"}');
  });
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  await client.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'web' } });
  await client.apply({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'site', namespace: 'web' },
    spec: { selector: { app: 'site' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
  });
}, 60_000);

afterAll(async () => {
  await sim?.stop();
  await new Promise<void>((resolve) => backend?.close(() => resolve()));
});

const http = () =>
  serviceHttp(client.kubeConfig, {
    namespace: 'web',
    service: 'site',
    port: 'http',
    host: 'shop.localhost:8080',
  });

describe('serviceHttp', () => {
  it('is refused as the API server refuses it while no pod behind the Service is ready (transient)', async () => {
    const error = await http()({ method: 'GET', path: '/', timeoutMs: 5_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KubeError);
    expect(error).toMatchObject({
      kind: 'transient',
      status: 503,
      message: 'no endpoints available for service "site"',
    });
  });

  it('reaches the backend with the store Host header, the path and query, and no credentials', async () => {
    await client.apply({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'site-1', namespace: 'web', labels: { app: 'site' } },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 8080 }] }] },
    });
    await waitFor(
      client,
      KINDS.Pod,
      'web',
      'site-1',
      (p) =>
        (p.status?.conditions ?? []).some(
          (c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True',
        ),
      { timeoutMs: 30_000, what: 'pod site-1 ready' },
    );
    sim.serviceBackends.register(
      'web',
      'site',
      `http://127.0.0.1:${(backend.address() as AddressInfo).port}`,
    );
    const res = await http()({ method: 'POST', path: '/?rest_route=/x/y&a=1', body: '{}', timeoutMs: 5_000 });
    expect(res).toMatchObject({ status: 418, body: '{"code":"teapot","message":"short and stout"}' });
    expect(seen.at(-1)?.url).toBe('/?rest_route=/x/y&a=1');
    expect(seen.at(-1)?.headers.host).toBe('shop.localhost:8080');
    expect(seen.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('turns an API server 500 into a transient error, not an answer of the app', async () => {
    sim.setFaults({ errorRate: 1 });
    try {
      await expect(http()({ method: 'GET', path: '/', timeoutMs: 5_000 })).rejects.toMatchObject({
        kind: 'transient',
      });
    } finally {
      sim.setFaults({ errorRate: 0 });
    }
  });
});
