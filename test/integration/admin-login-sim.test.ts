// One-click admin login against the simulator through the real client: the link's token is
// fresh each time, its ticket (named by the token's hash) and the login plugin land in the
// running WordPress container over pods/exec, and the token itself is in no log, audit row
// or database file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EventOf, Store } from '../../preload/contract';
import type { AuditSink } from '../../main/engine/operations/audited';
import { StoreOperations } from '../../main/engine/operations/store-operations';
import { LOGIN_PLUGIN_PHP } from '../../main/engine/strategies/woocommerce/login/login-plugin';
import { LOGIN_TICKET_TTL_SECONDS, tokenHash } from '../../main/engine/strategies/login-ticket';
import {
  LOGIN_PARAM,
  LOGIN_PLUGIN_PATH,
  LOGIN_TICKET_DIR,
} from '../../main/engine/strategies/woocommerce/login/login-ticket';
import { strategyFor } from '../../main/engine/strategies/registry';
import { ClientPool } from '../../main/kube/client-pool';
import { execInPod } from '../../main/kube/pod-exec';
import { CONTEXT, startHarness, type Harness } from './fixtures/engine-harness';

let h: Harness;
let store: Store;
let ops: StoreOperations;
let pool: ClientPool;
const audit: Array<Parameters<AuditSink['add']>[0]> = [];
const wpOutput: Array<EventOf<'wpCliOutput'>> = [];

/** Runs a WP-CLI command through the operations and gathers its streamed output. */
async function wp(...args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number | null }> {
  const started = await ops.runWpCli(store, args);
  if (!started.ok) throw new Error(started.error.message);
  const mine = () => wpOutput.filter((o) => o.runId === started.value.runId);
  await vi.waitFor(() => expect(mine().some((o) => o.done)).toBe(true), { timeout: 60_000, interval: 50 });
  const text = (stream: string) =>
    mine()
      .filter((o) => o.stream === stream)
      .map((o) => o.text)
      .join('');
  return {
    stdout: text('stdout'),
    stderr: text('stderr'),
    exitCode: mine().find((o) => o.done)?.exitCode ?? null,
  };
}

const wordpressPod = (): string =>
  h.sim.store
    .list('pods', store.namespace)
    .find((p) => p.metadata.labels?.['app.kubernetes.io/component'] === 'wordpress')?.metadata.name as string;

const readInWordpress = async (file: string): Promise<string> => {
  const run = await execInPod(
    pool.clientFor(CONTEXT).kubeConfig,
    { namespace: store.namespace, pod: wordpressPod(), container: 'wordpress' },
    ['cat', `/var/www/html/${file}`],
  );
  expect(run.exitCode, run.stderr).toBe(0);
  return run.stdout;
};

beforeAll(async () => {
  h = await startHarness();
  pool = new ClientPool(h.kubeconfigPath);
  store = await h.createAndSettle('Login Shop');
  expect(store.status).toBe('Ready');
  ops = new StoreOperations({
    clientFor: () => pool.clientFor(CONTEXT),
    strategyFor,
    storeContext: (s) => h.engine.storeContext(s),
    audit: { add: (entry) => audit.push(entry) },
    actor: 'test:login',
    emitLogLines: () => undefined,
    emitWpCliOutput: (payload) => wpOutput.push(payload),
  });
});

afterAll(async () => {
  ops?.close();
  await h?.close();
});

