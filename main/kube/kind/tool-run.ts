// Runs one external CLI (kind, docker) without a shell: arguments as given, output split into
// lines as it arrives (kind reports progress on stderr), cancellable, bounded in time.
import { spawn } from 'node:child_process';

export interface ToolRunOptions {
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Kills the process after this long (ms); detection uses a short one, create none. */
  timeoutMs?: number;
  /** Every complete stdout/stderr line, as it arrives. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

export interface ToolRunResult {
  /** Exit code; null when the process was killed (cancelled or timed out). */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Set when the executable could not be started (ENOENT: not installed / not on PATH). */
  spawnError: NodeJS.ErrnoException | null;
  cancelled: boolean;
  timedOut: boolean;
}

/** Splits a stream into lines; a trailing partial line is flushed at the end. */
function lineSplitter(emit: (line: string) => void): { push(chunk: string): void; end(): void } {
  let rest = '';
  return {
    push(chunk) {
      const parts = (rest + chunk).split(/\r?\n|\r/);
      rest = parts.pop() ?? '';
      for (const part of parts) emit(part);
    },
    end() {
      if (rest.length > 0) emit(rest);
      rest = '';
    },
  };
}

export function runTool(
  command: string,
  args: readonly string[],
  options: ToolRunOptions = {},
): Promise<ToolRunResult> {
  return new Promise((resolve) => {
    const result: ToolRunResult = {
      code: null,
      stdout: '',
      stderr: '',
      spawnError: null,
      cancelled: false,
      timedOut: false,
    };
    if (options.signal?.aborted) {
      resolve({ ...result, cancelled: true });
      return;
    }
    const child = spawn(command, [...args], {
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const splitters = {
      stdout: lineSplitter((line) => options.onLine?.(line, 'stdout')),
      stderr: lineSplitter((line) => options.onLine?.(line, 'stderr')),
    };
    for (const stream of ['stdout', 'stderr'] as const) {
      child[stream].setEncoding('utf8');
      child[stream].on('data', (chunk: string) => {
        result[stream] += chunk;
        splitters[stream].push(chunk);
      });
    }
    const kill = (): void => {
      // SIGTERM lets kind stop its own docker calls; it exits within a moment.
      if (child.exitCode === null) child.kill('SIGTERM');
    };
    const onAbort = (): void => {
      result.cancelled = true;
      kill();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const timer =
      options.timeoutMs !== undefined
        ? setTimeout(() => {
            result.timedOut = true;
            kill();
          }, options.timeoutMs)
        : null;
    const finish = (code: number | null): void => {
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      splitters.stdout.end();
      splitters.stderr.end();
      resolve({ ...result, code: result.cancelled || result.timedOut ? null : code });
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      result.spawnError = error;
      finish(null);
    });
    child.on('close', (code) => {
      if (!result.spawnError) finish(code);
    });
  });
}
