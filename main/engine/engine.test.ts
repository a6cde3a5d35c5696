import { afterEach, describe, expect, it } from 'vitest';
import { parseRequest, type EventName } from '../../preload/contract';
import { openState, type State } from '../state/open-state';
import { Engine } from './engine';
import type { StoreStrategy } from './strategies/strategy';
import type { Store } from '../../preload/contract';

// Admission and state transitions only: the cluster side is covered by test/integration.
const strategy = (plan: 'woocommerce' | 'medusa') => ({ plan }) as unknown as StoreStrategy;

let state: State;
let engine: Engine;
afterEach(async () => {
  await engine?.stop();
  state?.close();
});

function setup(settings: { maxStoresPerContext?: number } = {}, working = true) {
  state = openState(':memory:');
  state.settings.update(settings);
  const emitted: Array<[EventName, unknown]> = [];
  engine = new Engine({
    ...state,
    // No cluster here: a pass fails at its first step, which is all these tests need.
    clientFor: (context) => {
      throw new Error(`context ${context} is not reachable in unit tests`);
    },
    isLocalContext: () => true,
    strategyFor: (plan) => strategy(plan),
    actor: 'test:unit',
    working,
  });
  engine.bus.subscribe((name, payload) => emitted.push([name, payload]));
  return { emitted };
}

const valid = { name: 'Corner Shop', adminEmail: 'owner@example.com', context: 'kind-dev' };

/** As every transport does: the contract parses the request, the engine takes what it made of it. */
async function create({ context, ...request }: typeof valid) {
  const parsed = parseRequest('createStore', request);
  return parsed.ok ? engine.create({ ...parsed.value, context }) : parsed;
}

describe('Engine.create', () => {
  it('records a Queued store with its slug and namespace, audits it and announces it', async () => {
    const { emitted } = setup();
    const result = await create(valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      name: 'Corner Shop',
      slug: 'corner-shop',
      namespace: 'store-corner-shop',
      status: 'Queued',
      plan: 'woocommerce',
    });
    expect(state.audit.list(10)[0]).toMatchObject({
      action: 'create',
      name: 'Corner Shop',
      actor: 'test:unit',
    });
    expect(emitted[0]).toEqual(['storeChanged', result.value]);
    expect(state.stores.getDesired(result.value.id)?.desired).toMatchObject({ host: null, baseDomain: null });
  });

  it.each([
    [{ ...valid, name: '' }, 'invalid_request', /name: Store name is required/],
    [{ ...valid, name: 'x'.repeat(41) }, 'invalid_request', /at most 40/],
    [{ ...valid, name: 'kube-system' }, 'invalid_request', /reserved/],
    [{ ...valid, name: '!!!' }, 'invalid_request', /letter or digit/],
    [
      { ...valid, adminEmail: 'not-an-email' },
      'invalid_request',
      /adminEmail: Admin email must be a valid email/,
    ],
    [{ ...valid, context: ' ' }, 'no_context', /No cluster context/],
  ])('refuses %j with %s and writes nothing', async (input, code, message) => {
    setup();
    const result = await create(input);
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message).toMatch(message);
    expect(state.stores.list()).toHaveLength(0);
    expect(state.audit.list(10)).toHaveLength(0);
  });

  it('refuses a name whose slug is taken in the same context, but not in another one', async () => {
    setup();
    expect((await create(valid)).ok).toBe(true);
    const clash = await create({ ...valid, name: 'corner   SHOP!' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await create({ ...valid, name: 'corner shop', context: 'kind-other' })).ok).toBe(true);
  });

  it('enforces the per-context store limit', async () => {
    setup({ maxStoresPerContext: 2 });
    expect((await create({ ...valid, name: 'one' })).ok).toBe(true);
    expect((await create({ ...valid, name: 'two' })).ok).toBe(true);
    const third = await create({ ...valid, name: 'three' });
    expect(third).toMatchObject({ ok: false, error: { code: 'limit_reached' } });
    if (!third.ok) expect(third.error.message).toMatch(/already has 2 stores \(the limit is 2\)/);
    expect((await create({ ...valid, name: 'three', context: 'kind-other' })).ok).toBe(true);
  });
});

