// The bootstrap against stand-in kind/docker and a simulator started as a fresh Kind cluster
// (no IngressClass, no controller): the ingress this installs is what makes stores reachable.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { startKubeSim, type KubeSim } from '../../../test/kube-sim/index';
import { KubeClient } from '../client';
import { detectIngress } from '../ingress-detect';
import { loadKubeConfig } from '../kubeconfig';
import { bootstrapLocalCluster, type BootstrapOptions, type BootstrapProgress } from './bootstrap';
import { makeStandins, simCluster, type Standins } from './standins.fixture';

let sim: KubeSim;
let dir: string;
let standins: Standins;

beforeAll(async () => {
  sim = await startKubeSim({ cluster: 'kind', ingress: false, seed: 3 });
});
afterAll(async () => sim?.stop());

function setup(initial: Parameters<typeof makeStandins>[0] = {}): void {
  dir = mkdtempSync(path.join(tmpdir(), 'storedeck-bootstrap-'));
  standins = makeStandins({
    cluster: simCluster(sim),
    ...initial,
  });
}
afterEach(() => {
  standins?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function options(progress: BootstrapProgress[], extra: Partial<BootstrapOptions> = {}): BootstrapOptions {
  const kubeconfigPath = path.join(dir, 'config');
  return {
    kubeconfigPath,
    env: standins.env,
    onProgress: (p) => progress.push(p),
    clientFor: (context) => {
      const loaded = loadKubeConfig(kubeconfigPath, context);
      if (!loaded.ok) throw new Error(loaded.error.message);
      return new KubeClient(loaded.value);
    },
    isPortFree: async (port) => port !== 80,
    ...extra,
  };
}

describe('bootstrapping a local cluster', () => {
  it('creates the cluster on the first free port, installs Traefik and waits for it', async () => {
    setup();
    const progress: BootstrapProgress[] = [];
    const outcome = await bootstrapLocalCluster(options(progress));
    expect(outcome).toEqual({
      ok: true,
      value: { name: 'storedeck', context: 'kind-storedeck', httpPort: 8080, httpsPort: 443, reused: false },
    });
    const create = standins.calls().find((c) => c.tool === 'kind' && c.args[0] === 'create');
    expect(create?.args).toEqual([
      'create',
      'cluster',
      '--name',
      'storedeck',
      '--config',
      expect.any(String),
      '--kubeconfig',
      path.join(dir, 'config'),
      '--wait',
      '120s',
    ]);
    const config = YAML.parse(create?.config ?? '');
    expect(config.nodes[0].extraPortMappings.map((m: { hostPort: number }) => m.hostPort)).toEqual([
      8080, 443,
    ]);
    // kind's own lines arrive in order, then the ingress, then the end state.
    const lines = progress.map((p) => `${p.phase}: ${p.line}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'ports: Host ports: HTTP 8080 (80 is in use), HTTPS 443',
        'kind: Creating cluster "storedeck" ...',
        'kind: ✓ Installing StorageClass 💾',
        'ingress: Applying Deployment traefik/traefik',
        'ingress: Traefik is ready; IngressClass "traefik" is the cluster default',
      ]),
    );
    expect(lines.indexOf('kind: ✓ Installing CNI 🔌')).toBeLessThan(
      lines.indexOf('ingress: Applying Deployment traefik/traefik'),
    );
    expect(progress.at(-1)).toEqual({
      phase: 'done',
      line: 'Cluster "storedeck" is ready (context kind-storedeck); stores will answer at http://<store>.localhost:8080/',
    });
    // The simulator now has what stores need: a default IngressClass and its controller running on the ingress-ready node.
    const client = options([]).clientFor('kind-storedeck');
    expect(await detectIngress(client)).toMatchObject({
      className: 'traefik',
      kind: 'traefik',
      controllerNamespace: 'traefik',
    });
    const pod = sim.store.list('pods', 'traefik')[0];
    // The default sim profile is a Kind node as `storedeck cluster create` names it.
    expect(pod?.spec?.nodeName).toBe('storedeck-control-plane');
    expect(
      sim.store.get('clusterroles.rbac.authorization.k8s.io', undefined, 'storedeck-traefik'),
    ).toBeDefined();
    const kubeconfig = YAML.parse(readFileSync(path.join(dir, 'config'), 'utf8'));
    expect(kubeconfig['current-context']).toBe('kind-storedeck');
    // As kind writes it: the admin authenticates with a client certificate (mTLS), no token.
    expect(Object.keys(kubeconfig.users[0].user).sort()).toEqual([
      'client-certificate-data',
      'client-key-data',
    ]);
  });

  it('reuses a cluster that exists, on the ports it was made with', async () => {
    setup({ clusters: { storedeck: { http: 8081, https: 8444 } } });
    const progress: BootstrapProgress[] = [];
    const outcome = await bootstrapLocalCluster(options(progress));
    expect(outcome).toMatchObject({ ok: true, value: { reused: true, httpPort: 8081, httpsPort: 8444 } });
    expect(progress.map((p) => p.line)).toContain('Cluster "storedeck" already exists; reusing it');
    expect(standins.calls().some((c) => c.args[0] === 'create')).toBe(false);
    expect(standins.calls().map((c) => c.args.slice(0, 2).join(' '))).toContain('export kubeconfig');
  });

  it('takes kind\'s "node(s) already exist" as a cluster to reuse', async () => {
    setup();
    // The cluster appears between our look and kind's create.
    const progress: BootstrapProgress[] = [];
    const outcome = await bootstrapLocalCluster(
      options(progress, {
        isPortFree: async (port) => {
          standins.setState({ clusters: { storedeck: { http: 8082, https: 443 } } });
          return port !== 80;
        },
      }),
    );
    expect(outcome).toMatchObject({ ok: true, value: { reused: true, httpPort: 8082 } });
    expect(standins.calls().filter((c) => c.args[0] === 'create')).toHaveLength(1);
  });

  it('stops at a stopped Docker daemon and says what to do', async () => {
    setup({ docker: 'stopped' });
    const progress: BootstrapProgress[] = [];
    const outcome = await bootstrapLocalCluster(options(progress, { platform: 'linux' }));
    expect(outcome).toEqual({
      ok: false,
      cancelled: false,
      message:
        'Docker is installed but its daemon is not running. Start it: `sudo systemctl start docker` (or start Docker Desktop)',
    });
    expect(progress.at(-1)?.phase).toBe('failed');
    expect(standins.calls().some((c) => c.tool === 'kind' && c.args[0] === 'create')).toBe(false);
  });

  it('cancelled while kind runs: kills it and removes the half-made cluster', async () => {
    setup({ hang: true });
    const controller = new AbortController();
    const progress: BootstrapProgress[] = [];
    const outcome = await bootstrapLocalCluster(
      options(progress, {
        signal: controller.signal,
        onProgress: (p) => {
          progress.push(p);
          if (p.line.startsWith('• Preparing nodes')) controller.abort();
        },
      }),
    );
    expect(outcome).toEqual({
      ok: false,
      cancelled: true,
      message: 'Cancelled; cluster "storedeck" was not created',
    });
    expect(standins.calls().at(-1)?.args.slice(0, 4)).toEqual(['delete', 'cluster', '--name', 'storedeck']);
    expect(standins.state().clusters).toEqual({});
  });
});
