// Runs Storedeck's own CLI (bin/storedeck.js, the `storedeck` command) as a child process with
// the acceptance run's context and data dir, bounded in time; --json output is parsed.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/storedeck.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Cli {
  run(args: string[], timeoutMs: number): Promise<CliResult>;
  /** Runs with --json and parses stdout; a non-zero exit throws with the CLI's own message. */
  json<T>(args: string[], timeoutMs: number): Promise<T>;
  /** Whether this build has the command (its name is in `storedeck --help`). */
  has(command: string): Promise<boolean>;
}

export function storedeckCli(global: { context: string | null; dataDir: string }): Cli {
  const prefix = (): string[] => [
    ...(global.context ? ['--context', global.context] : []),
    '--data-dir',
    global.dataDir,
  ];
  const run = (args: string[], timeoutMs: number): Promise<CliResult> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...prefix(), ...args], {
        cwd: REPO_ROOT,
        env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
      child.on('error', reject);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (signal) stderr += `\nstoredeck ${args[0]} was stopped after ${Math.round(timeoutMs / 1000)} s`;
        resolve({ code: code ?? 1, stdout, stderr });
      });
    });
  return {
    run,
    async json<T>(args: string[], timeoutMs: number): Promise<T> {
      const result = await run(['--json', ...args], timeoutMs);
      if (result.code !== 0)
        throw new Error(`storedeck ${args.join(' ')} failed: ${(result.stderr || result.stdout).trim()}`);
      return JSON.parse(result.stdout) as T;
    },
    async has(command: string): Promise<boolean> {
      const help = await run(['--help'], 60_000);
      return new RegExp(`^\\s+${command}\\b`, 'm').test(help.stdout + help.stderr);
    },
  };
}
