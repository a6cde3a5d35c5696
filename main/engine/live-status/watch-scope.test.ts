// The live-status watches look cluster-wide only where the user may list and watch across
// namespaces: a cluster admin gets one watch per kind; charts/storedeck-access's ServiceAccount
// (namespaced rights, but pods listed and watched everywhere) one pod watch, the other kinds
// polled per store namespace. Asked of kube-sim's RBAC through the real client.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKubeSim, type KubeSim } from '../../../test/kube-sim/index';
import { installAccessChart } from '../../../test/integration/fixtures/access-chart';
import { ClientPool } from '../../kube/client-pool';
import { allScopes, chooseWatchScopes } from './watch-scope';

let sim: KubeSim;
let dir: string;

beforeAll(async () => {
  sim = await startKubeSim({ profile: 'fast', seed: 81 });
  dir = mkdtempSync(path.join(tmpdir(), 'storedeck-watch-scope-'));
});

afterAll(async () => {
  await sim?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('chooseWatchScopes', () => {
  it('watches every kind cluster-wide for a user who may list and watch everywhere', async () => {
    const kubeconfig = path.join(dir, 'admin');
    await sim.writeKubeconfig(kubeconfig);
    expect(await chooseWatchScopes(new ClientPool(kubeconfig).clientFor('kube-sim'))).toEqual(
      allScopes('cluster'),
    );
  });

  it('watches pods cluster-wide and polls the rest per store namespace for the access chart’s ServiceAccount', async () => {
    const kubeconfig = path.join(dir, 'chart');
    await installAccessChart(sim, kubeconfig);
    expect(await chooseWatchScopes(new ClientPool(kubeconfig).clientFor('kube-sim'))).toEqual({
      ...allScopes('polled'),
      Pod: 'cluster',
    });
  });
});
