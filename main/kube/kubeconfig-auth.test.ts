// Every way kubectl users authenticate, through loadKubeConfig and the real client-node against
// the simulator: a client certificate (Kind, k3s), a bearer token, an exec plugin (cloud CLIs,
// kubelogin) — and a refused credential said in one sentence.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { startKubeSim, type KubeSim } from '../../test/kube-sim/index';
import { probeContext } from './context-probe';
import { loadKubeConfig } from './kubeconfig';

let sim: KubeSim;
let dir: string;

beforeAll(async () => {
  sim = await startKubeSim({ cluster: 'kind', seed: 9 });
  dir = mkdtempSync(path.join(tmpdir(), 'storedeck-auth-'));
});
afterAll(async () => {
  await sim?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A kubeconfig with the simulator's cluster and the given user stanza, as context "ctx". */
function kubeconfigWith(user: Record<string, unknown>): string {
  const doc = YAML.parse(sim.kubeconfig) as { clusters: Array<{ cluster: unknown }> };
  const file = path.join(dir, `config-${Math.random().toString(36).slice(2)}`);
  writeFileSync(
    file,
    YAML.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'c', cluster: doc.clusters[0]!.cluster }],
      users: [{ name: 'u', user }],
      contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u' } }],
      'current-context': 'ctx',
    }),
  );
  return file;
}

/** An exec credential plugin: prints an ExecCredential with the token, as kubelogin or a cloud CLI does. */
function execPlugin(token: string): string {
  const file = path.join(dir, `plugin-${token}`);
  const credential = {
    apiVersion: 'client.authentication.k8s.io/v1',
    kind: 'ExecCredential',
    status: { token },
  };
  writeFileSync(file, `#!${process.execPath}\nconsole.log(${JSON.stringify(JSON.stringify(credential))});\n`);
  chmodSync(file, 0o755);
  return file;
}

async function probe(file: string) {
  const loaded = loadKubeConfig(file, 'ctx');
  if (!loaded.ok) throw new Error(loaded.error.message);
  return probeContext(loaded.value);
}

describe('kubeconfig credentials', () => {
  it('a client certificate, as Kind writes it', async () => {
    const user = (YAML.parse(sim.clientCertKubeconfig) as { users: Array<{ user: Record<string, string> }> })
      .users[0]!.user;
    expect(await probe(kubeconfigWith(user))).toEqual({ ok: true, version: 'v1.33.1' });
  });

  it('a bearer token', async () => {
    expect(await probe(kubeconfigWith({ token: sim.token }))).toMatchObject({ ok: true });
  });

  it('an exec plugin', async () => {
    const file = kubeconfigWith({
      exec: {
        apiVersion: 'client.authentication.k8s.io/v1',
        command: execPlugin(sim.token),
        interactiveMode: 'Never',
      },
    });
    expect(await probe(file)).toMatchObject({ ok: true });
  });

  it('an expired credential from any of them is one sentence', async () => {
    const file = kubeconfigWith({
      exec: {
        apiVersion: 'client.authentication.k8s.io/v1',
        command: execPlugin('expired'),
        interactiveMode: 'Never',
      },
    });
    const result = await probe(file);
    expect(result).toMatchObject({ ok: false, reason: 'unauthorized' });
    expect(result.ok ? '' : result.message).toContain(
      'refused its credentials (HTTP 401) — they may have expired',
    );
  });
});
