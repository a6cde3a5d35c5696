// From nothing to a store, the way a new user goes: no kubeconfig, `storedeck cluster create`
// (stand-in kind/docker on PATH, a simulator started as a fresh Kind cluster with no ingress)
// → Traefik installed by Storedeck → `storedeck create --wait` on kind-storedeck → Ready with
// URLs on the chosen host port; then preflight, its failures, and `cluster delete`.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { ClusterStatus, Store } from '../../preload/contract';
import { createApp } from '../../main/api/create-app';
import { runCli } from '../../main/cli/run-cli';
import { makeStandins, simCluster, type Standins } from '../../main/kube/kind/standins.fixture';
import { startKubeSim, type KubeSim } from '../kube-sim/index';

let sim: KubeSim;
let standins: Standins;
let dir: string;
let kubeconfig: string;
let httpPort: number;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['--kubeconfig', kubeconfig, '--data-dir', path.join(dir, 'data'), ...argv], {
    io: { out: (t) => void (out += t), err: (t) => void (err += t) },
    createApp: (options) => createApp({ ...options, toolEnv: standins.env }),
  });
  return { code, out, err };
}

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  sim = await startKubeSim({ cluster: 'kind', ingress: false, profile: 'fast', seed: 21 });
  dir = mkdtempSync(path.join(tmpdir(), 'storedeck-journey-'));
  kubeconfig = path.join(dir, 'kube', 'config');
  standins = makeStandins({
    cluster: simCluster(sim),
  });
  httpPort = await freePort();
});

