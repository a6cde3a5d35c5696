// HTTP to a pod over one pods/portforward stream, against kube-sim through the real client: the
// requests keep one connection (one stream through the API server for all of them) and carry
// the store's Host; nothing listening on the pod's port is a transient error with the kubelet's
// reason, not an answer.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKubeSim, type KubeSim } from '../../test/kube-sim/index';
import { KubeClient } from './client';
import { KubeError } from './errors';
import { KINDS } from './kinds';
import { openPodHttp, type PodHttp } from './pod-http';
import { waitFor } from './watch-wait';

let sim: KubeSim;
let client: KubeClient;
let backend: Server;
const seen: Array<{ method: string; url: string; headers: IncomingHttpHeaders; body: string }> = [];
const NS = 'web';
const POD = 'site-1';

beforeAll(async () => {
  sim = await startKubeSim({ profile: 'fast', seed: 5 });
  const kc = new KubeConfig();
  kc.loadFromString(sim.kubeconfig);
  client = new KubeClient(kc, { maxAttempts: 1 });
  backend = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(201, { 'Content-Type': 'application/json' }).end(`{"n":${seen.length}}`);
    });
  });
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  await client.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
  await client.apply({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: POD, namespace: NS },
    spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 8080 }] }] },
  });
  await waitFor(client, KINDS.Pod, NS, POD, (p) => p.status?.phase === 'Running', { timeoutMs: 20_000 });
  const port = (backend.address() as AddressInfo).port;
  sim.setPortBackend((ns, pod, p) =>
    ns === NS && pod === POD && p === 8080 ? { host: '127.0.0.1', port } : undefined,
  );
}, 60_000);

afterAll(async () => {
  await sim?.stop();
  await new Promise<void>((resolve) => backend?.close(() => resolve()));
});

const forwards = () => sim.requests().filter((r) => r.resource === 'pods/portforward').length;

/** Opens HTTP to the test pod's `port`, runs `use`, and closes the forward whatever happens. */
async function withPodHttp(
  port: number,
  use: (pod: PodHttp) => Promise<void>,
  target: { pod?: string; kubeConfig?: KubeConfig } = {},
): Promise<void> {
  const pod = await openPodHttp(target.kubeConfig ?? client.kubeConfig, {
    namespace: NS,
    pod: target.pod ?? POD,
    port,
    host: 'shop.localhost',
  });
  try {
    await use(pod);
  } finally {
    await pod.close();
  }
}

describe('openPodHttp', () => {
  it('sends every request over one kept-alive stream, with the store Host header and the body', async () => {
    const before = forwards();
    await withPodHttp(8080, async (pod) => {
      const answers = [];
      for (let i = 0; i < 3; i++)
        answers.push(
          await pod.http({
            method: i === 1 ? 'POST' : 'GET',
            path: `/page?i=${i}`,
            headers: { 'Content-Type': 'application/json' },
            body: i === 1 ? '{"a":1}' : undefined,
            timeoutMs: 5_000,
          }),
        );
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
      expect(answers[2]?.body).toBe('{"n":3}');
      expect(seen.map((s) => `${s.method} ${s.url} ${s.headers.host}`)).toEqual([
        'GET /page?i=0 shop.localhost',
        'POST /page?i=1 shop.localhost',
        'GET /page?i=2 shop.localhost',
      ]);
      expect(seen[1]?.body).toBe('{"a":1}');
      expect(pod.streams()).toBe(1);
      expect(forwards() - before).toBe(1);
    });
  });

  it('nothing listening on the pod port: a transient error naming the kubelet’s reason', async () => {
    await withPodHttp(9999, async (pod) => {
      const error = await pod.http({ method: 'GET', path: '/', timeoutMs: 5_000 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KubeError);
      expect(error).toMatchObject({ kind: 'transient' });
      expect((error as Error).message).toMatch(
        /^the port-forward to pod site-1 port 9999 failed: .*connection refused/,
      );
    });
  });

  it('a pod that is gone is a transient error saying so; a refused port-forward (403) is permanent', async () => {
    const request = (pod: PodHttp) =>
      pod.http({ method: 'GET', path: '/', timeoutMs: 5_000 }).catch((e: unknown) => e);
    await withPodHttp(
      8080,
      async (pod) => {
        expect(await request(pod)).toMatchObject({
          kind: 'transient',
          status: 404,
          message:
            'the port-forward to pod replaced-1 port 8080 failed: the pod is gone (HTTP 404); the next pass picks the one that replaced it',
        });
      },
      { pod: 'replaced-1' },
    );

    // An identity that may read pods but not forward to them, as the API server authorises it.
    await client.core.createNamespacedServiceAccount({
      namespace: NS,
      body: { metadata: { name: 'reader' } },
    });
    const rbac = client.kubeConfig.makeApiClient(RbacAuthorizationV1Api);
    await rbac.createNamespacedRole({
      namespace: NS,
      body: {
        metadata: { name: 'read-pods' },
        rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }],
      },
    });
    await rbac.createNamespacedRoleBinding({
      namespace: NS,
      body: {
        metadata: { name: 'reader' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'read-pods' },
        subjects: [{ kind: 'ServiceAccount', name: 'reader', namespace: NS }],
      },
    });
    const token = await client.core.createNamespacedServiceAccountToken({
      name: 'reader',
      namespace: NS,
      body: { spec: { audiences: [] } },
    });
    const reader = new KubeConfig();
    reader.loadFromString(sim.kubeconfigForToken(token.status?.token ?? ''));
    await withPodHttp(
      8080,
      async (pod) => {
        expect(await request(pod)).toMatchObject({
          kind: 'permanent',
          status: 403,
          message: `the port-forward to pod site-1 port 8080 was refused (HTTP 403): this identity may not create pods/portforward in ${NS}`,
        });
      },
      { kubeConfig: reader },
    );
  });
});
