// The MedusaJS plan against kube-sim through the real CLI: create --plan medusa --wait reaches
// Ready with exactly the objects the strategy declares, delete leaves nothing, and a failing
// setup Job is explained in plain words.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../main/api/create-app';
import { runCli } from '../../main/cli/run-cli';
import { LABEL } from '../../main/engine/model/labels';
import { medusaResources } from '../../main/engine/strategies/medusa/medusa.strategy';
import { testContext } from '../../main/engine/strategies/woocommerce/test-context.fixture';
import { startKubeSim, type KubeSim } from '../kube-sim/index';
import { RESOURCE_TYPES, keyOf } from '../kube-sim/store/resource-types';

let sim: KubeSim;
let dir: string;
let kubeconfig: string;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['--kubeconfig', kubeconfig, '--data-dir', dir, ...argv], {
    io: { out: (t) => void (out += t), err: (t) => void (err += t) },
    createApp,
  });
  return { code, out, err };
}

/** Every object Storedeck made in a namespace (by its managed-by label), as Kind/name. */
function managedObjects(namespace: string): string[] {
  const found: string[] = [];
  for (const type of RESOURCE_TYPES.filter((t) => t.namespaced && t.kind !== 'Event')) {
    for (const o of sim.store.list(keyOf(type), namespace)) {
      if (o.metadata.labels?.[LABEL.managedBy] !== 'storedeck') continue;
      if (o.metadata.ownerReferences?.length) continue; // pods made by controllers, not declared
      found.push(`${type.kind}/${o.metadata.name}`);
    }
  }
  return found.sort();
}

async function start(faults: Record<string, string> = {}): Promise<void> {
  sim = await startKubeSim({ profile: 'fast', seed: 13, faults });
  dir = mkdtempSync(path.join(tmpdir(), 'storedeck-medusa-'));
  kubeconfig = path.join(dir, 'kubeconfig');
  await sim.writeKubeconfig(kubeconfig);
}

afterEach(async () => {
  await sim?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a MedusaJS store against the simulator', () => {
  it('create --plan medusa --wait is Ready with exactly the declared objects; delete leaves nothing', async () => {
    await start();
    const created = await cli(
      'create',
      'Corner Shop',
      '--email',
      'owner@example.com',
      '--plan',
      'medusa',
      '--wait',
    );
    expect(created.err).toBe('');
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/Store "Corner Shop" is Ready: http:\/\/corner-shop\.localhost/);

    const declared = [
      ...medusaResources(testContext()).filter((o) => o.kind !== 'Namespace'),
      { kind: 'Secret', metadata: { name: 'postgres-credentials' } },
      { kind: 'Secret', metadata: { name: 'medusa-secrets' } },
      { kind: 'Job', metadata: { name: 'medusa-setup' } },
      // Not the plan's: the engine binds its store role in every store namespace it claims.
      { kind: 'RoleBinding', metadata: { name: 'storedeck-store' } },
    ].map((o) => `${o.kind}/${o.metadata.name}`);
    expect(managedObjects('store-corner-shop')).toEqual(declared.sort());
    const ns = sim.store.get('namespaces', undefined, 'store-corner-shop');
    expect(ns?.metadata.labels?.[LABEL.plan]).toBe('medusa');
    expect(sim.store.list('pods', 'store-corner-shop').map((p) => p.metadata.name)).toContain('postgres-0');

    const shown = await cli('show', 'corner-shop');
    expect(shown.out).toMatch(/^Status: +Ready$/m);
    expect(shown.out).toMatch(/corner-shop\.localhost\/app/);

    const deleted = await cli('delete', 'corner-shop', '--wait');
    expect(deleted.code).toBe(0);
    expect(sim.store.get('namespaces', undefined, 'store-corner-shop')).toBeUndefined();
    expect(managedObjects('store-corner-shop')).toEqual([]);
  });

  it('a failing setup job fails the store at setup, in plain words', async () => {
    await start({ jobFailPattern: 'medusa-setup' });
    const created = await cli(
      'create',
      'Setup Shop',
      '--email',
      'owner@example.com',
      '--plan',
      'medusa',
      '--wait',
    );
    expect(created.code).not.toBe(0);
    const shown = await cli('show', 'setup-shop');
    expect(shown.out).toMatch(/^Status: +Failed$/m);
    expect(shown.out).toMatch(/The setup job \(medusa-setup\) failed after \d+ attempts/);
  });
});
