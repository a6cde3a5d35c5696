// Runs `npm run demo` exactly as a visitor would, and reads what it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const URL_RE = /https?:\/\/\S+/g;

export type DemoProcess = {
  /** Every URL printed on stdout and stderr so far. */
  urls(): string[];
  output(): string;
  /** Ctrl-C; resolves with how npm ended (npm re-raises the signal its script stopped on). */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

export function startDemo(timeoutMs: number): Promise<DemoProcess> {
  const child: ChildProcess = spawn('npm', ['run', 'demo'], {
    cwd: ROOT,
    env: { ...process.env, BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so "Ctrl-C" reaches npm, the shell and the demo together, as in a terminal.
    detached: true,
  });
  const signal = (name: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
    try {
      process.kill(-child.pid, name);
    } catch {
      // The group is already gone.
    }
  };
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  const demo: DemoProcess = {
    urls: () => out.match(URL_RE) ?? [],
    output: () => out,
    async stop() {
      signal('SIGINT');
      return exited;
    },
  };
  return new Promise((resolvePrinted, reject) => {
    const timer = setTimeout(() => {
      signal('SIGKILL');
      reject(new Error(`npm run demo printed no URL within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const take = (chunk: Buffer) => {
      out += chunk.toString();
      if (/Storedeck demo \(simulated cluster\): http/.test(out) && out.endsWith('\n')) {
        clearTimeout(timer);
        resolvePrinted(demo);
      }
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`npm run demo exited (${code}) before printing its URL:\n${out}`));
    });
  });
}
