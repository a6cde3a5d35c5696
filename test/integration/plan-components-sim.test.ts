// Restart, logs and health name the plan's components, as its strategy lists them — one store
// per plan against kube-sim through the real CLI: a component restarts (a StatefulSet too), its
// logs are read, health lists every component, and a component of another plan is refused with
// the plan's own list.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../main/api/create-app';
import { runCli } from '../../main/cli/run-cli';
import { ANNOTATION } from '../../main/engine/model/labels';
import { strategyFor } from '../../main/engine/strategies/registry';
import type { Plan } from '../../preload/contract';
import { startKubeSim, type KubeSim } from '../kube-sim/index';
import type { KubeObject, StoreEvent } from '../kube-sim/types';

const CASES: Array<{ plan: Plan; slug: string; restart: string; foreign: string }> = [
  { plan: 'woocommerce', slug: 'woo-parts', restart: 'mysql', foreign: 'postgres' },
  { plan: 'medusa', slug: 'medusa-parts', restart: 'postgres', foreign: 'mysql' },
];

/** Resolves once the workload's pods all run its current template (an event, not a poll). */
function rolledOut(sim: KubeSim, key: string, namespace: string, name: string): Promise<KubeObject> {
  const done = (o: KubeObject | undefined) =>
    o &&
    (o.status?.observedGeneration ?? 0) >= (o.metadata.generation ?? 1) &&
    o.status?.updatedReplicas === o.spec?.replicas &&
    o.status?.readyReplicas === o.spec?.replicas &&
    (o.status?.replicas ?? 0) === o.spec?.replicas;
  return new Promise((resolve) => {
    const now = sim.store.get(key, namespace, name);
    if (now && done(now)) return resolve(now);
    const off = sim.store.subscribe((e: StoreEvent) => {
      if (e.key !== key || e.object.metadata.namespace !== namespace || e.object.metadata.name !== name)
        return;
      if (!done(e.object)) return;
      off();
      resolve(e.object);
    });
  });
}

const keyOf = (kind: string) => (kind === 'StatefulSet' ? 'statefulsets.apps' : 'deployments.apps');

describe.each(CASES)('the $plan plan names its own components', ({ plan, slug, restart, foreign }) => {
  let sim: KubeSim;
  let dir: string;
  let kubeconfig: string;
  const strategy = strategyFor(plan);
  const namespace = `store-${slug}`;

  async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await runCli(['--kubeconfig', kubeconfig, '--data-dir', dir, ...argv], {
      io: { out: (t) => void (out += t), err: (t) => void (err += t) },
      createApp,
    });
    return { code, out, err };
  }

  beforeAll(async () => {
    sim = await startKubeSim({ profile: 'fast', seed: 8 });
    dir = mkdtempSync(path.join(tmpdir(), `storedeck-parts-${plan}-`));
    kubeconfig = path.join(dir, 'kubeconfig');
    await sim.writeKubeconfig(kubeconfig);
    const created = await cli('create', slug, '--email', 'owner@example.com', '--plan', plan, '--wait');
    expect(created.err).toBe('');
    expect(created.code).toBe(0);
  }, 60_000);

  afterAll(async () => {
    await sim?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('restarts one component by rolling its own workload, like kubectl rollout restart', async () => {
    const { workload } = strategy.components.find((c) => c.name === restart) ?? strategy.components[0];
    const key = keyOf(workload.kind);
    const before = sim.store.list('pods', namespace).filter((p) => p.metadata.name.startsWith(workload.name));
    const result = await cli('restart', slug, '--component', restart);
    expect(result).toEqual({ code: 0, out: `Restarted: ${workload.name}\n`, err: '' });
    const rolled = await rolledOut(sim, key, namespace, workload.name);
    expect(Date.parse(rolled.spec?.template?.metadata?.annotations?.[ANNOTATION.restartedAt])).not.toBeNaN();
    const after = sim.store.list('pods', namespace).filter((p) => p.metadata.name.startsWith(workload.name));
    expect(after.map((p) => p.metadata.uid)).not.toEqual(before.map((p) => p.metadata.uid));
  });

  it('restarts all: every component of the plan, and nothing else', async () => {
    const result = await cli('restart', slug, '--json');
    expect(result.code).toBe(0);
    const names = strategy.components.map((c) => c.workload.name).sort();
    expect(JSON.parse(result.out)).toEqual({ restarted: names });
    // Every rollout finishes before the next test reads logs and health (a Recreate rollout has
    // a moment with no pod, while the old one terminates).
    await Promise.all(
      strategy.components.map(({ workload }) =>
        rolledOut(sim, keyOf(workload.kind), namespace, workload.name),
      ),
    );
  });

  it('reads the logs of a component, and of the plan first component by default', async () => {
    const named = await cli('logs', slug, '--pod', restart, '--json');
    expect(named.code).toBe(0);
    const logs = JSON.parse(named.out) as { pod: string; pods: Array<{ name: string; component: string }> };
    expect(logs.pods.find((p) => p.name === logs.pod)?.component).toBe(restart);
    const fallback = JSON.parse((await cli('logs', slug, '--json')).out) as typeof logs;
    expect(fallback.pods.find((p) => p.name === fallback.pod)?.component).toBe(strategy.components[0].name);
  });

  it('lists every component of the plan in health', async () => {
    const health = await cli('health', slug, '--json');
    expect(health.code).toBe(0);
    const { components } = JSON.parse(health.out) as { components: Array<{ name: string; pods: number }> };
    expect(components.map((c) => c.name)).toEqual(strategy.components.map((c) => c.name));
    expect(components.every((c) => c.pods >= 1)).toBe(true);
  });

  it("refuses another plan's component, naming this plan's", async () => {
    const result = await cli('restart', slug, '--component', foreign);
    expect(result.code).not.toBe(0);
    expect(result.out).toBe('');
    for (const c of strategy.components) expect(result.err).toContain(c.name);
    expect(result.err).toContain(`no component "${foreign}"`);
  });
});
