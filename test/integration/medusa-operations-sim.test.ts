// A MedusaJS store's admin tools against kube-sim through the real client, run as the access
// chart's ServiceAccount: reveal (the admin email and the Secret's password), reset (a Job
// running the template's set-password.sh with the password from the Secret, pinned next to the
// server, removed after; the previous password back when it fails) and the one-click admin
// login (a ticket for a fresh token in the server container, the token in no log or audit).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../preload/contract';
import type { AuditSink } from '../../main/engine/operations/audited';
import { StoreOperations } from '../../main/engine/operations/store-operations';
import { LOGIN_TICKET_TTL_SECONDS, tokenHash } from '../../main/engine/strategies/login-ticket';
import { MEDUSA_LOGIN_DIR, MEDUSA_LOGIN_PATH } from '../../main/engine/strategies/medusa/admin-login';
import { strategyFor } from '../../main/engine/strategies/registry';
import { ClientPool } from '../../main/kube/client-pool';
import { execInPod } from '../../main/kube/pod-exec';
import type { KubeObject } from '../kube-sim/types';
import { CONTEXT, startHarness, type Harness } from './fixtures/engine-harness';

let h: Harness;
let store: Store;
let ops: StoreOperations;
let pool: ClientPool;
const audit: Array<Parameters<AuditSink['add']>[0]> = [];
const createdJobs: KubeObject[] = [];

const secretPassword = (): string => {
  const data = (h.sim.store.get('secrets', store.namespace, 'medusa-secrets')?.data ?? {}) as Record<
    string,
    string
  >;
  return Buffer.from(String(data['admin-password']), 'base64').toString('utf8');
};
const serverPod = () =>
  h.sim.store
    .list('pods', store.namespace)
    .find(
      (p) => p.metadata.labels?.['app.kubernetes.io/component'] === 'server' && !p.metadata.deletionTimestamp,
    );
const resetJobs = () =>
  h.sim.store
    .list('jobs.batch', store.namespace)
    .filter((j) => j.metadata.name.startsWith('admin-password-reset-'));

beforeAll(async () => {
  h = await startHarness();
  pool = new ClientPool(h.kubeconfigPath);
  h.sim.store.subscribe((event) => {
    if (event.key === 'jobs.batch' && event.type === 'ADDED') createdJobs.push(event.object);
  });
  store = await h.createAndSettle('Medusa Tools', 'medusa');
  expect(store.status).toBe('Ready');
  ops = new StoreOperations({
    clientFor: () => pool.clientFor(CONTEXT),
    strategyFor,
    storeContext: (s) => h.engine.storeContext(s),
    audit: { add: (entry) => audit.push(entry) },
    actor: 'test:medusa-tools',
    emitLogLines: () => undefined,
    passwordResetTimeoutMs: 20_000,
  });
});

afterAll(async () => {
  ops?.close();
  await h?.close();
});

describe('a MedusaJS store’s admin password', () => {
  it('is revealed from the Secret, with the admin email as the user name', async () => {
    expect(await ops.revealPassword(store)).toEqual({
      ok: true,
      value: { username: 'owner@example.com', password: secretPassword() },
    });
  });

  it('is reset by a Job running set-password.sh with the new password from the Secret, pinned to the server', async () => {
    const before = secretPassword();
    const result = await ops.resetPassword(store);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toEqual({ username: 'owner@example.com', password: secretPassword() });
    expect(result.value.password).not.toBe(before);

    const job = createdJobs.find((j) => j.metadata.name.startsWith('admin-password-reset-'))!;
    const pod = job.spec.template.spec;
    const container = pod.containers[0];
    expect(container.command.join(' ')).toMatch(/bin\/set-password\.sh \/app$/);
    expect(container.env).toContainEqual({
      name: 'ADMIN_PASSWORD',
      valueFrom: { secretKeyRef: { name: 'medusa-secrets', key: 'admin-password' } },
    });
    expect(container.env).toContainEqual({ name: 'ADMIN_EMAIL', value: 'owner@example.com' });
    expect(JSON.stringify(job)).not.toContain(result.value.password);
    const terms = pod.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms;
    expect(terms[0].matchFields[0].values).toEqual([serverPod()?.spec?.nodeName]);
    expect(resetJobs()).toEqual([]);
  });

  it('stays what it was when the reset Job fails, and the user is told so', async () => {
    const before = secretPassword();
    h.sim.setFaults({ jobFailPattern: '^admin-password-reset-' });
    try {
      const result = await ops.resetPassword(store);
      expect(result.ok ? '' : result.error.message).toMatch(/previous password is still in effect/);
    } finally {
      h.sim.setFaults({ jobFailPattern: null });
    }
    expect(secretPassword()).toBe(before);
    expect(resetJobs()).toEqual([]);
  });
});

describe('a MedusaJS store’s one-click admin login', () => {
  it('leaves a ticket for a fresh token in the server container and links to the login route', async () => {
    const before = Math.floor(Date.now() / 1000);
    const result = await ops.adminLogin(store);
    if (!result.ok) throw new Error(result.error.message);
    const url = new URL(result.value.url);
    expect(`${url.origin}/`).toBe(store.url);
    expect(url.pathname).toBe(MEDUSA_LOGIN_PATH);
    expect(url.search).toBe('');
    const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const read = await execInPod(
      pool.clientFor(CONTEXT).kubeConfig,
      { namespace: store.namespace, pod: serverPod()!.metadata.name, container: 'server' },
      ['cat', `${MEDUSA_LOGIN_DIR}/${tokenHash(token)}.json`],
    );
    expect(read.exitCode, read.stderr).toBe(0);
    const ticket = JSON.parse(read.stdout) as { user: string; expires: number };
    expect(ticket.user).toBe('owner@example.com');
    expect(ticket.expires).toBeGreaterThanOrEqual(before + LOGIN_TICKET_TTL_SECONDS);
    expect(ticket.expires).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + LOGIN_TICKET_TTL_SECONDS);

    const again = await ops.adminLogin(store);
    expect(again.ok && new URL(again.value.url).hash).not.toBe(url.hash);
    const entry = audit.filter((e) => e.action === 'admin-login').at(-1);
    expect(entry).toMatchObject({ name: 'Medusa Tools', actor: 'test:medusa-tools' });
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(h.sim.requests().some((r) => JSON.stringify(r).includes(token))).toBe(false);
  });

  it('refuses a store that is not Ready, in plain words', async () => {
    const result = await ops.adminLogin({ ...store, status: 'Provisioning' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
  });
});
