// Runs a built main bundle (out/main/index.js or a broken copy of it) under plain Node with the
// electron double, and talks to it: the records of every Electron call it made, and commands
// that play the renderer, the user and the OS.
import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const REGISTER = resolve(import.meta.dirname, 'electron-double/register.mjs');

export type CallRecord = { api: string; args: unknown[] };
type Message =
  | { type: 'record'; api: string; args: unknown[] }
  | { type: 'reply'; id: number; value?: unknown; error?: string }
  | { type: 'exit'; code: number };

export type MainProcess = {
  records: CallRecord[];
  /** Records of one API, e.g. 'ipcMain.handle'. */
  calls(api: string): unknown[][];
  command<T = unknown>(cmd: string, args?: Record<string, unknown>): Promise<T>;
  /** Resolves with the first record (from the start) matching; rejects after timeoutMs. */
  waitFor(api: string, match?: (args: unknown[]) => boolean, timeoutMs?: number): Promise<unknown[]>;
  /** The process's exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  stderr(): string;
  kill(): void;
};

export type MainProcessOptions = {
  bundle: string;
  userData: string;
  env?: Record<string, string>;
  packaged?: boolean;
};

export function startMainProcess({ bundle, userData, env, packaged }: MainProcessOptions): MainProcess {
  const child: ChildProcess = fork(bundle, [], {
    execArgv: ['--import', REGISTER],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: userData,
      ELECTRON_DOUBLE_USER_DATA: userData,
      ELECTRON_DOUBLE_PACKAGED: packaged ? '1' : '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let errText = '';
  child.stderr?.on('data', (chunk: Buffer) => (errText += chunk.toString()));
  const records: CallRecord[] = [];
  const waiters = new Set<() => void>();
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;

  child.on('message', (raw) => {
    const message = raw as Message;
    if (message.type === 'record') {
      records.push({ api: message.api, args: message.args });
      for (const wake of [...waiters]) wake();
    } else if (message.type === 'reply') {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.error !== undefined) waiting?.reject(new Error(message.error));
      else waiting?.resolve(message.value);
    }
  });
  const exited = new Promise<number | null>((done) =>
    child.once('exit', (code) => {
      for (const waiting of pending.values()) waiting.reject(new Error(`main process exited (${code})`));
      pending.clear();
      for (const wake of [...waiters]) wake();
      done(code);
    }),
  );

  return {
    records,
    calls: (api) => records.filter((r) => r.api === api).map((r) => r.args),
    command<T>(cmd: string, args: Record<string, unknown> = {}) {
      const id = nextId++;
      return new Promise<T>((resolveReply, reject) => {
        pending.set(id, { resolve: resolveReply as (v: unknown) => void, reject });
        child.send({ id, cmd, ...args });
      });
    },
    waitFor(api, match = () => true, timeoutMs = 20_000) {
      return new Promise((resolveFound, reject) => {
        const check = () => {
          const found = records.find((r) => r.api === api && match(r.args));
          if (found) finish(() => resolveFound(found.args));
          else if (child.exitCode !== null || child.signalCode !== null)
            finish(() => reject(new Error(`main process exited before ${api}; stderr:\n${errText}`)));
        };
        const timer = setTimeout(
          () => finish(() => reject(new Error(`no ${api} within ${timeoutMs} ms; stderr:\n${errText}`))),
          timeoutMs,
        );
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        waiters.add(check);
        check();
      });
    },
    exited,
    stderr: () => errText,
    kill: () => void child.kill('SIGKILL'),
  };
}
