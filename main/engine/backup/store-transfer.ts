// The commands a backup, restore or clone runs in a store's pods, over pods/exec: mysqldump and
// mysql in the MySQL pod (the root password comes from the container's own env, read by its
// shell: it never appears in a command line, the API server's audit log or ours), tar in the
// app pod. Output streams to the caller chunk by chunk; input can be a stream.
import type { Readable } from 'node:stream';
import type { KubeClient } from '../../kube/client';
import { ExecError, execInPod, type ExecOutcome } from '../../kube/pod-exec';
import { appPod } from '../app-node';
import type { BackupAccess } from '../strategies/strategy';

/** A dump or a tar of a big store takes a while; a stuck one still ends. */
const TRANSFER_TIMEOUT_MS = 60 * 60_000;
const QUICK_TIMEOUT_MS = 60_000;

export class TransferError extends Error {}

export interface StorePods {
  client: KubeClient;
  namespace: string;
  access: BackupAccess;
}

async function podName(pods: StorePods, deployment: string): Promise<string> {
  const pod = await appPod(pods.client, pods.namespace, deployment);
  if (!pod) throw new TransferError(`the ${deployment} pod of ${pods.namespace} is not running and ready`);
  return String(pod.metadata?.name);
}

const mysqlAuth = (a: BackupAccess['database']): string => `MYSQL_PWD="$${a.rootPasswordEnv}"`;

export const dumpScript = (a: BackupAccess['database']): string =>
  `${mysqlAuth(a)} mysqldump --single-transaction --routines --triggers --hex-blob --no-tablespaces --default-character-set=utf8mb4 -uroot "$${a.databaseEnv}"`;
export const loadScript = (a: BackupAccess['database']): string =>
  `${mysqlAuth(a)} mysql --default-character-set=utf8mb4 -uroot "$${a.databaseEnv}"`;
const sizeScript = (a: BackupAccess['database']): string =>
  `${mysqlAuth(a)} mysql -N -B -uroot -e "SELECT COALESCE(SUM(data_length + index_length), 0) FROM information_schema.TABLES WHERE table_schema = DATABASE()" "$${a.databaseEnv}"`;

function failed(what: string, outcome: ExecOutcome): TransferError {
  const detail = outcome.stderr.trim().split('\n').slice(-3).join(' ').slice(0, 500);
  return new TransferError(`${what} exited with code ${outcome.exitCode}${detail ? `: ${detail}` : ''}`);
}

interface StreamOptions {
  onChunk?: (chunk: Buffer) => void;
  stdin?: Readable;
  signal?: AbortSignal;
}

async function run(
  pods: StorePods,
  where: 'database' | 'files',
  command: string[],
  what: string,
  options: StreamOptions & { collect?: boolean; timeoutMs?: number } = {},
): Promise<ExecOutcome> {
  const spec = pods.access[where];
  const pod = await podName(pods, spec.deployment);
  try {
    return await execInPod(
      pods.client.kubeConfig,
      { namespace: pods.namespace, pod, container: spec.container },
      command,
      {
        collect: options.collect ?? false,
        onStdout: options.onChunk,
        stdin: options.stdin,
        signal: options.signal,
        timeoutMs: options.timeoutMs ?? TRANSFER_TIMEOUT_MS,
      },
    );
  } catch (error) {
    if (error instanceof ExecError) throw new TransferError(`${what} in pod ${pod} failed: ${error.message}`);
    throw error;
  }
}

/** Streams a consistent dump (one transaction, with routines and triggers) to onChunk. */
export async function dumpDatabase(pods: StorePods, options: StreamOptions): Promise<void> {
  const out = await run(
    pods,
    'database',
    ['sh', '-c', dumpScript(pods.access.database)],
    'mysqldump',
    options,
  );
  if (out.exitCode !== 0) throw failed('mysqldump', out);
}

/** Feeds a dump to the mysql client; statements apply as they arrive. */
export async function loadDatabase(pods: StorePods, options: StreamOptions): Promise<void> {
  const out = await run(pods, 'database', ['sh', '-c', loadScript(pods.access.database)], 'mysql', options);
  if (out.exitCode !== 0) throw failed('Loading the database (mysql)', out);
}

/** Streams a tar of the site's own files (members that do not exist yet are skipped). */
export async function tarFiles(pods: StorePods, options: StreamOptions): Promise<void> {
  const { dir, members } = pods.access.files;
  const command = ['tar', '--ignore-failed-read', '-C', dir, '-cf', '-', ...members];
  const out = await run(pods, 'files', command, 'tar', options);
  if (out.exitCode !== 0) throw failed('tar', out);
}

export async function untarFiles(pods: StorePods, options: StreamOptions): Promise<void> {
  const out = await run(pods, 'files', ['tar', '-C', pods.access.files.dir, '-xf', '-'], 'tar', options);
  if (out.exitCode !== 0) throw failed('Unpacking the files (tar)', out);
}

/** What a backup will move, for the progress total: data size as MySQL counts it, plus du of the files. */
export async function estimateSize(pods: StorePods, signal?: AbortSignal): Promise<number> {
  const db = await run(pods, 'database', ['sh', '-c', sizeScript(pods.access.database)], 'size query', {
    collect: true,
    signal,
    timeoutMs: QUICK_TIMEOUT_MS,
  });
  const { dir, members } = pods.access.files;
  const du = await run(pods, 'files', ['du', '-sb', ...members.map((m) => `${dir}/${m}`)], 'du', {
    collect: true,
    signal,
    timeoutMs: QUICK_TIMEOUT_MS,
  });
  // du exits 1 when a member does not exist yet; the lines it printed still count.
  const files = du.stdout
    .split('\n')
    .map((line) => Number(line.split('\t')[0]))
    .filter((n) => Number.isFinite(n) && n > 0)
    .reduce((a, b) => a + b, 0);
  const data = db.exitCode === 0 ? Number(db.stdout.trim()) || 0 : 0;
  return data + files;
}

/** "-- Server version	8.4.10" from the head of a mysqldump. */
export function serverVersionOf(dumpHead: string): string | null {
  return /^-- Server version\s+(\S+)/m.exec(dumpHead)?.[1] ?? null;
}
