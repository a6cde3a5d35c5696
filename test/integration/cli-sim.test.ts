// The CLI from end to end against kube-sim: the real createApp and dispatch, in-process for
// speed (runCli with captured output), plus the real `storedeck` bin spawned once each way.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, Store, StoreHealth, TimelineEvent } from '../../preload/contract';
import { createApp } from '../../main/api/create-app';
import { runCli } from '../../main/cli/run-cli';
import { startKubeSim, type KubeSim } from '../kube-sim/index';
import { installAccessChart } from './fixtures/access-chart';

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

const json = async <T>(...argv: string[]): Promise<T> => {
  const result = await cli('--json', ...argv);
  if (result.code !== 0) throw new Error(`${argv.join(' ')} exited ${result.code}: ${result.err}`);
  return JSON.parse(result.out) as T;
};

const secretPassword = (): string => {
  const data = (sim.store.get('secrets', 'store-corner-shop', 'wordpress-secrets')?.data ?? {}) as Record<
    string,
    string
  >;
  return Buffer.from(String(data['admin-password']), 'base64').toString('utf8');
};

beforeAll(async () => {
  sim = await startKubeSim({ profile: 'fast', seed: 11 });
  dir = mkdtempSync(path.join(tmpdir(), 'storedeck-cli-'));
  kubeconfig = path.join(dir, 'kubeconfig');
  // The CLI runs as the access chart's ServiceAccount, like the rest of the integration suite.
  await installAccessChart(sim, kubeconfig);
});

