// Issue 10 acceptance: "Ready means it sells". Against kube-sim through the real client, the
// engine reaches a Ready pod behind the store's WordPress Service over one pods/portforward
// stream, where a fake WooCommerce served here on 127.0.0.1 answers (the store's Host names
// the site). Each failure of that API ends Failed at
// the checkout step with the reason; a retry passes and leaves exactly zero test orders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../preload/contract';
import { TEST_ORDER_EMAIL } from '../../main/engine/strategies/woocommerce/checkout-verify';
import { CHECKOUT_STEP } from '../../main/engine/verify-checkout';
import { FakeWooCommerce, type FakeFaults } from '../kube-sim/service-proxy/fake-woocommerce';
import { siteForHost } from '../kube-sim/service-proxy/service-proxy';
import { CONTEXT, startHarness, type Harness } from './fixtures/engine-harness';

let h: Harness;
let shop: FakeWooCommerce;

beforeAll(async () => {
  h = await startHarness({ checkoutRequestTimeoutMs: 1_500 });
  // The admin is whoever holds the password in the store's Secret, as after setup.
  shop = new FakeWooCommerce({
    checkAdmin: (namespace, user, password) => {
      const secret = h.sim.store.get('secrets', namespace, 'wordpress-secrets');
      const data = (secret?.data ?? {}) as Record<string, string>;
      const stored = Buffer.from(data['admin-password'] ?? '', 'base64').toString();
      return user === 'admin' && password === stored && stored !== '';
    },
    siteForHost: (host) => siteForHost(h.sim.store, host),
  });
  await shop.serve();
  const ours = new Set(
    ['forbidden-shop', 'broken-shop', 'on-hold-shop', 'slow-shop', 'plain-shop'].map((s) => `store-${s}`),
  );
  // These stores' WordPress port 80 is this shop; every other store gets the sim's own.
  h.sim.setPortBackend((namespace, _pod, port) => {
    const listening = shop.port();
    return ours.has(namespace) && port === 80 && listening
      ? { host: '127.0.0.1', port: listening }
      : undefined;
  });
}, 60_000);

afterAll(async () => {
  await h?.close();
  await shop?.stop();
});

const forwarded = (namespace: string) =>
  h.sim.requests().filter((r) => r.resource === 'pods/portforward' && r.namespace === namespace);

async function failThenRetry(name: string, faults: FakeFaults, reason: RegExp): Promise<Store> {
  shop.faults = faults;
  const failed = await h.createAndSettle(name);
  expect(failed).toMatchObject({ status: 'Failed', errorStep: CHECKOUT_STEP });
  expect(failed.errorMessage).toMatch(reason);
  expect(h.state.events.list(failed.id).at(-1)).toMatchObject({ step: CHECKOUT_STEP, status: 'failed' });

  shop.faults = {};
  const retried = await h.engine.retry(failed.id);
  expect(retried.ok).toBe(true);
  await h.engine.settled(failed.id);
  const ready = h.state.stores.get(failed.id) as Store;
  expect(ready).toMatchObject({ status: 'Ready', errorStep: null, errorMessage: null });
  expect(shop.orders(failed.namespace)).toEqual([]);
  return ready;
}

describe('checkout verified before Ready', () => {
  it('the cart API answering 403 fails the store with that reason; a retry passes', async () => {
    await failThenRetry(
      'Forbidden Shop',
      { status: { cart: 403 } },
      /^checkout failed: the cart API \(wc\/store\/v1\/cart\) answered 403: Injected 403 on cart$/,
    );
  });

  it('the checkout API answering 500 fails the store with that reason; a retry passes', async () => {
    await failThenRetry(
      'Broken Shop',
      { status: { checkout: 500 } },
      /^checkout failed: the checkout API \(wc\/store\/v1\/checkout\) answered 500/,
    );
  });

  it('an order that is not processing fails the store, and that order is removed all the same', async () => {
    shop.faults = { orderStatus: 'on-hold' };
    const failed = await h.createAndSettle('On Hold Shop');
    expect(failed).toMatchObject({ status: 'Failed', errorStep: CHECKOUT_STEP });
    expect(failed.errorMessage).toMatch(
      /^checkout failed: order #\d+ has status on-hold, total 19\.99; expected status processing, total 19\.99$/,
    );
    expect(shop.orders(failed.namespace)).toEqual([]);
    shop.faults = {};
    await h.engine.retry(failed.id);
    await h.engine.settled(failed.id);
    expect(h.state.stores.get(failed.id)?.status).toBe('Ready');
    expect(shop.orders(failed.namespace)).toEqual([]);
  });

  it('a checkout API that never answers fails on its timeout; the retry also removes an order an earlier attempt left', async () => {
    shop.faults = { hang: 'checkout' };
    const failed = await h.createAndSettle('Slow Shop');
    expect(failed).toMatchObject({ status: 'Failed', errorStep: CHECKOUT_STEP });
    expect(failed.errorMessage).toBe(
      'checkout failed: the checkout API (wc/store/v1/checkout) gave no answer within 2 s',
    );
    shop.faults = {};
    // As if an attempt had placed its order and then lost its connection before removing it.
    shop.leaveOrder(failed.namespace, TEST_ORDER_EMAIL);
    await h.engine.retry(failed.id);
    await h.engine.settled(failed.id);
    const done = h.state.events
      .list(failed.id)
      .filter((e) => e.step === CHECKOUT_STEP && e.status === 'completed');
    expect(done).toHaveLength(1);
    expect(done[0]?.message).toMatch(
      /^Checkout verified \(test order placed and removed\): order #\d+ was processing at 19\.99 and is removed \(and 1 left by an earlier attempt\)$/,
    );
    expect(shop.orders(failed.namespace)).toEqual([]);
  });

  it('runs once: a drift pass over a Ready store places no order; with the setting off no order is placed', async () => {
    const ready = await h.createAndSettle('Plain Shop');
    expect(ready.status).toBe('Ready');
    // The whole check, eight storefront requests, went through one port-forward stream.
    expect(forwarded(ready.namespace)).toHaveLength(1);
    expect(h.sim.requests().filter((r) => r.resource === 'services/proxy')).toEqual([]);
    h.sim.clearRequests();
    await h.engine.reconcileNow(ready.id);
    await h.engine.settled(ready.id);
    expect(forwarded(ready.namespace)).toEqual([]);

    h.state.settings.update({ verifyCheckout: false });
    const unchecked = await h.engine.create({
      name: 'Unchecked Shop',
      adminEmail: 'o@example.com',
      plan: 'woocommerce',
      context: CONTEXT,
    });
    if (!unchecked.ok) throw new Error(unchecked.error.message);
    await h.engine.settled(unchecked.value.id);
    expect(h.state.stores.get(unchecked.value.id)?.status).toBe('Ready');
    expect(h.state.events.list(unchecked.value.id).some((e) => e.step === CHECKOUT_STEP)).toBe(false);
    expect(forwarded(unchecked.value.namespace)).toEqual([]);
    h.state.settings.update({ verifyCheckout: true });
  });
});
