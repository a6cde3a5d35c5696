// The cluster the journey runs on: an existing context (--context), or a Kind cluster made or
// reused through `storedeck cluster create` (kind on PATH, or Storedeck's own pinned,
// checksummed download into the data dir's bin/ with --download-kind). Then preflight.
import type { Preflight } from '../../preload/contract';
import { KubeClient } from '../../main/kube/client';
import { downloadKind } from '../../main/kube/kind/download-kind';
import { loadKubeConfig } from '../../main/kube/kubeconfig';
import { runPreflight } from '../../main/kube/preflight';
import type { Cli } from './cli-runner';

const CLUSTER_CREATE_TIMEOUT_MS = 15 * 60_000;

/** Storedeck's own kind download: the pinned release, its SHA-256 checked while it streams. */
export function downloadKindInto(binDir: string): Promise<string> {
  return downloadKind({ binDir });
}

/** `storedeck cluster create`, which reuses a cluster of that name; returns its context. */
export async function ensureKindCluster(
  cli: Cli,
  name: string,
): Promise<{ context: string; detail: string }> {
  if (!(await cli.has('cluster')))
    throw new Error(
      '`storedeck cluster create` is not in this build: create a Kind cluster with charts/kind/kind-config.yaml and an ingress controller yourself, then run `npm run acceptance -- --context kind-<name>`',
    );
  const result = await cli.run(['cluster', 'create', '--name', name], CLUSTER_CREATE_TIMEOUT_MS);
  if (result.code !== 0)
    throw new Error(`storedeck cluster create failed: ${(result.stderr || result.stdout).trim()}`);
  const context = `kind-${name}`;
  return { context, detail: result.stdout.trim().split('\n').at(-2) ?? `cluster ${name} ready` };
}

export function clientFor(context: string): KubeClient {
  const loaded = loadKubeConfig(null, context);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return new KubeClient(loaded.value);
}

export async function preflight(client: KubeClient, context: string): Promise<Preflight> {
  const result = await runPreflight({ client, context, storageClass: null, storeCount: 0, maxStores: 10 });
  const failed = result.checks.filter((c) => c.status === 'fail');
  if (failed.length > 0)
    throw new Error(`preflight failed: ${failed.map((c) => `${c.title}: ${c.detail}`).join('; ')}`);
  return result;
}
