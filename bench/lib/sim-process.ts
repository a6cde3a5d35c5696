// A kube-sim in its own process, so CPU measured in this process is the engine's (and its
// client's, TLS included) and not the simulator's.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withTimeout } from './bench-kit';

export interface SimProcess {
  dir: string;
  kubeconfigPath: string;
  stop(): Promise<void>;
}

const CLI = path.join(import.meta.dirname, '..', '..', 'test', 'kube-sim', 'cli.ts');
const START_TIMEOUT_MS = 30_000;

export async function startSimProcess(args: string[]): Promise<SimProcess> {
  const dir = mkdtempSync(path.join(tmpdir(), 'storedeck-bench-sim-'));
  const kubeconfigPath = path.join(dir, 'kubeconfig');
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, ...args, '--write-kubeconfig', kubeconfigPath],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const listening = new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`kube-sim exited with ${code} before listening`)));
  });
  await withTimeout(listening, START_TIMEOUT_MS, 'the kube-sim process to listen');
  return {
    dir,
    kubeconfigPath,
    async stop() {
      child.kill('SIGTERM');
      await withTimeout(exited, START_TIMEOUT_MS, 'the kube-sim process to exit');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
