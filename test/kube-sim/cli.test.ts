import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'kube-sim-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run kube-sim', () => {
  it('prints its URL, writes a working kubeconfig and exits cleanly on SIGTERM', async () => {
    const kubeconfig = join(dir, 'config');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/kube-sim/cli.ts', '--seed', '3', '--write-kubeconfig', kubeconfig],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('kube-sim did not print its URL within 20 s')), 20_000);
      child.once('exit', (code) => reject(new Error(`kube-sim exited with ${code} before printing its URL`)));
      createInterface(child.stdout).once('line', (l) => {
        clearTimeout(timer);
        resolve(l);
      });
    });
    expect(line).toMatch(/^kube-sim listening on https:\/\/127\.0\.0\.1:\d+$/);
    const kc = new KubeConfig();
    kc.loadFromString(readFileSync(kubeconfig, 'utf8'));
    expect(kc.getCurrentContext()).toBe('kube-sim');
    expect(kc.getCurrentCluster()?.server).toBe(line.slice('kube-sim listening on '.length));
    const namespaces = await kc.makeApiClient(CoreV1Api).listNamespace();
    expect(namespaces.items.map((n) => n.metadata?.name)).toContain('kube-system');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
