// One clear sentence per way a context can be unusable: nothing listening, a server that never
// answers (bounded), credentials refused (401).
import { createServer, type Server, type Socket } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKubeSim, type KubeSim } from '../../test/kube-sim/index';
import { probeContext } from './context-probe';

let sim: KubeSim;
let silent: Server;
let silentPort: number;
const sockets: Socket[] = [];

beforeAll(async () => {
  sim = await startKubeSim({ seed: 5 });
  // Accepts connections and never says a word: a cluster behind a dead VPN looks like this.
  silent = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentPort = (silent.address() as { port: number }).port;
});
afterAll(async () => {
  await sim?.stop();
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

function config(patch: { server?: string; token?: string }): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromString(sim.kubeconfig);
  if (patch.server) kc.clusters[0] = { ...kc.clusters[0]!, server: patch.server };
  if (patch.token) kc.users[0] = { ...kc.users[0]!, token: patch.token };
  return kc;
}

describe('probing a context', () => {
  it('answers with the version when the cluster is there', async () => {
    expect(await probeContext(config({}))).toEqual({ ok: true, version: 'v1.33.1+k3s1' });
  });

  it('says the server cannot be reached when nothing listens', async () => {
    const result = await probeContext(config({ server: 'https://127.0.0.1:9' }));
    expect(result).toEqual({
      ok: false,
      reason: 'unreachable',
      message: 'Context "kube-sim": cannot reach https://127.0.0.1:9 (ECONNREFUSED)',
    });
  });

  it('gives up on a server that never answers, within its bound', async () => {
    const result = await probeContext(config({ server: `https://127.0.0.1:${silentPort}` }), 300);
    expect(result).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(result.ok ? '' : result.message).toBe(
      `Context "kube-sim": https://127.0.0.1:${silentPort} did not answer within 300 ms (is the cluster running?)`,
    );
  });

  it('names refused (expired) credentials', async () => {
    const result = await probeContext(config({ token: 'expired-token' }));
    expect(result).toMatchObject({ ok: false, reason: 'unauthorized' });
    expect(result.ok ? '' : result.message).toMatch(
      /refused its credentials \(HTTP 401\) — they may have expired/,
    );
  });
});