afterAll(async () => {
  await sim?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('storedeck CLI against the simulator', () => {
  it('create --wait follows provisioning to Ready', async () => {
    const result = await cli('create', 'Corner Shop', '--email', 'owner@example.com', '--wait');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/✓ setup completed/);
    expect(result.out).toMatch(/Store "Corner Shop" is Ready: http:\/\/corner-shop\.localhost/);
    expect(sim.store.get('namespaces', undefined, 'store-corner-shop')).toBeDefined();
  });

  it('list, show and events describe the store', async () => {
    const stores = await json<Store[]>('list');
    expect(stores.map((s) => [s.name, s.slug, s.status])).toEqual([['Corner Shop', 'corner-shop', 'Ready']]);
    const shown = await cli('show', 'corner-shop');
    expect(shown.out).toMatch(/^Status: +Ready$/m);
    expect(shown.out).toMatch(/^Namespace: +store-corner-shop$/m);
    const events = await json<TimelineEvent[]>('events', 'Corner Shop');
    expect(events.filter((e) => e.status === 'completed').map((e) => e.step)).toEqual(
      expect.arrayContaining(['namespace', 'setup']),
    );
    expect(events.some((e) => e.status === 'failed')).toBe(false);
  });

  it('health shows running pods, bound volumes and the quota', async () => {
    const health = await json<StoreHealth>('health', 'corner-shop');
    expect(
      health.pods
        .filter((p) => p.phase === 'Running' && p.ready)
        .map((p) => p.component)
        .sort(),
    ).toEqual(['mysql', 'wordpress']);
    expect(health.pvcs.every((v) => v.phase === 'Bound')).toBe(true);
    expect(health.quota?.hard.pods).toBe('10');
    const human = await cli('health', 'corner-shop');
    expect(human.out).toMatch(/^mysql-data\s+Bound\s+1Gi/m);
  });

  it('logs prints a bounded tail of the chosen pod', async () => {
    const result = await cli('logs', 'corner-shop', '--pod', 'mysql', '--tail', '50');
    expect(result.code).toBe(0);
    const lines = result.out.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(50);
    const odd = await cli('logs', 'corner-shop', '--pod', 'mysql', '--tail', '7');
    expect(odd.code).toBe(0);
    expect(odd.out.trimEnd().split('\n').length).toBeLessThanOrEqual(7);
    const bad = await cli('logs', 'corner-shop', '--tail', '0');
    expect(bad.code).toBe(2);
    expect(bad.out).toBe('');
    expect(bad.err).toMatch(/^storedeck: --tail: .*\n$/);
  });

  it('password reveals the Secret; reset-password changes it in the Secret', async () => {
    const before = secretPassword();
    expect((await cli('password', 'corner-shop')).out).toBe(`Username: admin\nPassword: ${before}\n`);
    const reset = await json<{ username: string; password: string }>('reset-password', 'corner-shop');
    expect(reset.password).not.toBe(before);
    expect(secretPassword()).toBe(reset.password);
    expect((await json<{ password: string }>('password', 'corner-shop')).password).toBe(reset.password);
  });

  it('restart stamps the WordPress deployment like kubectl rollout restart', async () => {
    const result = await cli('restart', 'corner-shop', '--component', 'wordpress');
    expect(result).toEqual({ code: 0, out: 'Restarted: wordpress\n', err: '' });
    const annotations =
      sim.store.get('deployments.apps', 'store-corner-shop', 'wordpress')?.spec?.template?.metadata
        ?.annotations ?? {};
    expect(Date.parse(annotations['kubectl.kubernetes.io/restartedAt'])).not.toBeNaN();
  });

  it('reconcile restores a deleted Service on the spot, then finds nothing to repair', async () => {
    sim.store.delete('services', 'store-corner-shop', 'wordpress');
    const repaired = await cli('reconcile', 'corner-shop');
    expect(repaired.err).toBe('');
    expect(repaired.code).toBe(0);
    expect(repaired.out).toMatch(/"Corner Shop" reconciled \(Ready\):/);
    expect(repaired.out).toMatch(/Service wordpress/);
    expect(sim.store.get('services', 'store-corner-shop', 'wordpress')).toBeDefined();
    expect(await cli('reconcile', 'corner-shop')).toEqual({
      code: 0,
      out: '"Corner Shop" matches the cluster: nothing to repair.\n',
      err: '',
    });
  });

  it.each([
    [['create', 'x'.repeat(41), '--email', 'a@b.co'], 2, '<name>: Store name must be at most 40 characters'],
    [
      ['create', 'bad\u001bname', '--email', 'a@b.co'],
      2,
      '<name>: Store name must contain only printable characters',
    ],
    [
      ['create', 'Admin', '--email', 'a@b.co'],
      2,
      '<name>: Store name "Admin" is reserved; choose another name',
    ],
    [['create', 'shop', '--email', 'nope'], 2, '--email: Admin email must be a valid email address'],
    [['create', 'shop', '--email', 'a@b.co', '--plan', 'shopify'], 2, '--plan: Invalid option'],
    [['create', 'Corner  Shop', '--email', 'a@b.co'], 1, 'already uses the address "corner-shop"'],
    [['retry', 'corner-shop'], 1, 'only a Failed store can be retried'],
    [['show', 'no-such-store'], 1, 'no store "no-such-store" in this context'],
    [['--context', 'nope', 'list'], 2, '--context: no context "nope" in the kubeconfig (contexts: kube-sim)'],
  ])('refuses %j with exit %i and one clear line', async (argv, code, message) => {
    const result = await cli(...(argv as string[]));
    expect(result.code).toBe(code);
    expect(result.err).toContain(message);
    expect(result.err.trimEnd().split('\n')).toHaveLength(1);
    expect(result.err.startsWith('storedeck: ')).toBe(true);
  });

  it('delete --wait removes the namespace and the row; the audit log keeps every action', async () => {
    const result = await cli('delete', 'corner-shop', '--wait');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Store "Corner Shop" deleted\./);
    expect(sim.store.get('namespaces', undefined, 'store-corner-shop')).toBeUndefined();
    expect(await json<Store[]>('list')).toEqual([]);
    const audit = await json<AuditEntry[]>('audit', '--limit', '50');
    expect(
      audit
        .filter((e) => e.name === 'Corner Shop')
        .map((e) => e.action)
        .reverse(),
    ).toEqual([
      'create',
      'reveal-password',
      'reset-password',
      'reveal-password',
      'restart',
      'reconcile',
      'reconcile',
      'delete',
    ]);
    expect(audit.every((e) => e.actor.startsWith('cli:'))).toBe(true);
  });
});

describe('the storedeck bin', () => {
  const bin = path.resolve('bin/storedeck.js');
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, [bin, ...args], { timeout: 60_000, cwd: tmpdir() }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        stdout: e.stdout,
        stderr: e.stderr,
      }),
    );

  it('runs from any directory and prints JSON', async () => {
    const result = await run(['--kubeconfig', kubeconfig, '--data-dir', dir, '--json', 'contexts']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      current: 'kube-sim',
      contexts: [{ name: 'kube-sim', isLocal: true }],
    });
  });

  it('exits 2 with one line on stderr for bad input', async () => {
    const result = await run(['create', 'shop']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(
      /^storedeck: --email is required \(usage: storedeck create <name> --email EMAIL/,
    );
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
