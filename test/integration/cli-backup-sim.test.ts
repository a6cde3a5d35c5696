// `storedeck backup / restore / clone` against the simulator: progress as plain lines when the
// output is not a terminal (bytes, total, rate), the archive where --out says, a restored
// store that is Ready, and plain errors with exit codes for a bad archive.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  const code = await runCli(['--kubeconfig', kubeconfig, '--data-dir', path.join(dir, 'data'), ...argv], {
    io: { out: (t) => void (out += t), err: (t) => void (err += t) },
    createApp,
  });
  return { code, out, err };
}

beforeAll(async () => {
  sim = await startKubeSim({ profile: 'fast', seed: 51 });
  dir = mkdtempSync(path.join(tmpdir(), 'storedeck-cli-backup-'));
  kubeconfig = path.join(dir, 'kubeconfig');
  await installAccessChart(sim, kubeconfig);
  const created = await cli('create', 'Line Shop', '--email', 'owner@example.com', '--wait');
  expect(created.code, created.err).toBe(0);
}, 120_000);

afterAll(async () => {
  await sim?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('storedeck backup, restore and clone', () => {
  it('backup --out writes the archive and prints progress lines; restore --name makes a Ready store from it', async () => {
    const out = path.join(dir, 'line.storedeck.tar.gz');
    const backup = await cli('backup', 'line-shop', '--out', out);
    expect(backup.err).toMatch(/^Downloading the database and files: .+ \/ .+ \(\d+%\)/m);
    expect(backup.err).toMatch(/^Writing the archive: /m);
    expect(backup.code, backup.err).toBe(0);
    expect(backup.out).toMatch(
      new RegExp(`^Backed up "Line Shop" to ${out.replace(/[.]/g, '\\.')} \\(\\d+\\.\\d KB\\)`),
    );
    expect(readdirSync(dir).filter((f) => f.startsWith('line') || f.startsWith('.line'))).toEqual([
      'line.storedeck.tar.gz',
    ]);

    const restored = await cli('restore', out, '--name', 'Line Copy');
    expect(restored.code, restored.err).toBe(0);
    expect(restored.err).toMatch(/^Checking the archive: /m);
    expect(restored.err).toMatch(/^Loading the database and files: /m);
    expect(restored.out).toMatch(/Restored .* as "Line Copy": it is Ready/);
    const shown = await cli('show', 'line-copy', '--json');
    expect(JSON.parse(shown.out)).toMatchObject({ status: 'Ready', url: 'http://line-copy.localhost/' });
  }, 120_000);

  it('clone --name copies the store; a damaged archive exits 2 with the reason', async () => {
    const cloned = await cli('clone', 'line-shop', '--name', 'Line Twin');
    expect(cloned.code, cloned.err).toBe(0);
    expect(cloned.err).toMatch(/^Copying the database and files: /m);
    const bad = path.join(dir, 'bad.storedeck.tar.gz');
    writeFileSync(bad, 'not an archive');
    const refused = await cli('restore', bad, '--name', 'Bad Copy');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(
      /storedeck: The archive cannot be restored: it is damaged.*Nothing was created\./,
    );
    const listed = await cli('list', '--json');
    expect((JSON.parse(listed.out) as Array<{ name: string }>).map((s) => s.name).sort()).toEqual([
      'Line Copy',
      'Line Shop',
      'Line Twin',
    ]);
  }, 120_000);
});
