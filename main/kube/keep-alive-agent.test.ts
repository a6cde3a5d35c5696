// Every request and watch of one context goes over the same few TLS connections.
import tls from 'node:tls';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KubeClient } from './client';
import { KINDS } from './kinds';
import { loadKubeConfig } from './kubeconfig';
import { startKubeSim, type KubeSim } from '../../test/kube-sim/index';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

let sim: KubeSim | null = null;
let dir: string | null = null;
afterEach(async () => {
  await sim?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  sim = null;
  dir = null;
});

async function clientOnSim(): Promise<{ client: KubeClient }> {
  sim = await startKubeSim({ profile: 'fast', seed: 1 });
  dir = mkdtempSync(path.join(tmpdir(), 'storedeck-agent-'));
  const file = path.join(dir, 'kubeconfig');
  await sim.writeKubeconfig(file);
  const loaded = loadKubeConfig(file, 'kube-sim');
  if (!loaded.ok) throw new Error(loaded.error.message);
  return { client: new KubeClient(loaded.value) };
}

describe('shared keep-alive agent', () => {
  it('client-node alone opens a TLS connection per request (what the shared agent fixes)', async () => {
    const { client } = await clientOnSim();
    client.close();
    const plain = new KubeConfig();
    plain.loadFromString(client.kubeConfig.exportConfig());
    const core = plain.makeApiClient(CoreV1Api);
    const connect = vi.spyOn(tls, 'connect');
    try {
      await core.listNamespace();
      await core.listNamespace();
      expect(connect).toHaveBeenCalledTimes(2);
    } finally {
      connect.mockRestore();
    }
  });

  it('serves twenty sequential requests over one TLS connection', async () => {
    const { client } = await clientOnSim();
    const connect = vi.spyOn(tls, 'connect');
    try {
      for (let i = 0; i < 20; i++) await client.list(KINDS.Namespace);
      await client.get(KINDS.Namespace, undefined, 'default');
      expect(connect).toHaveBeenCalledTimes(1);
    } finally {
      connect.mockRestore();
      client.close();
    }
  });
});
