// Runs the helm binary that scripts/fetch-helm.sh caches (offline after the first fetch), with
// HOME in a scratch directory so nothing is read from or written to the user's helm config.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments, stringify } from 'yaml';
import type { KubeObject } from '../main/kube/kube-object';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');

let cached: string | null = null;
function helmPath(): string {
  cached ??= execFileSync('sh', [join(REPO, 'scripts/fetch-helm.sh')], {
    encoding: 'utf8',
    timeout: 120_000,
  }).trim();
  return cached;
}

export function helm(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const home = mkdtempSync(join(tmpdir(), 'helm-home-'));
  const result = spawnSync(helmPath(), args, {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, HELM_CACHE_HOME: join(home, 'cache') },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes values to a temp file, so strings reach the chart exactly as given (no --set parsing). */
export function valuesFile(values: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'helm-values-')), 'values.yaml');
  writeFileSync(file, stringify(values));
  return file;
}

/** A rendered manifest: the app's one Kubernetes-object type. */
export type Rendered = KubeObject;

export function renderChart(chart: string, values: unknown): Rendered[] {
  const result = helm(['template', 'release', join('charts', chart), '-f', valuesFile(values)]);
  if (result.status !== 0) throw new Error(`helm template ${chart} failed: ${result.stderr}`);
  return parseAllDocuments(result.stdout)
    .map((doc) => doc.toJS() as Rendered | null)
    .filter((doc): doc is Rendered => doc !== null);
}