describe('one-click admin login', () => {
  it('leaves a ticket for a fresh token and the plugin in the WordPress container', async () => {
    const before = Math.floor(Date.now() / 1000);
    const result = await ops.adminLogin(store);
    if (!result.ok) throw new Error(result.error.message);
    const url = new URL(result.value.url);
    expect(`${url.origin}/`).toBe(store.url);
    // The parameter is bare; the token is in the fragment, which no browser sends to a server.
    expect(url.search).toBe(`?${LOGIN_PARAM}`);
    const token = url.hash.slice(1);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const ticket = JSON.parse(await readInWordpress(`${LOGIN_TICKET_DIR}/${tokenHash(token)}.json`));
    expect(ticket.user).toBe(strategyFor('woocommerce').adminCredentials.user);
    expect(ticket.expires).toBeGreaterThanOrEqual(before + LOGIN_TICKET_TTL_SECONDS);
    expect(ticket.expires).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + LOGIN_TICKET_TTL_SECONDS);
    expect(Date.parse(result.value.expiresAt) / 1000).toBe(ticket.expires);
    expect(await readInWordpress(LOGIN_PLUGIN_PATH)).toBe(LOGIN_PLUGIN_PHP);

    const second = await ops.adminLogin(store);
    if (!second.ok) throw new Error(second.error.message);
    expect(new URL(second.value.url).hash.slice(1)).not.toBe(token);
  });

  it('audits the click without the token, and the token reaches no file of the data dir', async () => {
    const result = await ops.adminLogin(store);
    if (!result.ok) throw new Error(result.error.message);
    const token = new URL(result.value.url).hash.slice(1);
    const entry = audit.at(-1);
    expect(entry).toMatchObject({ action: 'admin-login', name: 'Login Shop', actor: 'test:login' });
    expect(entry?.details).toMatch(/; ok$/);
    expect(JSON.stringify(audit)).not.toContain(token);
    for (const file of ['storedeck.db', 'storedeck.db-wal']) {
      const bytes = (() => {
        try {
          return readFileSync(path.join(h.dir, file));
        } catch {
          return Buffer.alloc(0);
        }
      })();
      expect(bytes.includes(Buffer.from(token))).toBe(false);
    }
    const logged = h.sim.requests().map((r) => JSON.stringify(r));
    expect(logged.some((line) => line.includes(token))).toBe(false);
  });

  it('refuses a store that is not Ready, in plain words', async () => {
    const result = await ops.adminLogin({ ...store, status: 'Provisioning' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    if (!result.ok) expect(result.error.message).toMatch(/once it is Ready/);
  });

  it('refuses a namespace that is not the store’s own, without exec-ing into it', async () => {
    // Someone else's namespace: made by a cluster admin (the chart's user could not make it).
    const admin = new ClientPool(h.adminKubeconfigPath).clientFor(CONTEXT);
    await admin.core.createNamespace({ body: { metadata: { name: 'store-not-ours' } } });
    h.sim.clearRequests();
    const result = await ops.adminLogin({ ...store, namespace: 'store-not-ours' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(h.sim.requests().filter((r) => r.namespace === 'store-not-ours')).toEqual([]);
  });
});

describe('WP-CLI console', () => {
  it('runs commands in a console pod next to WordPress, streams the output, and audits the command only', async () => {
    const listed = await wp('plugin', 'list', '--status=active', '--field=name');
    expect(listed.exitCode).toBe(0);
    expect(listed.stdout).toMatch(/woocommerce/);
    const pod = h.sim.store.get('pods', store.namespace, 'wp-console');
    expect(pod?.metadata.labels?.['app.kubernetes.io/component']).toBe('wp-console');
    const wordpressNode = h.sim.store.get('pods', store.namespace, wordpressPod())?.spec?.nodeName;
    expect(JSON.stringify(pod?.spec?.affinity)).toContain(String(wordpressNode));

    const failed = await wp('option', 'get', 'no_such_option');
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toMatch(/Error:/);

    const secret = await wp('user', 'update', 'admin', '--user_pass=Sup3r-secret');
    expect(secret.exitCode).not.toBeNull();
    const entries = audit.filter((e) => e.action === 'wp-cli');
    expect(entries.map((e) => e.details)).toEqual([
      expect.stringMatching(/command=wp plugin list; ok; exit=0$/),
      expect.stringMatching(/command=wp option get; ok; exit=1$/),
      expect.stringMatching(/command=wp user update; ok; exit=/),
    ]);
    expect(JSON.stringify(audit)).not.toContain('Sup3r-secret');
  });
});
