// The kind and docker commands Storedeck runs, one function each, with kind's own words
// turned into outcomes: "node(s) already exist for a cluster with the name" means the cluster
// is there to reuse; a stopped daemon means Docker must be started first.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTool, type ToolRunResult } from './tool-run';

export interface KindRunner {
  /** The kind executable (PATH's or the downloaded copy). */
  kind: string;
  env?: NodeJS.ProcessEnv;
}

export type CreateOutcome =
  | { outcome: 'created' }
  | { outcome: 'exists' }
  | { outcome: 'cancelled' }
  | { outcome: 'failed'; message: string };

const EXISTS = /node\(s\) already exist for a cluster with the name/;
const DOCKER_DOWN = /Cannot connect to the Docker daemon|Is the docker daemon running/i;
/** kind waits this long for the control plane to be Ready before it returns. */
const KIND_WAIT = '120s';

/** The last ERROR line kind printed, else the last line: kind puts the reason at the end. */
function kindFailure(run: ToolRunResult): string {
  const text = `${run.stderr}\n${run.stdout}`;
  if (DOCKER_DOWN.test(text))
    return 'Docker is not running (kind could not reach the Docker daemon): start Docker and try again';
  if (/address already in use|port is already allocated/i.test(text))
    return 'A host port of the cluster is already in use: choose another HTTP port (--http-port) and try again';
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const error = [...lines].reverse().find((l) => l.startsWith('ERROR:'));
  return (error ?? lines.at(-1) ?? `kind exited with code ${run.code}`).replace(/^ERROR:\s*/, '');
}

export async function listClusters(runner: KindRunner, signal?: AbortSignal): Promise<string[]> {
  const run = await runTool(runner.kind, ['get', 'clusters'], { env: runner.env, signal, timeoutMs: 30_000 });
  if (run.code !== 0) throw new Error(`kind get clusters failed: ${kindFailure(run)}`);
  // "No kind clusters found." goes to stderr; stdout holds one name a line.
  return run.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

export async function createCluster(
  runner: KindRunner,
  options: {
    name: string;
    configYaml: string;
    kubeconfigPath: string;
    signal?: AbortSignal;
    onLine?: (line: string) => void;
  },
): Promise<CreateOutcome> {
  const dir = mkdtempSync(path.join(tmpdir(), 'storedeck-kind-'));
  const configFile = path.join(dir, 'kind-config.yaml');
  writeFileSync(configFile, options.configYaml);
  try {
    const run = await runTool(
      runner.kind,
      [
        'create',
        'cluster',
        '--name',
        options.name,
        '--config',
        configFile,
        '--kubeconfig',
        options.kubeconfigPath,
        '--wait',
        KIND_WAIT,
      ],
      {
        env: runner.env,
        signal: options.signal,
        onLine: (line) => {
          if (line.trim()) options.onLine?.(line.trim());
        },
      },
    );
    if (run.cancelled) return { outcome: 'cancelled' };
    if (run.spawnError)
      return { outcome: 'failed', message: `Could not run kind: ${run.spawnError.message}` };
    if (run.code === 0) return { outcome: 'created' };
    if (EXISTS.test(run.stderr)) return { outcome: 'exists' };
    return { outcome: 'failed', message: kindFailure(run) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes (or refreshes) the cluster's kind-<name> context in the kubeconfig. */
export async function exportKubeconfig(
  runner: KindRunner,
  name: string,
  kubeconfigPath: string,
  signal?: AbortSignal,
): Promise<void> {
  const run = await runTool(
    runner.kind,
    ['export', 'kubeconfig', '--name', name, '--kubeconfig', kubeconfigPath],
    {
      env: runner.env,
      signal,
      timeoutMs: 60_000,
    },
  );
  if (run.code !== 0) throw new Error(`kind export kubeconfig failed: ${kindFailure(run)}`);
}

export async function deleteCluster(
  runner: KindRunner,
  name: string,
  kubeconfigPath: string,
  options: { signal?: AbortSignal; onLine?: (line: string) => void } = {},
): Promise<void> {
  const run = await runTool(
    runner.kind,
    ['delete', 'cluster', '--name', name, '--kubeconfig', kubeconfigPath],
    {
      env: runner.env,
      signal: options.signal,
      timeoutMs: 5 * 60_000,
      onLine: (line) => {
        if (line.trim()) options.onLine?.(line.trim());
      },
    },
  );
  if (run.code !== 0) throw new Error(`kind delete cluster failed: ${kindFailure(run)}`);
}

/** The host port Docker publishes a node port on ("127.0.0.1:8080" → 8080), or null. */
export async function publishedPort(
  env: NodeJS.ProcessEnv | undefined,
  clusterName: string,
  containerPort: number,
): Promise<number | null> {
  const run = await runTool('docker', ['port', `${clusterName}-control-plane`, `${containerPort}/tcp`], {
    env,
    timeoutMs: 15_000,
  });
  if (run.code !== 0) return null;
  const match = /:(\d+)\s*$/m.exec(run.stdout.trim().split('\n')[0] ?? '');
  return match ? Number(match[1]) : null;
}
