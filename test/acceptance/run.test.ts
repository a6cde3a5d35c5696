// `npm run acceptance` where the machine cannot host Kind: one line naming what is missing and
// why that is a skip, exit 0 — checked with a PATH that has no docker, and one whose docker
// answers but has no kind beside it.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './cli-runner';

const bin = mkdtempSync(join(tmpdir(), 'storedeck-acceptance-path-'));
afterAll(() => rmSync(bin, { recursive: true, force: true }));

function acceptance(path: string): { code: number | null; lines: string[] } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/acceptance/run.ts'], {
    cwd: REPO_ROOT,
    env: { HOME: process.env.HOME ?? '/tmp', PATH: path },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, lines: `${run.stdout}${run.stderr}`.split('\n').filter((l) => l.trim()) };
}

describe('npm run acceptance without a cluster to run on', () => {
  it('skips in one line when there is no docker command', () => {
    const { code, lines } = acceptance(bin);
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^SKIPPED real-cluster acceptance: Docker is not installed \(no `docker` command on PATH\) — Kind runs its nodes as Docker containers/,
    );
  });

  it('skips in one line when Docker runs but kind is missing', () => {
    const docker = join(bin, 'docker');
    writeFileSync(docker, '#!/bin/sh\necho 27.3.1\n');
    chmodSync(docker, 0o755);
    const { code, lines } = acceptance(bin);
    expect(code).toBe(0);
    expect(lines).toEqual([
      expect.stringMatching(/^SKIPPED real-cluster acceptance: kind is not installed .*--download-kind/),
    ]);
  });
});
