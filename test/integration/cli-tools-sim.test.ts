// The Local/Studio tools from the CLI against the simulator: `db` forwards the store's MySQL
// to a loopback port until Ctrl-C (bytes reach what serves the pod's port and come back), and
// `login` prints a one-time signed-in admin link.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../main/api/create-app';
import { runCli } from '../../main/cli/run-cli';
import { startKubeSim, type KubeSim } from '../kube-sim/index';

let sim: KubeSim;
let dir: string;
let kubeconfig: string;
let fakeMysql: Server;

function cli(argv: string[], signal?: AbortSignal, onOut?: (all: string) => void) {
  let out = '';
  let err = '';
  const done = runCli(['--kubeconfig', kubeconfig, '--data-dir', dir, ...argv], {
    io: {
      out: (t) => {
        out += t;
        onOut?.(out);
      },
      err: (t) => void (err += t),
    },
    createApp,
    signal,
  });
  return done.then((code) => ({ code, out, err }));
}

const roundTrip = (port: number, text: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    socket.once('data', (d) => {
      resolve(d.toString());
      socket.end();
    });
    socket.once('error', reject);
  });

beforeAll(async () => {
  sim = await startKubeSim({ profile: 'fast', seed: 21 });
  dir = mkdtempSync(path.join(tmpdir(), 'storedeck-cli-tools-'));
  kubeconfig = path.join(dir, 'kubeconfig');
  await sim.writeKubeconfig(kubeconfig);
  // Stands in for mysqld behind the pod's port 3306: answers what it is sent.
  fakeMysql = createServer((s) => s.on('data', (d) => s.write(`mysql got ${d.toString()}`)));
  await new Promise<void>((r) => fakeMysql.listen(0, '127.0.0.1', () => r()));
  const port = (fakeMysql.address() as AddressInfo).port;
  sim.setPortBackend((ns, pod, p) =>
    ns === 'store-tool-shop' && pod.startsWith('mysql-') && p === 3306
      ? { host: '127.0.0.1', port }
      : undefined,
  );
  const created = await cli(['create', 'Tool Shop', '--email', 'owner@example.com', '--wait']);
  expect(created.code, created.err).toBe(0);
});

afterAll(async () => {
  fakeMysql?.close();
  await sim?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('storedeck db and login', () => {
  it('db holds a forward to the store MySQL until Ctrl-C and prints how to connect', async () => {
    const stop = new AbortController();
    let announced: (port: number) => void = () => undefined;
    const port = new Promise<number>((resolve) => (announced = resolve));
    const run = cli(['db', 'tool-shop'], stop.signal, (out) => {
      const m = /is on 127\.0\.0\.1:(\d+)/.exec(out);
      if (m) announced(Number(m[1]));
    });
    const local = await port;
    expect(await roundTrip(local, 'SELECT 1')).toBe('mysql got SELECT 1');
    stop.abort();
    const result = await run;
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/user: +wordpress/);
    expect(result.out).toMatch(/password: +\S{8,}/);
    expect(result.out).toMatch(new RegExp(`mysql -h 127\\.0\\.0\\.1 -P ${local} -u wordpress -p wordpress`));
    await expect(roundTrip(local, 'again')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('login prints a one-time signed-in admin link on the store URL', async () => {
    const result = await cli(['login', 'Tool Shop']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/http:\/\/tool-shop\.localhost\/\?storedeck_login#[A-Za-z0-9_-]{43}/);
  });

  it('db on an unknown store is an error line, exit 1', async () => {
    const result = await cli(['db', 'nope']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/nope/);
  });

  it('wp runs a WP-CLI command after --, streams its output and exits with its code', async () => {
    const listed = await cli(['wp', 'tool-shop', '--', 'plugin', 'list', '--field=name']);
    expect(listed.err).toBe('');
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/woocommerce/);
    const failed = await cli(['wp', 'tool-shop', '--', 'option', 'get', 'no_such_option']);
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/Error:/);
    const usage = await cli(['wp', 'tool-shop']);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/missing <wp-args> after --/);
  });
});