afterAll(async () => {
  await sim?.stop();
  standins?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('start from nothing', () => {
  it('status says there is no kubeconfig yet, and that Docker and kind are there', async () => {
    const result = await cli('--json', 'cluster', 'status');
    expect(result.code).toBe(0);
    const status = JSON.parse(result.out) as ClusterStatus;
    expect(status).toMatchObject({
      docker: { state: 'ok', version: '27.3.1' },
      kind: { state: 'ok', version: 'v0.30.0' },
      clusters: [],
      context: null,
      kubeconfigPath: kubeconfig,
    });
    expect(status.kubeconfigProblem).toBe(`Kubeconfig file ${kubeconfig} does not exist`);
  });

  it('cluster create makes the cluster, installs the ingress and selects the context', async () => {
    const result = await cli('cluster', 'create', '--http-port', String(httpPort));
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        `Host ports: HTTP ${httpPort}, HTTPS 443`,
        '  Creating cluster "storedeck" ...',
        '  ✓ Starting control-plane 🕹️',
        'Applying IngressClass traefik',
        'Traefik is ready; IngressClass "traefik" is the cluster default',
        `Cluster "storedeck" is ready (context kind-storedeck); stores will answer at http://<store>.localhost:${httpPort}/`,
      ]),
    );
    expect(lines.indexOf('  Have a nice day! 👋')).toBeLessThan(
      lines.indexOf('Applying IngressClass traefik'),
    );
    const config = YAML.parse(readFileSync(kubeconfig, 'utf8'));
    expect(config.contexts.map((c: { name: string }) => c.name)).toEqual(['kind-storedeck']);
    expect(sim.store.get('ingressclasses.networking.k8s.io', undefined, 'traefik')).toBeDefined();
  });

  it('status shows the cluster, its port and its ingress', async () => {
    const result = await cli('cluster', 'status');
    expect(result.out).toMatch(/^Clusters +storedeck$/m);
    expect(result.out).toMatch(
      new RegExp(`^Context +kind-storedeck \\(local cluster "storedeck", HTTP port ${httpPort}\\)$`, 'm'),
    );
    expect(result.out).toMatch(
      /^Ingress +IngressClass "traefik" served by traefik\.io\/ingress-controller in namespace traefik$/m,
    );
  });

  it('create --wait on kind-storedeck is Ready with URLs and WordPress home on the chosen port', async () => {
    const result = await cli('create', 'Corner Shop', '--email', 'owner@example.com', '--wait');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Store "Corner Shop" is Ready: http://corner-shop.localhost:${httpPort}/`);
    const [store] = JSON.parse((await cli('--json', 'list')).out) as Store[];
    expect(store).toMatchObject({
      context: 'kind-storedeck',
      status: 'Ready',
      url: `http://corner-shop.localhost:${httpPort}/`,
      adminUrl: `http://corner-shop.localhost:${httpPort}/wp-admin/`,
    });
    const job = sim.store.get('jobs.batch', 'store-corner-shop', 'woocommerce-setup');
    const env = job?.spec?.template?.spec?.containers?.[0]?.env as Array<{ name: string; value?: string }>;
    expect(env.find((e) => e.name === 'WP_URL')?.value).toBe(`http://corner-shop.localhost:${httpPort}`);
    // The NetworkPolicy admits the controller Storedeck installed.
    expect(
      JSON.stringify(
        sim.store.get('networkpolicies.networking.k8s.io', 'store-corner-shop', 'store-isolation'),
      ),
    ).toContain('"kubernetes.io/metadata.name":"traefik"');
  });

  it('preflight prints every check and passes', async () => {
    const result = await cli('preflight');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^ {2}ok {7}Kubernetes API +Reachable, v1\.33\.1$/m);
    expect(result.out).toMatch(
      new RegExp(
        `^ {2}ok {7}Ingress port +Host port ${httpPort}, mapped when Storedeck made this cluster$`,
        'm',
      ),
    );
    expect(result.out).toMatch(/^ {2}ok {7}Ingress +IngressClass "traefik" served by/m);
    expect(result.out).toContain('This context can host stores.');
  });

  it('a missing StorageClass, IngressClass or permission turns its line into a failure with the fix', async () => {
    const standard = sim.store.get('storageclasses.storage.k8s.io', undefined, 'standard')!;
    const traefik = sim.store.get('ingressclasses.networking.k8s.io', undefined, 'traefik')!;
    sim.store.delete('storageclasses.storage.k8s.io', undefined, 'standard');
    sim.store.delete('ingressclasses.networking.k8s.io', undefined, 'traefik');
    sim.setAccessDenied([{ verb: 'create', resource: 'namespaces' }]);
    try {
      const result = await cli('preflight');
      expect(result.code).toBe(1);
      expect(result.out).toMatch(/^ {2}failure {2}Storage +No default StorageClass/m);
      expect(result.out).toMatch(/^ +fix: Set a StorageClass in Settings, or mark one default/m);
      expect(result.out).toMatch(/^ {2}failure {2}Ingress +The cluster has no IngressClass/m);
      expect(result.out).toMatch(
        /^ +fix: Install an ingress controller: `storedeck cluster create` installs Traefik/m,
      );
      expect(result.out).toMatch(/^ {2}failure {2}Permissions +Not allowed: create namespaces\./m);
      expect(result.out).toMatch(/^ +fix: Ask a cluster admin to install charts\/storedeck-access for you$/m);
      expect(result.out).toContain('This context cannot host stores yet.');
    } finally {
      sim.setAccessDenied([]);
      for (const [key, obj] of [
        ['storageclasses.storage.k8s.io', standard],
        ['ingressclasses.networking.k8s.io', traefik],
      ] as const) {
        const { uid: _uid, resourceVersion: _rv, creationTimestamp: _ct, ...metadata } = obj.metadata;
        sim.store.create(key, { ...obj, metadata });
      }
    }
  });

  it('cluster delete asks for --yes, then deletes the cluster and its context', async () => {
    const refused = await cli('cluster', 'delete');
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(
      'storedeck: cluster delete removes cluster "storedeck" and every store in it; pass --yes to confirm\n',
    );
    const deleted = await cli('cluster', 'delete', '--yes');
    expect(deleted.err).toBe('');
    expect(deleted.code).toBe(0);
    expect(deleted.out).toContain('  Deleting cluster "storedeck" ...');
    expect(deleted.out).toContain('Cluster "storedeck" is deleted.');
    expect(existsSync(kubeconfig)).toBe(true);
    expect(YAML.parse(readFileSync(kubeconfig, 'utf8')).contexts).toEqual([]);
    expect(
      standins
        .calls()
        .filter((c) => c.tool === 'kind')
        .map((c) => c.args.slice(0, 2).join(' ')),
    ).toEqual(expect.arrayContaining(['create cluster', 'delete cluster']));
  });
});
