// A MedusaJS store that cannot come up, against the simulator through the real CLI: each fault
// the simulator injects into one of its containers ends the store Failed with a reason in plain
// words, quoting the container's last log lines where they say why (the kubelet's termination
// message, terminationMessagePolicy FallbackToLogsOnError).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../main/api/create-app';
import { runCli } from '../../main/cli/run-cli';
import type { FaultConfig } from '../kube-sim/types';
import { startKubeSim, type KubeSim } from '../kube-sim/index';

let sim: KubeSim | undefined;
let dir: string | undefined;

afterEach(async () => {
  await sim?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  sim = undefined;
  dir = undefined;
});

async function failedStore(faults: FaultConfig): Promise<string> {
  sim = await startKubeSim({ profile: 'fast', seed: 13, faults });
  dir = mkdtempSync(path.join(tmpdir(), 'storedeck-medusa-fail-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  await sim.writeKubeconfig(kubeconfig);
  const cli = async (...argv: string[]) => {
    let out = '';
    const code = await runCli(['--kubeconfig', kubeconfig, '--data-dir', dir as string, ...argv], {
      io: { out: (t) => void (out += t), err: (t) => void (out += t) },
      createApp,
    });
    return { code, out };
  };
  const created = await cli(
    'create',
    'Broken Shop',
    '--email',
    'owner@example.com',
    '--plan',
    'medusa',
    '--wait',
  );
  expect(created.code).not.toBe(0);
  const shown = await cli('show', 'broken-shop');
  expect(shown.out).toMatch(/^Status: +Failed$/m);
  return shown.out;
}

describe('a MedusaJS store that cannot come up says why', () => {
  it('the npm registry out of reach: the install init container’s own words', async () => {
    const out = await failedStore({ containerCrashPattern: '^medusa-server-[^/]+/install$' });
    expect(out).toMatch(/cannot reach the npm registry \(registry\.npmjs\.org\)/);
    expect(out).toMatch(/install\.sh: npm ci failed: could not install the server dependencies/);
    expect(out).toMatch(/EAI_AGAIN registry\.npmjs\.org/);
  });

  it('migrations that cannot reach PostgreSQL', async () => {
    const out = await failedStore({ containerCrashPattern: '^medusa-server-[^/]+/migrate$' });
    expect(out).toMatch(
      /database migrations cannot run: PostgreSQL \(postgres:5432\) does not accept connections/,
    );
    expect(out).toMatch(/wait-tcp: postgres:5432 did not accept a connection/);
  });

  it('a server that crashes after it starts, with its last lines', async () => {
    const out = await failedStore({ containerCrashPattern: '^medusa-server-[^/]+/server$' });
    expect(out).toMatch(/The Medusa server keeps crashing after it starts: restarted \d+ times/);
    expect(out).toMatch(/Error: connect ECONNREFUSED redis:6379/);
  });

  it('a storefront that does not serve, named as the reason the setup job’s order failed', async () => {
    const out = await failedStore({
      containerUnreadyPattern: '^storefront-[^/]+/storefront$',
      jobFailPattern: '^medusa-setup$',
    });
    expect(out).toMatch(/The storefront runs but does not serve: its readiness check \(\/healthz\) fails/);
    expect(out).toMatch(/So: The setup job \(medusa-setup\) failed after \d+ attempts/);
  });
});
