// Child processes for the real Medusa test: started in their own process group (so stopping
// one stops what it spawned), their output kept for failure messages, and "ready" judged by a
// line they print (an event), bounded by a timeout.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createServer } from 'node:net';

export interface Running {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

const tail = (text: string, lines = 40) => text.split('\n').slice(-lines).join('\n');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Runs a command to completion; rejects with its output's tail when it exits non-zero. */
export function run(
  command: string,
  args: string[],
  options: SpawnOptions & { timeoutMs: number },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else {
        const why = signal ? `killed by ${signal}` : `exit ${code}`;
        reject(new Error(`${command} ${args.join(' ')}: ${why}\n${tail(out)}`));
      }
    });
  });
}

/** Starts a long-running process and resolves once a line of its output matches `ready`. */
export function start(
  command: string,
  args: string[],
  options: SpawnOptions & { ready: RegExp; timeoutMs: number; name: string },
): Promise<Running> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let settled = false;
    const stop = () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch {
          done();
        }
        const force = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // already gone
          }
        }, 10_000);
        force.unref();
      });
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      void stop();
      reject(new Error(`${options.name} did not become ready in ${options.timeoutMs} ms\n${tail(out)}`));
    }, options.timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (!settled && options.ready.test(out)) {
        settled = true;
        clearTimeout(timer);
        resolve({ child, output: () => out, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new Error(`${options.name} exited (${signal ?? code}) before it was ready\n${tail(out)}`));
    });
  });
}