describe('Engine transitions', () => {
  it('a pass that cannot reach the cluster fails the store at its first step, and retry queues it again', async () => {
    setup();
    const created = await create(valid);
    if (!created.ok) throw new Error('create failed');
    await engine.settled(created.value.id);
    const failed = state.stores.get(created.value.id);
    expect(failed).toMatchObject({ status: 'Failed', errorStep: 'start' });
    expect(failed?.errorMessage).toMatch(/Cannot use cluster context "kind-dev"/);

    const retried = await engine.retry(created.value.id);
    expect(retried).toMatchObject({
      ok: true,
      value: { status: 'Queued', errorStep: null, errorMessage: null },
    });
    expect(state.stores.getDesired(created.value.id)?.generation).toBe(2);
    expect(state.audit.list(1)[0]).toMatchObject({ action: 'retry' });
    // The timeline marks where the new attempt begins, and why.
    expect(state.events.list(created.value.id).filter((e) => e.step === 'attempt')).toMatchObject([
      {
        status: 'completed',
        message: 'Attempt 2: retry after Start failed, with the settings frozen at create',
      },
    ]);
    await engine.settled(created.value.id);
  });

  it('retry and reconcileNow refuse stores in the wrong state; unknown ids are not_found', async () => {
    setup();
    const ready = state.stores.insert({
      name: 'r',
      slug: 'r',
      namespace: 'store-r',
      plan: 'woocommerce',
      context: 'c',
      adminEmail: 'a@b.co',
      status: 'Ready',
    });
    if (!ready.ok) throw new Error('insert failed');
    expect(await engine.retry(ready.value.id)).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    const created = await create(valid);
    if (!created.ok) throw new Error('create failed');
    await engine.settled(created.value.id);
    expect(await engine.reconcileNow(created.value.id)).toMatchObject({
      ok: false,
      error: { code: 'invalid_state' },
    });
    for (const call of [engine.retry('nope'), engine.delete('nope'), engine.reconcileNow('nope')]) {
      expect(await call).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
  });

  it('delete marks the store Deleting and audits it; an unreachable cluster keeps it Deleting with the reason', async () => {
    setup();
    const created = await create(valid);
    if (!created.ok) throw new Error('create failed');
    await engine.settled(created.value.id);
    const deleting = await engine.delete(created.value.id);
    expect(deleting).toMatchObject({ ok: true, value: { status: 'Deleting' } });
    await engine.settled(created.value.id);
    expect(state.stores.get(created.value.id)).toMatchObject({ status: 'Deleting', errorStep: 'delete' });
    expect(state.audit.list(1)[0]).toMatchObject({ action: 'delete', name: 'Corner Shop' });
  });

  it('resume picks up every unfinished store', async () => {
    setup();
    const a = state.stores.insert({
      name: 'a',
      slug: 'a',
      namespace: 'store-a',
      plan: 'woocommerce',
      context: 'c',
      adminEmail: 'a@b.co',
      status: 'Provisioning',
    });
    state.stores.insert({
      name: 'b',
      slug: 'b',
      namespace: 'store-b',
      plan: 'woocommerce',
      context: 'c',
      adminEmail: 'a@b.co',
      status: 'Ready',
    });
    const c = state.stores.insert({
      name: 'c',
      slug: 'c',
      namespace: 'store-c',
      plan: 'woocommerce',
      context: 'c',
      adminEmail: 'a@b.co',
      status: 'Deleting',
    });
    const resumed = await engine.resume();
    expect(resumed.ok && resumed.value.resumed.map((s) => s.name)).toEqual(['a', 'c']);
    if (a.ok) await engine.settled(a.value.id);
    if (c.ok) await engine.settled(c.value.id);
    expect(state.stores.list().map((s) => [s.name, s.status])).toEqual([
      ['a', 'Failed'],
      ['b', 'Ready'],
      ['c', 'Deleting'],
    ]);
  });
});

describe('Engine as one of several processes on a data dir', () => {
  const row = (slug: string, status: 'Queued' | 'Ready' | 'Deleting') => {
    const inserted = state.stores.insert({
      name: slug,
      slug,
      namespace: `store-${slug}`,
      plan: 'woocommerce',
      context: 'c',
      adminEmail: 'a@b.co',
      status,
    });
    if (!inserted.ok) throw new Error(inserted.error.message);
    return inserted.value;
  };

  it('a non-working engine records and audits a create but runs nothing until it becomes the worker', async () => {
    const { emitted } = setup({}, false);
    expect(engine.working).toBe(false);
    const created = await create(valid);
    if (!created.ok) throw new Error('create failed');
    await engine.settled(created.value.id);
    expect(state.stores.get(created.value.id)?.status).toBe('Queued');
    expect(state.audit.list(1)[0]).toMatchObject({ action: 'create', name: 'Corner Shop' });
    expect(emitted.map(([name]) => name)).toEqual(['storeChanged']);
    expect(await engine.resume()).toEqual({ ok: true, value: { resumed: [] } });

    await engine.setWorking(true);
    expect(engine.working).toBe(true);
    await engine.settled(created.value.id);
    // The pass ran (and, with no cluster here, failed at its first step).
    expect(state.stores.get(created.value.id)?.status).toBe('Failed');
  });

  it('pickUp runs an unfinished store another process wrote, only while working', async () => {
    setup({}, false);
    const queued = row('queued', 'Queued');
    engine.pickUp(queued, null);
    await engine.settled(queued.id);
    expect(state.stores.get(queued.id)?.status).toBe('Queued');

    await engine.setWorking(true);
    await engine.settled(queued.id);
    const ready = row('ready', 'Ready');
    engine.pickUp(ready, null);
    const deleting = row('going', 'Deleting');
    engine.pickUp(deleting, ready);
    await engine.settled(deleting.id);
    expect(state.stores.get(ready.id)?.status).toBe('Ready');
    // The delete pass ran: with no cluster it stays Deleting with the reason recorded.
    expect(state.stores.get(deleting.id)).toMatchObject({ status: 'Deleting', errorStep: 'delete' });
  });

  it('reconcileNow in a process that is not the worker leaves a request the worker picks up', async () => {
    setup({}, false);
    const ready = row('drifted', 'Ready');
    const requested = await engine.reconcileNow(ready.id, 'cli:test');
    expect(requested.ok).toBe(true);
    expect(state.stores.get(ready.id)?.updatedAt).not.toBe(ready.updatedAt);
    expect(state.audit.list(5)[0]).toMatchObject({ action: 'reconcile', name: 'drifted', actor: 'cli:test' });
    await engine.settled(ready.id);
    expect(state.stores.get(ready.id)?.status).toBe('Ready');

    // The worker sees a Ready row changed by another process and runs a pass over it (with no
    // cluster here the pass cannot even start, which shows that it ran).
    await engine.setWorking(true);
    engine.pickUp(state.stores.get(ready.id) as Store, ready);
    await engine.settled(ready.id);
    expect(state.stores.get(ready.id)).toMatchObject({ status: 'Failed', errorStep: 'start' });
  });
});
